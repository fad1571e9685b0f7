package io.carbonx.node.cli;

import io.carbonx.events.SurrenderKind;
import io.carbonx.node.client.ApiResponse;
import io.carbonx.node.client.ClientException;
import io.carbonx.node.client.SignedRequests;
import io.carbonx.requests.SurrenderRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code carbonx surrender --year Y --instrument ID --quantity N}: surrenders allowances (or offsets) for a
 * compliance year with a signed {@code SurrenderRequest} ({@code POST /api/v1/surrenders}); the kind is taken from
 * the instrument unless given. Uses the profile's sequence counter like orders do.
 */
@Command(name = "surrender", mixinStandardHelpOptions = true,
        description = {"Surrender allowances or offsets for a compliance year (signed, ENTERPRISE).",
                "Exit codes: 0 surrendered, 4 refused (e.g. INSUFFICIENT_HOLDINGS, BAD_REQUEST_SIGNATURE,"
                        + " INSTRUMENT_KIND_MISMATCH), 6 not allowed, 7 node unreachable, 8 profile problem."})
final class SurrenderCommand extends ClientCommand {

    @Option(names = "--year", required = true, paramLabel = "YEAR", description = "Compliance year.")
    int year;

    @Option(names = "--instrument", required = true, paramLabel = "ID", description = "e.g. EUA-2026.")
    String instrument;

    @Option(names = "--quantity", required = true, paramLabel = "N", description = "Whole tonnes.")
    long quantity;

    @Option(names = "--kind", paramLabel = "KIND",
            description = "${COMPLETION-CANDIDATES} (default: from the instrument's kind).")
    SurrenderKind kind;

    @Option(names = "--surrender-id", paramLabel = "ID", description = "Your id of it (default: surrender-<sequence>).")
    String surrenderId;

    @Option(names = "--sequence", paramLabel = "N", description = "Sequence number (default: the profile's next).")
    Long sequence;

    @Override
    int run(PrintWriter out) {
        require(quantity > 0, "--quantity must be positive");
        LoggedIn me = login();
        SurrenderKind k = kind != null ? kind : kindOf(me);
        long seq = me.identity().sequence().reserve(sequence, false);
        String sid = surrenderId != null ? surrenderId : "surrender-" + seq;
        SurrenderRequest request = SurrenderRequest.newBuilder().setChainId(me.session().chainId())
                .setParticipantId(me.session().participantId()).setSequence(seq).setSurrenderId(sid).setYear(year)
                .setInstrumentId(instrument).setQuantity(quantity).setKind(k).build();
        ApiResponse r = me.session().post("/api/v1/surrenders", SignedRequests.body(request, me.identity().signer(),
                null)).requireOk("surrendering " + quantity + " " + instrument + " for " + year);
        JsonArray events = r.json().getJsonArray("events", new JsonArray());
        out.println("Surrendered " + quantity + " " + instrument + " (" + k + ") for " + year + ": surrender id " + sid
                + ", sequence " + seq + ", " + events.size() + " event(s)");
        return ExitCodes.OK;
    }

    private SurrenderKind kindOf(LoggedIn me) {
        JsonArray items = me.session().get("/api/v1/instruments").requireOk("reading the instruments").json()
                .getJsonArray("items", new JsonArray());
        for (int i = 0; i < items.size(); i++) {
            JsonObject it = items.getJsonObject(i);
            if (instrument.equals(it.getString("instrumentId"))) {
                return "OFFSET".equals(it.getString("kind")) ? SurrenderKind.OFFSET : SurrenderKind.ALLOWANCE;
            }
        }
        throw ClientException.of(ClientException.Kind.NOT_FOUND, "the registry has no instrument " + instrument);
    }
}
