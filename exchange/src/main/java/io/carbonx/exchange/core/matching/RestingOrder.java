package io.carbonx.exchange.core.matching;

import io.carbonx.events.CreditGrade;
import io.carbonx.events.Side;
import io.carbonx.events.TimeInForce;

/** An immutable snapshot of a resting order (for queries, market data and tests). */
public record RestingOrder(String orderId, String participantId, Side side, TimeInForce timeInForce,
                           CreditGrade grade, int priorityTier, long price, long remaining) {

    static RestingOrder of(OrderView view) {
        return new RestingOrder(view.orderId(), view.participantId(), view.side(), view.timeInForce(), view.grade(),
                view.priorityTier(), view.price(), view.remaining());
    }
}
