package io.carbonx.exchange.core.matching;

/** A {@link SetReferencePrice} took effect. */
public record ReferencePriceSet(String instrumentId, long price, long timeMs) implements MatchEvent {
}
