package io.carbonx.exchange.core.market;

import io.carbonx.exchange.core.matching.TradingPhase;
import java.util.List;

/**
 * A book's state for market data: phase, reference price and the best price levels of each side.
 *
 * @param instrumentId        the instrument
 * @param phase               the trading phase as of the last input
 * @param referencePriceMinor the reference price (0 = none)
 * @param bids                buy levels, best (highest) first
 * @param asks                sell levels, best (lowest) first
 */
public record BookDepth(String instrumentId, TradingPhase phase, long referencePriceMinor, List<DepthLevel> bids,
                        List<DepthLevel> asks) {

    /** Copies the lists. */
    public BookDepth {
        bids = List.copyOf(bids);
        asks = List.copyOf(asks);
    }

    /** The best bid level, if any. */
    public DepthLevel bestBid() {
        return bids.isEmpty() ? null : bids.get(0);
    }

    /** The best ask level, if any. */
    public DepthLevel bestAsk() {
        return asks.isEmpty() ? null : asks.get(0);
    }
}
