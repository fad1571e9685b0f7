package io.carbonx.exchange.core.matching;

import io.carbonx.events.Side;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Follows an engine's events and checks, after every step, the invariants every book must keep:
 * <ul>
 *   <li>every order is in exactly one state (LIVE, FILLED, CANCELLED, EXPIRED), only LIVE orders are in the
 *       book and every LIVE order is in it, no event touches a finished order;</li>
 *   <li>quantity conservation per order: entered = filled + remaining + cancelled + expired + reduced
 *       (entered counts replace increases, reduced counts replace reductions);</li>
 *   <li>trades are positive and within both orders' limits;</li>
 *   <li>the book is never crossed at rest in continuous trading or when closed.</li>
 * </ul>
 * Failure messages carry the context string (seed and step).
 */
final class InvariantChecker {

    enum State { LIVE, FILLED, CANCELLED, EXPIRED }

    static final class Tracked {
        State state = State.LIVE;
        Side side;
        boolean market;
        long limit;
        long entered;
        long filled;
        long cancelled;
        long expired;
        long reduced;

        long remaining() {
            return entered - filled - cancelled - expired - reduced;
        }
    }

    private final Map<String, Tracked> orders = new HashMap<>();
    private int live;

    Map<String, Tracked> orders() {
        return orders;
    }

    void onEvents(List<MatchEvent> events, String context) {
        for (MatchEvent e : events) {
            onEvent(e, context);
        }
    }

    private void onEvent(MatchEvent e, String context) {
        if (e instanceof OrderAccepted a) {
            Tracked previous = orders.get(a.orderId());
            check(previous == null || previous.state != State.LIVE, context, () -> "accepted a live id " + a.orderId());
            Tracked t = new Tracked();
            t.side = a.side();
            t.market = a.type() == io.carbonx.events.OrderType.MARKET;
            t.limit = a.price();
            t.entered = a.quantity();
            orders.put(a.orderId(), t);
            live++;
        } else if (e instanceof TradeExecuted t) {
            check(t.quantity() > 0 && t.price() > 0, context, () -> "non-positive trade " + t);
            fill(t.buyOrderId(), t.quantity(), t.price(), t.buyRemaining(), context);
            fill(t.sellOrderId(), t.quantity(), t.price(), t.sellRemaining(), context);
        } else if (e instanceof OrderCancelled c) {
            Tracked t = liveOrder(c.orderId(), context);
            check(c.cancelledQuantity() == t.remaining(), context, () -> "cancelled quantity " + c);
            t.cancelled += c.cancelledQuantity();
            finish(t, State.CANCELLED);
        } else if (e instanceof OrderExpired x) {
            Tracked t = liveOrder(x.orderId(), context);
            check(x.expiredQuantity() == t.remaining(), context, () -> "expired quantity " + x);
            t.expired += x.expiredQuantity();
            finish(t, State.EXPIRED);
        } else if (e instanceof OrderReplaced r) {
            Tracked t = liveOrder(r.orderId(), context);
            check(r.oldQuantity() == t.remaining(), context, () -> "replace old quantity " + r);
            if (r.newQuantity() > r.oldQuantity()) {
                t.entered += r.newQuantity() - r.oldQuantity();
            } else {
                t.reduced += r.oldQuantity() - r.newQuantity();
            }
            t.limit = r.newPrice();
        }
    }

    private void fill(String orderId, long qty, long price, long reportedRemaining, String context) {
        Tracked t = liveOrder(orderId, context);
        if (!t.market) {
            boolean withinLimit = t.side == Side.BUY ? price <= t.limit : price >= t.limit;
            check(withinLimit, context, () -> "trade at " + price + " outside limit " + t.limit + " of " + orderId);
        }
        t.filled += qty;
        check(t.remaining() >= 0, context, () -> "overfilled " + orderId);
        check(t.remaining() == reportedRemaining, context, () -> "remaining mismatch for " + orderId);
        if (t.remaining() == 0) {
            finish(t, State.FILLED);
        }
    }

    private Tracked liveOrder(String orderId, String context) {
        Tracked t = orders.get(orderId);
        check(t != null, context, () -> "event for unknown order " + orderId);
        check(t.state == State.LIVE, context, () -> "event for finished order " + orderId + " (" + t.state + ")");
        return t;
    }

    private void finish(Tracked t, State state) {
        if (t.remaining() != 0) {
            throw new AssertionError("finished order with quantity left: " + t.remaining());
        }
        t.state = state;
        live--;
    }

    /** Checks the book against the tracked orders and the no-crossed-book rule. */
    void checkBook(MatchingEngine engine, String context) {
        int inBook = 0;
        for (Side side : Side.values()) {
            for (RestingOrder o : engine.restingOrders(side)) {
                inBook++;
                Tracked t = orders.get(o.orderId());
                check(t != null && t.state == State.LIVE, context, () -> "book holds a non-live order " + o);
                check(t.remaining() == o.remaining() && o.remaining() > 0, context, () -> "remaining of " + o);
                check(t.side == o.side() && t.limit == o.price(), context, () -> "side/price of " + o);
            }
        }
        int counted = inBook;
        check(counted == live, context, () -> "book holds " + counted + " orders, tracked live " + live);
        TradingPhase phase = engine.phase();
        if (phase == TradingPhase.CONTINUOUS || phase == TradingPhase.CLOSED) {
            long bid = engine.bestBid();
            long ask = engine.bestAsk();
            check(bid == 0 || ask == 0 || bid < ask, context, () -> "crossed book at rest: " + bid + " >= " + ask);
        }
    }

    private static void check(boolean condition, String context, Supplier<String> message) {
        if (!condition) {
            throw new AssertionError(context + ": " + message.get());
        }
    }
}
