package io.carbonx.exchange.core.matching;

/**
 * What continuous matching does when an incoming order would trade with a resting order of the same
 * participant. Self-trade prevention applies to continuous matching only: a call auction uncross pairs orders
 * strictly in priority order and may pair a participant with itself (documented limitation).
 */
public enum SelfTradePrevention {
    /**
     * The resting order is cancelled (whole remaining quantity, reason
     * {@link CancelReason#SELF_TRADE_PREVENTION}) and the incoming order continues matching. The default.
     */
    CANCEL_RESTING,
    /**
     * The incoming order's remaining quantity is cancelled (reason {@link CancelReason#SELF_TRADE_PREVENTION})
     * and matching stops; trades already done stand; the resting order is untouched.
     */
    CANCEL_AGGRESSOR
}
