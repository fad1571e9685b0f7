package io.carbonx.exchange.core.matching;

/** The trading phase of one instrument, driven by logical time through its {@link SessionSchedule}. */
public enum TradingPhase {
    /** No new orders or replaces; cancels are accepted. */
    CLOSED,
    /** Opening call auction: orders are collected without matching; uncrossed at the open. */
    PRE_OPEN,
    /** Continuous matching. */
    CONTINUOUS,
    /** Closing call auction: orders are collected without matching; uncrossed at the close. */
    CLOSING_AUCTION,
    /** Periodic call auctions: orders are collected and uncrossed every period until the close. */
    PERIODIC_AUCTION;

    /** True for the phases in which orders rest without matching until an uncross. */
    public boolean isCallPhase() {
        return this == PRE_OPEN || this == CLOSING_AUCTION || this == PERIODIC_AUCTION;
    }
}
