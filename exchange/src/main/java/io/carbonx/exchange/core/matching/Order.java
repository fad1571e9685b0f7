package io.carbonx.exchange.core.matching;

import io.carbonx.events.CreditGrade;
import io.carbonx.events.Side;
import io.carbonx.events.TimeInForce;

/**
 * A live order in the {@link FastOrderBook}: a mutable, pooled node of an intrusive doubly linked FIFO queue
 * (one queue per rank per price level; the rank is the priority tier under price-grade-time priority, 0 under
 * price-time). Never handed out beyond a single book call.
 */
final class Order implements OrderView {
    String orderId;
    String participantId;
    Side side;
    TimeInForce timeInForce;
    CreditGrade grade;
    int priorityTier;
    int rank;
    long price;
    long remaining;
    long sequence;
    PriceLevel level;
    Order prev;
    Order next;

    @Override
    public String orderId() {
        return orderId;
    }

    @Override
    public String participantId() {
        return participantId;
    }

    @Override
    public Side side() {
        return side;
    }

    @Override
    public TimeInForce timeInForce() {
        return timeInForce;
    }

    @Override
    public CreditGrade grade() {
        return grade;
    }

    @Override
    public int priorityTier() {
        return priorityTier;
    }

    @Override
    public long price() {
        return price;
    }

    @Override
    public long remaining() {
        return remaining;
    }

    /** Clears references so a pooled node keeps nothing alive. */
    void clear() {
        orderId = null;
        participantId = null;
        side = null;
        timeInForce = null;
        grade = null;
        level = null;
        prev = null;
        next = null;
    }
}
