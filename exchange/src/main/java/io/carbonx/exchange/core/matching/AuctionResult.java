package io.carbonx.exchange.core.matching;

/**
 * A call auction uncrossed with volume &gt; 0 (an auction with nothing to cross emits none). Its trades are
 * emitted just before it. The clearing price becomes the reference price.
 *
 * @param auctionSequence 1, 2, ... per instrument; {@link #auctionId()} derives the id from it
 * @param price           the uniform clearing price
 * @param volume          executed quantity
 * @param imbalance       buy quantity minus sell quantity executable at the price (positive: buy surplus)
 */
public record AuctionResult(String instrumentId, long auctionSequence, AuctionKind kind, long price, long volume,
                            long imbalance, long timeMs) implements MatchEvent {

    /** The auction id: {@code instrumentId + "-A" + auctionSequence}. */
    public String auctionId() {
        return instrumentId + "-A" + auctionSequence;
    }
}
