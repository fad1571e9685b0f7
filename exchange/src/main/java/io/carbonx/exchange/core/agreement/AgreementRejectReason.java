package io.carbonx.exchange.core.agreement;

/**
 * Why agreement terms were refused, in the order they are checked (the first failing check is reported). A refusal
 * changes nothing.
 */
public enum AgreementRejectReason {
    /** The terms are missing. */
    MALFORMED,
    /** An id is null, blank, longer than 128 characters or contains control characters. */
    INVALID_ID,
    /** The terms are bound to another chain. */
    WRONG_CHAIN,
    /** An agreement with this id is already registered. */
    DUPLICATE_AGREEMENT_ID,
    /** The terms expired before registration ({@code now >= expiresAtMs}). */
    TERMS_EXPIRED,
    /** Buyer and seller are the same participant. */
    SAME_PARTY,
    /** The instrument is not configured for agreement trades. */
    UNKNOWN_INSTRUMENT,
    /** Quantity is zero or negative. */
    QUANTITY_NOT_POSITIVE,
    /** Quantity is below the instrument's minimum agreement size. */
    BELOW_MINIMUM_SIZE,
    /** Quantity is not a multiple of the lot size. */
    OFF_LOT,
    /** Price is zero or negative. */
    PRICE_NOT_POSITIVE,
    /** Price is not a multiple of the tick size. */
    OFF_TICK,
    /** Price is outside the band around the reference price. */
    PRICE_OUTSIDE_BAND,
    /** Price × quantity does not fit in a signed 64-bit amount. */
    NOTIONAL_OVERFLOW,
    /** The settlement date is not after the registration time. */
    SETTLEMENT_NOT_IN_FUTURE,
    /** The settlement date is further ahead than the desk allows. */
    SETTLEMENT_TOO_FAR
}
