package io.carbonx.exchange.core.primary;

/** Why a primary-auction command was refused. A refused command changes nothing. */
public enum AuctionRejectReason {
    /** A required argument is missing. */
    MALFORMED,
    /** The actor scheduling the auction does not hold the REGULATOR role. */
    NOT_REGULATOR,
    /** An id is null, blank, longer than 128 characters or contains control characters. */
    INVALID_ID,
    /** An auction with this id already exists. */
    DUPLICATE_AUCTION_ID,
    /** Lot size, tick size or the bid limit per bidder is not positive. */
    INVALID_LIMITS,
    /** The window closes at or before it opens. */
    INVALID_WINDOW,
    /** The window has already closed at scheduling time. */
    WINDOW_IN_PAST,
    /** No auction has this id. */
    UNKNOWN_AUCTION,
    /** The bidding window has not opened yet. */
    AUCTION_NOT_OPEN,
    /** The bidding window has closed (or the auction was cleared): bids, amendments and withdrawals are refused. */
    AUCTION_CLOSED,
    /** The regulator running the auction cannot bid in it. */
    REGULATOR_CANNOT_BID,
    /** Price (or reserve) is zero or negative. */
    PRICE_NOT_POSITIVE,
    /** Price (or reserve) is not a multiple of the tick size. */
    OFF_TICK,
    /** Quantity is zero or negative. */
    QUANTITY_NOT_POSITIVE,
    /** Quantity is not a multiple of the lot size. */
    OFF_LOT,
    /** A bid asks for more than the auctioned quantity. */
    QUANTITY_EXCEEDS_SUPPLY,
    /** Price × quantity does not fit in a signed 64-bit amount. */
    NOTIONAL_OVERFLOW,
    /** The bidder already used this bid id in this auction (live or withdrawn). */
    DUPLICATE_BID_ID,
    /** The bidder already holds the maximum number of live bids. */
    TOO_MANY_BIDS,
    /** The bidder has no live bid with this id (another bidder's bid is never revealed). */
    UNKNOWN_BID,
    /** The window has not closed yet: the auction cannot be cleared. */
    TOO_EARLY_TO_CLOSE,
    /** The auction has already been cleared. */
    ALREADY_CLOSED
}
