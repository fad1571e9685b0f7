package io.carbonx.exchange.core.matching;

import io.carbonx.events.CreditGrade;
import io.carbonx.events.OrderType;
import io.carbonx.events.Side;
import io.carbonx.events.TimeInForce;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** A small DSL over one engine for scenario tests: commands at a hand-advanced logical time. */
final class Scenario {

    static final String INSTRUMENT = "EUA-26";

    final MatchingEngine engine;
    long now;

    /** Starts the engine at {@code startMs} (its initial {@link PhaseChanged} is not part of any result). */
    Scenario(InstrumentRules rules, long startMs) {
        this.engine = new MatchingEngine(rules);
        this.now = startMs;
        engine.process(new AdvanceTime(startMs));
    }

    /** Continuous-only instrument, tick 1, lot 1, no band. */
    static Scenario continuous() {
        return new Scenario(InstrumentRules.builder(INSTRUMENT).build(), 1_000);
    }

    static Scenario with(InstrumentRules rules) {
        return new Scenario(rules, 1_000);
    }

    List<MatchEvent> submit(Command command) {
        return engine.process(command);
    }

    List<MatchEvent> buy(String id, String who, long price, long qty) {
        return place(id, who, Side.BUY, TimeInForce.GTC, price, qty, CreditGrade.UNRATED);
    }

    List<MatchEvent> sell(String id, String who, long price, long qty) {
        return place(id, who, Side.SELL, TimeInForce.GTC, price, qty, CreditGrade.UNRATED);
    }

    List<MatchEvent> place(String id, String who, Side side, TimeInForce tif, long price, long qty,
                           CreditGrade grade) {
        return submit(PlaceOrder.limit(id, who, side, tif, price, qty, grade, now));
    }

    List<MatchEvent> market(String id, String who, Side side, TimeInForce tif, long qty) {
        return submit(PlaceOrder.market(id, who, side, tif, qty, CreditGrade.UNRATED, now));
    }

    List<MatchEvent> cancel(String id, String who) {
        return submit(new CancelOrder(id, who, now));
    }

    List<MatchEvent> replace(String id, String who, long price, long qty) {
        return submit(new ReplaceOrder(id, who, price, qty, now));
    }

    List<MatchEvent> advanceTo(long timeMs) {
        now = timeMs;
        return submit(new AdvanceTime(timeMs));
    }

    static PlaceOrder order(String id, String who, Side side, OrderType type, TimeInForce tif, long price,
                            long qty, CreditGrade grade, long time) {
        return new PlaceOrder(id, who, side, type, tif, price, qty, grade, time);
    }

    static <T extends MatchEvent> List<T> only(List<MatchEvent> events, Class<T> type) {
        List<T> result = new ArrayList<>();
        for (MatchEvent e : events) {
            if (type.isInstance(e)) {
                result.add(type.cast(e));
            }
        }
        return result;
    }

    /** Resting order ids of a side in priority order. */
    List<String> queue(Side side) {
        List<String> ids = new ArrayList<>();
        engine.restingOrders(side).forEach(o -> ids.add(o.orderId()));
        return ids;
    }

    String stateHashHex() {
        return HexFormat.of().formatHex(engine.stateHash());
    }
}
