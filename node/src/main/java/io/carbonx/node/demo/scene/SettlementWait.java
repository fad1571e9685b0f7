package io.carbonx.node.demo.scene;

import io.carbonx.node.demo.Actor;
import io.carbonx.node.demo.DayLog;
import io.carbonx.node.demo.DemoException;
import io.carbonx.node.demo.Progress;
import io.carbonx.node.demo.Waits;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Waits until the registry has taken every trade of an instrument the exchange reports (settled, defaulted or
 * pending in an account), as a regulator would before acting on accounts after an auction: the registry reads the
 * exchange's trades and the API's commands from different topics, so a command sent right after an uncross (a
 * freeze, the annual settlement freezing debtors) can reach it before those fills, cancel an order the book has
 * already filled, and make the registry refuse the fill — the "no lost event" check then reports both orders.
 */
public final class SettlementWait {

    private final Actor regulator;
    private final Progress progress;
    private final DayLog log;

    /**
     * @param regulator reads market data, settlements, defaults and accounts
     * @param progress  progress lines
     * @param log       notes
     */
    public SettlementWait(Actor regulator, Progress progress, DayLog log) {
        this.regulator = regulator;
        this.progress = progress;
        this.log = log;
    }

    /** Waits (bounded) until the registry knows the last {@code limit} trades of {@code instrument}. */
    public void await(String instrument, int limit, Duration timeout) {
        Set<String> trades = new TreeSet<>();
        JsonArray items = regulator.get("/api/v1/market/" + instrument + "/trades?limit=" + limit)
                .requireOk("reading the trades of " + instrument).json().getJsonArray("trades", new JsonArray());
        for (int i = 0; i < items.size(); i++) {
            trades.add(items.getJsonObject(i).getString("tradeId"));
        }
        Set<String> missing = new TreeSet<>(trades);
        try {
            Waits.until("the registry takes the last " + trades.size() + " trades of " + instrument, timeout, 500,
                    () -> {
                        missing.removeAll(known());
                        return missing.isEmpty() ? Boolean.TRUE : null;
                    });
            progress.info("the registry has taken all %d recent trades of %s (settled, defaulted or pending)",
                    trades.size(), instrument);
        } catch (DemoException e) {
            log.note("the registry did not take " + missing.size() + " trades of " + instrument + " within "
                    + timeout.toSeconds() + " s: " + List.copyOf(missing).subList(0, Math.min(5, missing.size())));
        }
    }

    private Set<String> known() {
        Set<String> out = new HashSet<>();
        collect(regulator.get("/api/v1/settlements").requireOk("settlements").json(), "tradeId", out);
        collect(regulator.get("/api/v1/defaults").requireOk("defaults").json(), "tradeId", out);
        JsonArray accounts = regulator.get("/api/v1/accounts").requireOk("accounts").json().getJsonArray("items");
        for (int i = 0; i < accounts.size(); i++) {
            JsonArray pending = accounts.getJsonObject(i).getJsonArray("pendingTradeIds", new JsonArray());
            for (int j = 0; j < pending.size(); j++) {
                out.add(pending.getString(j));
            }
        }
        return out;
    }

    private static void collect(JsonObject page, String field, Set<String> out) {
        JsonArray items = page.getJsonArray("items", new JsonArray());
        for (int i = 0; i < items.size(); i++) {
            String id = items.getJsonObject(i).getString(field);
            if (id != null) {
                out.add(id);
            }
        }
    }
}
