package io.carbonx.node.cli;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code carbonx orders}: the participant's open orders and pending trades as its registry account lists them
 * ({@code GET /api/v1/accounts/{id}}: the API has no per-order endpoint, so ids are shown, with the deposit locks).
 */
@Command(name = "orders", mixinStandardHelpOptions = true,
        description = {"Your open orders (accepted by the registry, deposit locked) and trades awaiting settlement.",
                "Exit codes: 0 ok, 5 unknown account, 6 not allowed, 7 node unreachable, 8 profile problem."})
final class OrdersCommand extends ClientCommand {

    @Option(names = "--participant", paramLabel = "ID",
            description = "Another participant's account (regulator, court, arbitrator only).")
    String participant;

    @Option(names = "--json", description = "Print the account as JSON.")
    boolean json;

    @Override
    int run(PrintWriter out) {
        LoggedIn me = login();
        String id = participant != null ? participant : me.session().participantId();
        JsonObject account = me.session().get("/api/v1/accounts/" + id).requireOk("reading the account of " + id)
                .json();
        if (json) {
            out.println(account.encodePrettily());
            return ExitCodes.OK;
        }
        JsonArray open = account.getJsonArray("openOrderIds", new JsonArray());
        JsonArray pending = account.getJsonArray("pendingTradeIds", new JsonArray());
        out.println(id + ": " + open.size() + " open order(s), " + pending.size() + " trade(s) awaiting settlement");
        open.forEach(o -> out.println("  order  " + o));
        pending.forEach(t -> out.println("  trade  " + t));
        JsonArray locks = account.getJsonArray("locks", new JsonArray());
        if (!locks.isEmpty()) {
            out.println("locks:");
            for (int i = 0; i < locks.size(); i++) {
                JsonObject l = locks.getJsonObject(i);
                out.printf("  %-28s cash %d%s%n", l.getString("lockId"), l.getLong("cashMinor", 0L),
                        l.getString("instrumentId") == null ? "" : ", " + l.getLong("quantity", 0L) + " "
                                + l.getString("instrumentId"));
            }
        }
        return ExitCodes.OK;
    }
}
