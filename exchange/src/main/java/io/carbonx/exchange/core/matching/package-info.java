/**
 * The matching core of the exchange: one {@link io.carbonx.exchange.core.matching.MatchingEngine} per
 * instrument, driven by {@link io.carbonx.exchange.core.matching.Command}s that each carry their logical
 * time, producing {@link io.carbonx.exchange.core.matching.MatchEvent}s.
 *
 * <p>Pure and deterministic: no I/O, no wall clock, no randomness, no iteration over unordered collections
 * that could leak into the output. The same command sequence always produces the same events and the same
 * {@link io.carbonx.exchange.core.matching.MatchingEngine#stateHash() state hash}.
 *
 * <p>Rules implemented here:
 * <ul>
 *   <li>Validation ({@link io.carbonx.exchange.core.matching.RejectReason}): a rejected command produces one
 *       {@link io.carbonx.exchange.core.matching.OrderRejected} and changes nothing else.</li>
 *   <li>Continuous matching with LIMIT/MARKET orders and GTC/DAY/IOC/FOK, cancel, cancel/replace,
 *       self-trade prevention, priority price &rarr; credit grade's configured priority tier &rarr; time
 *       (or price &rarr; time),
 *       trade price = the resting order's price.</li>
 *   <li>Trading sessions ({@link io.carbonx.exchange.core.matching.SessionSchedule}): pre-open call,
 *       opening uncross, continuous, closing call, closing uncross, closed; DAY orders expire at the close;
 *       or periodic call auctions.</li>
 *   <li>Call auction uncross: maximum volume, then minimum imbalance, then nearest the reference price,
 *       then the lower price.</li>
 * </ul>
 */
package io.carbonx.exchange.core.matching;
