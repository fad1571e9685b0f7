/**
 * The regulator's primary allocation auction: sealed bids in a window, a reserve price, one uniform clearing price,
 * pro-rata rationing at the margin with a largest-remainder rule and a SHA-256 seeded draw. Entry point:
 * {@link io.carbonx.exchange.core.primary.PrimaryAuctionHouse}; clearing rule on
 * {@link io.carbonx.exchange.core.primary.UniformPriceClearing}; draw on
 * {@link io.carbonx.exchange.core.primary.DrawOrder}; see also {@code exchange/PRIMARY_AUCTION.md}.
 *
 * <p>Pure core: java.* and the schemas' generated enums only; no clock, no randomness.
 */
package io.carbonx.exchange.core.primary;
