package io.carbonx.exchange.core.matching;

/**
 * An order's remaining quantity was cancelled; the order is finished.
 *
 * @param cancelledQuantity the quantity that was still open
 * @param reason            why
 */
public record OrderCancelled(String instrumentId, String orderId, String participantId, long cancelledQuantity,
                             CancelReason reason, long timeMs) implements MatchEvent {
}
