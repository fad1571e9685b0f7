package io.carbonx.exchange.core.matching;

/**
 * A {@link ReplaceOrder} took effect; trades may follow if the new price crosses in continuous trading.
 *
 * @param oldQuantity   remaining quantity before
 * @param newQuantity   remaining quantity after
 * @param priorityKept  true if the order kept its queue position (same price, quantity not increased)
 */
public record OrderReplaced(String instrumentId, String orderId, String participantId, long oldPrice,
                            long oldQuantity, long newPrice, long newQuantity, boolean priorityKept, long timeMs)
        implements MatchEvent {
}
