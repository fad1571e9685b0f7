package io.carbonx.exchange.core.pool;

/** Why the pool-bidding venue refused an order. A refused order changes nothing. */
public enum PoolRejectReason {
    /** The order (or a required field) is missing. */
    MALFORMED,
    /** An id is null, blank, longer than 128 characters or contains control characters. */
    INVALID_ID,
    /** The participant id is the platform's own id, which only the platform uses. */
    RESERVED_PARTICIPANT_ID,
    /** Quantity is zero or negative. */
    QUANTITY_NOT_POSITIVE,
    /** Quantity exceeds the configured per-order maximum. */
    QUANTITY_TOO_LARGE,
    /** Price is zero or negative. */
    PRICE_NOT_POSITIVE,
    /** Price exceeds the configured per-order maximum. */
    PRICE_TOO_HIGH,
    /** Another order of the open period already has this order id. */
    DUPLICATE_ORDER_ID,
    /** The open period already holds the configured maximum number of orders. */
    PERIOD_FULL,
    /** The logical time falls in a period that has already been cleared. */
    PERIOD_CLOSED,
    /** The logical time is before the venue's first period starts. */
    BEFORE_FIRST_PERIOD,
    /** The open period has ended: the caller must clear it ({@code advanceTo}) before submitting. */
    CLEARING_DUE,
    /** A withdrawal names no order of the open period. */
    UNKNOWN_ORDER,
    /** A withdrawal names another participant's order. */
    NOT_ORDER_OWNER
}
