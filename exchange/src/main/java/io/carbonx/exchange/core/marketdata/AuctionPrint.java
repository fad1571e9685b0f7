package io.carbonx.exchange.core.marketdata;

import io.carbonx.events.AuctionKind;
import io.carbonx.events.Side;

/**
 * An auction result as market data shows it (no per-order fills).
 *
 * @param auctionId           the auction
 * @param timeMs              logical time of the uncross
 * @param kind                opening, closing, periodic or primary
 * @param clearingPriceMinor  uniform price (null when nothing crossed)
 * @param referencePriceMinor reference (or reserve) price, or null
 * @param executedQuantity    volume
 * @param imbalanceQuantity   unmatched quantity on the heavier side
 * @param imbalanceSide       the heavier side, or null
 */
public record AuctionPrint(String auctionId, long timeMs, AuctionKind kind, Long clearingPriceMinor,
                           Long referencePriceMinor, long executedQuantity, long imbalanceQuantity,
                           Side imbalanceSide) {
}
