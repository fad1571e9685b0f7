package io.carbonx.exchange.core.market;

/**
 * Where an output of the exchange goes; the adapter maps each to its topic ({@code carbonx.orders},
 * {@code carbonx.trades}, {@code carbonx.rejections}).
 */
public enum Destination {
    /** Order outcomes (OrderCancelled, OrderExpired, OrderRejected), keyed by instrument. */
    ORDERS,
    /** Fills, auction results, allocations and agreements, keyed by instrument. */
    TRADES,
    /** Refused requests (RequestRejected), keyed by participant. */
    REJECTIONS
}
