package io.carbonx.exchange.core.matching;

import io.carbonx.events.CreditGrade;
import io.carbonx.events.Side;
import io.carbonx.events.TimeInForce;

/**
 * Read access to a live order inside an {@link OrderBook}. A view may be a pooled, mutable object: read it
 * at once and never keep it past the next book operation.
 */
interface OrderView {
    String orderId();

    String participantId();

    Side side();

    TimeInForce timeInForce();

    CreditGrade grade();

    /** The priority tier given at arrival (lower ranks first at equal price under price-grade-time). */
    int priorityTier();

    long price();

    /** The open quantity. */
    long remaining();
}
