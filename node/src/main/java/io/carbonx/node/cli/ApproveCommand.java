package io.carbonx.node.cli;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code carbonx approve <participantId>...} (a REGULATOR profile): approves pending registrations, so the CA issues
 * their certificates and their accounts open; {@code --list} shows what is pending; {@code --reject} rejects
 * instead.
 */
@Command(name = "approve", mixinStandardHelpOptions = true,
        description = {"As a regulator: approve pending registrations (the CA issues the certificate, the account"
                + " opens), or --list them, or --reject them.",
                "Exit codes: 0 done, 4 refused (e.g. not pending), 5 unknown registration, 6 not a regulator."})
final class ApproveCommand extends ClientCommand {

    @Parameters(paramLabel = "PARTICIPANT_ID", arity = "0..*", description = "Registrations to approve.")
    List<String> participantIds = List.of();

    @Option(names = "--list", description = "List pending registrations.")
    boolean list;

    @Option(names = "--reject", description = "Reject instead of approving.")
    boolean reject;

    @Option(names = "--reason", paramLabel = "TEXT", defaultValue = "rejected by the regulator",
            description = "Reason of a rejection (default: ${DEFAULT-VALUE}).")
    String reason;

    @Override
    int run(PrintWriter out) {
        require(list || !participantIds.isEmpty(), "give the participant ids to approve, or --list");
        LoggedIn me = login();
        if (list) {
            JsonArray items = me.session().get("/api/v1/registrations").requireOk("listing registrations").json()
                    .getJsonArray("items", new JsonArray());
            out.println(items.size() + " pending registration(s)");
            for (int i = 0; i < items.size(); i++) {
                JsonObject r = items.getJsonObject(i);
                out.printf("  %s  %-10s  %s  (submitted %s)%n", r.getString("participantId"), r.getString("role"),
                        r.getString("legalName"), Instant.ofEpochMilli(r.getLong("submittedAtMs", 0L)));
            }
        }
        for (String id : participantIds) {
            if (reject) {
                me.session().post("/api/v1/registrations/" + id + "/reject", new JsonObject().put("reason", reason))
                        .requireOk("rejecting the registration of " + id);
                out.println("Rejected the registration of " + id);
            } else {
                me.session().post("/api/v1/registrations/" + id + "/approve", null)
                        .requireOk("approving the registration of " + id);
                out.println("Approved " + id + ": the certificate is issued and the account is open");
            }
        }
        return ExitCodes.OK;
    }
}
