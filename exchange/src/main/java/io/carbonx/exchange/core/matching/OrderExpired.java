package io.carbonx.exchange.core.matching;

/**
 * A DAY order expired at the close; the order is finished.
 *
 * @param expiredQuantity the quantity that was still open
 */
public record OrderExpired(String instrumentId, String orderId, String participantId, long expiredQuantity,
                           long timeMs) implements MatchEvent {
}
