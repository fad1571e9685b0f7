package io.carbonx.exchange.core.matching;

/**
 * What matching does when two orders of the same participant would trade with each other.
 *
 * <p>Continuous matching: the incoming order meets a resting order of its own participant.
 *
 * <p>Call auction uncross (opening, closing, periodic): the uniform price is determined (largest volume, smallest
 * imbalance, nearest the reference, lowest) and the allocation at that price is tried, pairing the best remaining
 * buy with the best remaining sell. If it would pair two orders of one participant, one of the two is cancelled
 * (whole remaining quantity, reason {@link CancelReason#SELF_TRADE_PREVENTION}) and the price is determined again
 * over the book without it; this repeats until an allocation pairs no participant with itself, which is then
 * executed. So the auction's single price is the uniform price of exactly the orders it executes, the book is
 * uncrossed afterwards, and no auction trade is one the registry refuses (SELF_TRADE). Of the two orders, the one
 * that arrived later (larger arrival sequence; a replace that lost priority counts as a new arrival) plays the
 * incoming order, the earlier one the resting order, and the instrument's rule below picks which is cancelled,
 * as venues with auction self-match prevention cancel the resting or the incoming order in the uncross. If nothing
 * is left to execute, the uncross emits only the cancellations (no auction result; the reference price stays).
 */
public enum SelfTradePrevention {
    /**
     * The resting order is cancelled (whole remaining quantity, reason
     * {@link CancelReason#SELF_TRADE_PREVENTION}) and the incoming order continues matching. The default. In an
     * uncross: the earlier of the two orders is cancelled.
     */
    CANCEL_RESTING,
    /**
     * The incoming order's remaining quantity is cancelled (reason {@link CancelReason#SELF_TRADE_PREVENTION})
     * and matching stops; trades already done stand; the resting order is untouched. In an uncross: the later of
     * the two orders is cancelled.
     */
    CANCEL_AGGRESSOR
}
