package io.carbonx.exchange.core.primary;

/** Where an auction stands at a given logical time. */
public enum AuctionPhase {
    /** Before the window opens: bids are refused (AUCTION_NOT_OPEN). */
    SCHEDULED,
    /** Inside the window: bids, amendments and withdrawals are accepted. */
    OPEN,
    /** The window has ended but the auction has not been cleared yet: bids refused, {@code close} allowed. */
    AWAITING_CLEARING,
    /** Cleared: the result is final. */
    CLEARED
}
