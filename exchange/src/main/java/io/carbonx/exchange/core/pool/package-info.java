/**
 * Pool bidding for energy instruments (reference {@code 003} §4.2): peer-to-peer bidding between suppliers and
 * consumers in clearing periods, an energy pool at a fixed price for unsold supply, a second round from pool and
 * storage, and a commission by priority. Entry points: {@link io.carbonx.exchange.core.pool.PoolBiddingVenue}
 * (stateful, one per instrument) and {@link io.carbonx.exchange.core.pool.PoolClearing} (pure). The interpretation
 * choices are listed on {@code PoolClearing} and argued in {@code exchange/POOL_BIDDING.md}.
 *
 * <p>Pure core: java.* only, integer arithmetic, no clock, no randomness, no iteration over unordered collections.
 */
package io.carbonx.exchange.core.pool;
