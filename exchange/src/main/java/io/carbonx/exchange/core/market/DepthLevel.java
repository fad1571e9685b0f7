package io.carbonx.exchange.core.market;

/**
 * One price level of a book side.
 *
 * @param priceMinor the price
 * @param quantity   the open quantity resting at that price
 * @param orders     how many orders rest there
 */
public record DepthLevel(long priceMinor, long quantity, int orders) {
}
