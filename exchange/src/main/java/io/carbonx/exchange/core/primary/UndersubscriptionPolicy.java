package io.carbonx.exchange.core.primary;

/** What a primary auction does when valid bids (at or above the reserve) ask for less than the quantity offered. */
public enum UndersubscriptionPolicy {
    /** Every valid bid is filled in full at the reserve price; the rest of the quantity stays unsold. */
    CLEAR_AT_RESERVE,
    /** The auction is cancelled: nothing is allocated (the EU ETS rule, Regulation (EU) 1031/2010 Art. 7(6)). */
    CANCEL
}
