package io.carbonx.node.cli;

import io.carbonx.events.OrderType;
import io.carbonx.events.Side;
import io.carbonx.events.TimeInForce;
import io.carbonx.node.client.ApiResponse;
import io.carbonx.node.client.ClientException;
import io.carbonx.node.client.SignedRequests;
import io.carbonx.requests.CancelRequest;
import io.carbonx.requests.OrderRequest;
import io.vertx.core.json.JsonObject;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code carbonx order place|cancel}: signed order entry. The request (an Avro {@code OrderRequest} /
 * {@code CancelRequest}) carries the chain id the node's login challenge named and the profile's next sequence
 * number (reserved on disk before signing, so no number is ever signed twice); its single-object encoding is signed
 * with the profile's key and posted to the exchange gateway with the certificate serial.
 */
@Command(name = "order", mixinStandardHelpOptions = true,
        description = "Signed orders: place one, or cancel a resting one.",
        subcommands = {OrderCommand.PlaceCommand.class, OrderCommand.CancelCommand.class})
final class OrderCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("carbonx order: missing subcommand (place, cancel)");
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }

    /** Options of both. */
    abstract static class SignedCommand extends ClientCommand {
        @Option(names = "--sequence", paramLabel = "N",
                description = "Use this sequence number instead of the profile's next one (it must be above every"
                        + " number this participant used; the profile's counter moves up to it).")
        Long sequence;

        @Option(names = "--allow-lower-sequence", hidden = true,
                description = "Send --sequence even if it is not above the profile's counter (to show the node's"
                        + " replay protection).")
        boolean allowLower;

        /** Hint added to a REPLAYED_SEQUENCE refusal. */
        static ClientException withSequenceHint(ClientException e, long used) {
            if ("REPLAYED_SEQUENCE".equals(e.reasonCode())) {
                return new ClientException(e.kind(), e.reasonCode(), e.getMessage() + " (sequence " + used
                        + " was already used by this participant: another copy of the key, or a restored profile?"
                        + " Pass --sequence with a higher number.)");
            }
            return e;
        }
    }

    /** {@code carbonx order place}. */
    @Command(name = "place", mixinStandardHelpOptions = true,
            description = {"Place a signed order (ENTERPRISE).",
                    "Exit codes: 0 submitted (or a repeated client order id: the first result is shown), 4 refused"
                            + " (BAD_SIGNATURE, REPLAYED_SEQUENCE, OUT_OF_BAND, OFF_TICK, ...), 6 not allowed,"
                            + " 7 node unreachable (retry with the same --client-order-id), 8 profile problem."})
    static final class PlaceCommand extends SignedCommand {

        @Option(names = "--instrument", required = true, paramLabel = "ID", description = "e.g. EUA-2026.")
        String instrument;

        @Option(names = "--side", required = true, paramLabel = "SIDE", description = "${COMPLETION-CANDIDATES}.")
        Side side;

        @Option(names = "--quantity", required = true, paramLabel = "N", description = "Whole tonnes (units).")
        long quantity;

        @Option(names = "--price-minor", paramLabel = "PRICE",
                description = "Limit price per tonne in minor currency units (required for LIMIT).")
        Long priceMinor;

        @Option(names = "--type", paramLabel = "TYPE", defaultValue = "LIMIT",
                description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
        OrderType type;

        @Option(names = "--tif", paramLabel = "TIF", defaultValue = "GTC",
                description = "Time in force: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
        TimeInForce timeInForce;

        @Option(names = "--client-order-id", paramLabel = "ID",
                description = "Your id of the order (default: cli-<sequence>); repeating it returns the first"
                        + " result instead of placing a second order.")
        String clientOrderId;

        @Option(names = "--expires-at-ms", paramLabel = "MS", description = "Expiry (ms since the epoch), GTC only.")
        Long expiresAtMs;

        @Override
        int run(PrintWriter out) {
            require(type != OrderType.LIMIT || priceMinor != null, "a LIMIT order needs --price-minor");
            LoggedIn me = login();
            String serial = me.identity().certificateSerial();
            long seq = me.identity().sequence().reserve(sequence, allowLower);
            String cid = clientOrderId != null ? clientOrderId : "cli-" + seq;
            OrderRequest request = OrderRequest.newBuilder().setChainId(me.session().chainId())
                    .setParticipantId(me.session().participantId()).setSequence(seq).setClientOrderId(cid)
                    .setInstrumentId(instrument).setSide(side).setOrderType(type).setTimeInForce(timeInForce)
                    .setPriceMinor(type == OrderType.MARKET ? null : priceMinor).setQuantity(quantity)
                    .setExpiresAtMs(expiresAtMs).build();
            ApiResponse r = me.session().post("/api/v1/orders", SignedRequests.body(request, me.identity().signer(),
                    serial));
            if (!r.ok()) {
                throw withSequenceHint(ClientException.fromResponse("placing " + side + " " + quantity + " "
                        + instrument, r), seq);
            }
            JsonObject body = r.json();
            if ("DUPLICATE".equals(body.getString("status"))) {
                out.println("Client order id " + cid + " was used before: nothing new was placed; the first result"
                        + " was order " + body.getString("orderId") + " (sequence " + body.getLong("sequence") + ")");
                return ExitCodes.OK;
            }
            out.println("Order submitted: " + side + " " + quantity + " " + instrument
                    + (priceMinor == null || type == OrderType.MARKET ? " at market" : " at " + priceMinor)
                    + " -> order id " + body.getString("orderId") + " (sequence " + seq + ", client order id " + cid
                    + ", event " + body.getString("eventId") + ")");
            out.println("The registry locks the deposit next; then the order rests in the book or trades"
                    + " (see: carbonx orders, carbonx holdings).");
            return ExitCodes.OK;
        }
    }

    /** {@code carbonx order cancel <orderId> --instrument ID}. */
    @Command(name = "cancel", mixinStandardHelpOptions = true,
            description = {"Cancel a resting order with a signed request (ENTERPRISE).",
                    "Exit codes: 0 requested, 4 refused (BAD_SIGNATURE, REPLAYED_SEQUENCE, UNKNOWN_INSTRUMENT),"
                            + " 6 not allowed, 7 node unreachable, 8 profile problem."})
    static final class CancelCommand extends SignedCommand {

        @Parameters(index = "0", paramLabel = "ORDER_ID", description = "The exchange order id.")
        String orderId;

        @Option(names = "--instrument", required = true, paramLabel = "ID", description = "The order's instrument.")
        String instrument;

        @Override
        int run(PrintWriter out) {
            LoggedIn me = login();
            String serial = me.identity().certificateSerial();
            long seq = me.identity().sequence().reserve(sequence, allowLower);
            CancelRequest request = CancelRequest.newBuilder().setChainId(me.session().chainId())
                    .setParticipantId(me.session().participantId()).setSequence(seq).setOrderId(orderId)
                    .setInstrumentId(instrument).build();
            ApiResponse r = me.session().post("/api/v1/orders/cancel", SignedRequests.body(request,
                    me.identity().signer(), serial));
            if (!r.ok()) {
                throw withSequenceHint(ClientException.fromResponse("cancelling order " + orderId, r), seq);
            }
            out.println("Cancel of order " + orderId + " submitted (sequence " + seq + ", event "
                    + r.json().getString("eventId") + "); the registry checks that the order is yours and open,"
                    + " then releases its deposit.");
            return ExitCodes.OK;
        }
    }
}
