package io.carbonx.exchange.core.matching;

/** Why an order's remaining quantity was cancelled (see {@link OrderCancelled}). */
public enum CancelReason {
    /** The owner sent a {@link CancelOrder}. */
    USER_REQUESTED,
    /** Self-trade prevention (see {@link SelfTradePrevention}). */
    SELF_TRADE_PREVENTION,
    /** The unfilled remainder of an IOC limit order. */
    IOC_REMAINDER,
    /** The unfilled remainder of a MARKET order (market orders never rest). */
    MARKET_REMAINDER,
    /** A FOK order that could not be filled completely at once; it traded nothing. */
    FOK_NOT_FILLABLE,
    /** A {@link CancelParticipantOrders} command (e.g. the account was frozen). */
    PARTICIPANT_MASS_CANCEL,
    /** A {@link CancelOrder} on the registry's behalf: it froze the owner's account. */
    ACCOUNT_FROZEN
}
