package io.carbonx.exchange.core.pool;

/**
 * The venue's answer to a withdrawal.
 *
 * @param orderId     the order named
 * @param withdrawn   whether it left the open period
 * @param quantityKwh the quantity withdrawn (0 when refused)
 * @param reason      why nothing was withdrawn; null when withdrawn
 */
public record PoolWithdrawal(String orderId, boolean withdrawn, long quantityKwh, PoolRejectReason reason) {

    static PoolWithdrawal withdrawn(String orderId, long quantityKwh) {
        return new PoolWithdrawal(orderId, true, quantityKwh, null);
    }

    static PoolWithdrawal refused(String orderId, PoolRejectReason reason) {
        return new PoolWithdrawal(orderId, false, 0, reason);
    }
}
