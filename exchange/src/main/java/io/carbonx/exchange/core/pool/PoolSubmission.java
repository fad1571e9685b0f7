package io.carbonx.exchange.core.pool;

/**
 * The venue's answer to one submitted order.
 *
 * @param orderId     the order's id as submitted (may be null for a malformed order)
 * @param accepted    whether the order joined the open period
 * @param periodIndex the period it joined; -1 when refused
 * @param reason      why it was refused; null when accepted
 */
public record PoolSubmission(String orderId, boolean accepted, long periodIndex, PoolRejectReason reason) {

    static PoolSubmission accepted(String orderId, long periodIndex) {
        return new PoolSubmission(orderId, true, periodIndex, null);
    }

    static PoolSubmission rejected(String orderId, PoolRejectReason reason) {
        return new PoolSubmission(orderId, false, -1, reason);
    }
}
