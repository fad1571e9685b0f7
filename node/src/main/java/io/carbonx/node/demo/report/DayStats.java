package io.carbonx.node.demo.report;

import io.carbonx.events.AuctionCleared;
import io.carbonx.events.DefaultRecorded;
import io.carbonx.events.DepositForfeited;
import io.carbonx.events.OrderAccepted;
import io.carbonx.events.TradeExecuted;
import io.carbonx.node.demo.DayLog;
import io.carbonx.node.demo.facts.DayFacts;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Figures of the day computed from the log's events (what the summary and the report show). */
public final class DayStats {

    private DayStats() {
    }

    /** Per instrument: trades, volume, notional, VWAP, high, low, first and last price, trades by venue. */
    public static JsonObject trades(DayFacts f) {
        Map<String, long[]> by = new TreeMap<>();
        Map<String, Integer> venues = new TreeMap<>();
        for (TradeExecuted t : f.all(TradeExecuted.class)) {
            long[] s = by.computeIfAbsent(t.getInstrumentId(), k -> new long[] {0, 0, 0, Long.MIN_VALUE,
                Long.MAX_VALUE, t.getPriceMinor(), 0});
            s[0]++;
            s[1] = Math.addExact(s[1], t.getQuantity());
            s[2] = Math.addExact(s[2], Math.multiplyExact(t.getQuantity(), t.getPriceMinor()));
            s[3] = Math.max(s[3], t.getPriceMinor());
            s[4] = Math.min(s[4], t.getPriceMinor());
            s[6] = t.getPriceMinor();
            venues.merge(t.getVenue().name(), 1, Integer::sum);
        }
        JsonObject instruments = new JsonObject();
        long count = 0;
        long volume = 0;
        for (Map.Entry<String, long[]> e : by.entrySet()) {
            long[] s = e.getValue();
            count += s[0];
            volume += s[1];
            instruments.put(e.getKey(), new JsonObject().put("trades", s[0]).put("volume", s[1])
                    .put("notionalMinor", s[2]).put("vwapMinor", s[1] == 0 ? 0 : s[2] / s[1]).put("highMinor", s[3])
                    .put("lowMinor", s[4]).put("firstMinor", s[5]).put("lastMinor", s[6]));
        }
        JsonObject byVenue = new JsonObject();
        venues.forEach(byVenue::put);
        return new JsonObject().put("total", count).put("volume", volume).put("byInstrument", instruments)
                .put("byVenue", byVenue);
    }

    /** What was sent, what the gateway and the registry decided. */
    public static JsonObject orders(DayFacts f, DayLog log, Map<String, Integer> states) {
        List<DayLog.SentOrder> sent = log.orders();
        Map<String, Integer> refused = new TreeMap<>();
        Map<String, Integer> scenes = new TreeMap<>();
        sent.forEach(o -> {
            scenes.merge(o.scene(), 1, Integer::sum);
            if (!o.taken()) {
                refused.merge(o.reason(), 1, Integer::sum);
            }
        });
        Map<String, Integer> rejected = new TreeMap<>();
        io.carbonx.node.demo.facts.CheckInputs.orderRejections(f).values()
                .forEach(reason -> rejected.merge(reason, 1, Integer::sum));
        JsonObject s = new JsonObject();
        states.forEach(s::put);
        return new JsonObject().put("sent", sent.size()).put("taken", sent.stream().filter(DayLog.SentOrder::taken)
                        .count()).put("refusedByGateway", map(refused)).put("accepted", f.all(OrderAccepted.class).size())
                .put("rejectedByRegistry", map(rejected)).put("finalStates", s).put("byScene", map(scenes));
    }

    /** Every auction uncross. */
    public static JsonArray auctions(DayFacts f) {
        JsonArray out = new JsonArray();
        for (AuctionCleared a : f.all(AuctionCleared.class)) {
            out.add(new JsonObject().put("auctionId", a.getAuctionId()).put("instrumentId", a.getInstrumentId())
                    .put("kind", a.getKind().name()).put("clearingPriceMinor", a.getClearingPriceMinor())
                    .put("executedQuantity", a.getExecutedQuantity()).put("imbalanceQuantity", a.getImbalanceQuantity())
                    .put("fills", a.getFills().size()));
        }
        return out;
    }

    /** Defaults by kind with the deposits forfeited. */
    public static JsonObject defaults(DayFacts f) {
        Map<String, Integer> byKind = new TreeMap<>();
        f.all(DefaultRecorded.class).forEach(d -> byKind.merge(d.getKind().name(), 1, Integer::sum));
        long forfeited = f.all(DepositForfeited.class).stream().mapToLong(DepositForfeited::getAmountMinor).sum();
        return new JsonObject().put("total", f.all(DefaultRecorded.class).size()).put("byKind", map(byKind))
                .put("forfeitedMinor", forfeited);
    }

    /** Deposits locked at acceptance, by the grade stamped on the order. */
    public static JsonObject depositsByGrade(DayFacts f) {
        Map<io.carbonx.events.CreditGrade, long[]> by = new java.util.EnumMap<>(io.carbonx.events.CreditGrade.class);
        for (OrderAccepted o : f.all(OrderAccepted.class)) {
            long[] s = by.computeIfAbsent(o.getGrade(), k -> new long[3]);
            s[0]++;
            s[1] = Math.addExact(s[1], o.getDepositLockedMinor());
            s[2] = o.getDepositShareBps();
        }
        JsonObject out = new JsonObject();
        by.forEach((g, s) -> out.put(g.name(), new JsonObject().put("orders", s[0]).put("depositMinor", s[1])
                .put("shareBps", s[2])));
        return out;
    }

    private static JsonObject map(Map<String, Integer> m) {
        JsonObject o = new JsonObject();
        m.forEach(o::put);
        return o;
    }
}
