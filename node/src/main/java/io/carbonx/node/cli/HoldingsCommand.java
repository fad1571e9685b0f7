package io.carbonx.node.cli;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code carbonx holdings}: cash and holdings per instrument, available and locked
 * ({@code GET /api/v1/accounts/{id}} and {@code .../holdings}).
 */
@Command(name = "holdings", mixinStandardHelpOptions = true,
        description = {"Your cash (available, locked, debt) and holdings per instrument (available, locked).",
                "Exit codes: 0 ok, 5 unknown account, 6 not allowed (another participant's holdings), 7 node"
                        + " unreachable, 8 profile problem."})
final class HoldingsCommand extends ClientCommand {

    @Option(names = "--participant", paramLabel = "ID",
            description = "Another participant's holdings (regulator, court, arbitrator only).")
    String participant;

    @Option(names = "--json", description = "Print the holdings as JSON.")
    boolean json;

    @Override
    int run(PrintWriter out) {
        LoggedIn me = login();
        String id = participant != null ? participant : me.session().participantId();
        JsonObject account = me.session().get("/api/v1/accounts/" + id).requireOk("reading the account of " + id)
                .json();
        JsonObject holdings = me.session().get("/api/v1/accounts/" + id + "/holdings")
                .requireOk("reading the holdings of " + id).json();
        if (json) {
            out.println(new JsonObject().put("account", account).put("holdings", holdings).encodePrettily());
            return ExitCodes.OK;
        }
        out.println(id + " (" + account.getString("role") + ", " + account.getString("status") + ", grade "
                + account.getString("grade") + ")");
        out.printf("%-16s %14s %14s %14s%n", "", "available", "locked", "debt");
        out.printf("%-16s %14d %14d %14d%n", "cash (minor)", account.getLong("cashMinor", 0L),
                account.getLong("lockedCashMinor", 0L), account.getLong("debtMinor", 0L));
        JsonArray items = holdings.getJsonArray("items", new JsonArray());
        for (int i = 0; i < items.size(); i++) {
            JsonObject h = items.getJsonObject(i);
            out.printf("%-16s %14d %14d%n", h.getString("instrumentId"), h.getLong("available", 0L),
                    h.getLong("locked", 0L));
        }
        if (items.isEmpty()) {
            out.println("(no holdings)");
        }
        return ExitCodes.OK;
    }
}
