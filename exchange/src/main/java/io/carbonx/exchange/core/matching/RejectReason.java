package io.carbonx.exchange.core.matching;

/**
 * Why a command was rejected. Checks run in a fixed order (see {@link OrderValidator}; the first failing check
 * wins), so a command breaking several rules always gets the same reason. A rejected command changes nothing.
 */
public enum RejectReason {
    /** The command's logical time is before the engine's last time. */
    TIME_WENT_BACKWARDS,
    /** A required field (side, type, time in force, grade) is null. */
    MISSING_FIELD,
    /** The order id is null or blank. */
    INVALID_ORDER_ID,
    /** The participant id is null or blank. */
    INVALID_PARTICIPANT,
    /** Grade D participants cannot open new orders. */
    GRADE_NOT_PERMITTED,
    /** The priority tier is outside 0..{@link PlaceOrder#MAX_TIER}. */
    INVALID_PRIORITY_TIER,
    /** The instrument is {@link TradingPhase#CLOSED} (new orders and replaces only; cancels are allowed). */
    MARKET_CLOSED,
    /** MARKET, IOC and FOK orders are not accepted during a call phase. */
    NOT_ALLOWED_IN_CALL_PHASE,
    /** Quantity is zero or negative. */
    NON_POSITIVE_QUANTITY,
    /** Quantity is below the instrument's minimum order quantity. */
    BELOW_MIN_QUANTITY,
    /** Quantity is above the instrument's maximum order quantity. */
    ABOVE_MAX_QUANTITY,
    /** Quantity is not a multiple of the lot size. */
    OFF_LOT,
    /** A MARKET order must carry price 0. */
    PRICE_NOT_ALLOWED_FOR_MARKET,
    /** Only a MARKET order carries a protection price. */
    PROTECTION_NOT_ALLOWED_FOR_LIMIT,
    /** A limit price is zero or negative. */
    NON_POSITIVE_PRICE,
    /** The price is not a multiple of the tick size. */
    OFF_TICK,
    /** The price is outside the band around the reference price. */
    OUT_OF_BAND,
    /** price &times; quantity does not fit in a long. */
    NOTIONAL_OVERFLOW,
    /** Accepting the quantity would overflow the total resting quantity of its side. */
    QUANTITY_OVERFLOW,
    /** An order with this id is live in the book. */
    DUPLICATE_ORDER_ID,
    /** No live order has this id. */
    UNKNOWN_ORDER,
    /** The order belongs to another participant. */
    NOT_ORDER_OWNER
}
