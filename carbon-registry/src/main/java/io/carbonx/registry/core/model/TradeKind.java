package io.carbonx.registry.core.model;

/** How a pending trade came about, which decides what was locked for it. */
public enum TradeKind {
    /** Matched on the exchange: the seller's quantity and both deposits were locked by the orders. */
    EXCHANGE,
    /** Negotiated agreement with a deferred settlement date: only the two deposits are locked. */
    AGREEMENT
}
