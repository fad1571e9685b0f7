package io.carbonx.exchange.core.matching;

/** Which uncross produced an {@link AuctionResult}. */
public enum AuctionKind {
    /** The uncross at the open, ending the pre-open call. */
    OPENING,
    /** The uncross at the close, ending the closing call (or the last periodic call of the day). */
    CLOSING,
    /** A periodic uncross during the day in periodic-auction mode. */
    PERIODIC
}
