package io.carbonx.registry.core;

/**
 * Why the ledger refused a command. Every refusal carries exactly one code and changes nothing
 * (the state hash before and after a refused command is identical). Adapters map a code to a 4xx
 * (400 for malformed input, 403 for role problems, 404 for unknown references, 409 for state conflicts).
 */
public enum ReasonCode {
    // ---- malformed input (400) ----
    /** The command, or a required field of it, is null. */
    MISSING_FIELD,
    /** An id or reference is null, empty or blank. */
    MISSING_ID,
    /** A logical time is negative. */
    NEGATIVE_TIME,
    /** A cash amount that must be positive is zero or negative. */
    NON_POSITIVE_AMOUNT,
    /** A cash amount that may be zero is negative. */
    NEGATIVE_AMOUNT,
    /** A quantity that must be positive is zero or negative. */
    NON_POSITIVE_QUANTITY,
    /** A quantity that may be zero is negative. */
    NEGATIVE_QUANTITY,
    /** A price is zero or negative. */
    NON_POSITIVE_PRICE,
    /** A year or vintage is outside 1900..9999. */
    INVALID_YEAR,
    /** An offset serial range has a negative start or its end before its start. */
    INVALID_SERIAL_RANGE,
    /** No longer produced (ENERGY instruments are defined since pool bidding settles here); kept so the codes of
     *  earlier journals keep their meaning. */
    UNSUPPORTED_INSTRUMENT_KIND,
    /** A default report names a kind that is not an external kind (EXTERNAL_BANK, ARBITRATION_RULING). */
    KIND_NOT_EXTERNAL,
    /** price x quantity, or another amount derived from the input, does not fit a long. */
    ARITHMETIC_OVERFLOW,
    /** A stated amount is not the one its inputs give (an auction allocation's amount is not price x quantity). */
    AMOUNT_MISMATCH,
    /** A commission rate outside 0..10000 basis points. */
    INVALID_COMMISSION_RATE,

    // ---- duplicates (409) ----
    /** The participant already has an account (or the id is a system account). */
    ACCOUNT_EXISTS,
    /** The instrument id is already defined. */
    INSTRUMENT_EXISTS,
    /** The command's reference (deposit, withdrawal, allocation, issuance, surrender, report) was used before. */
    DUPLICATE_REFERENCE,
    /** The order id was accepted before. */
    DUPLICATE_ORDER_ID,
    /** The trade or agreement id was registered before. */
    DUPLICATE_TRADE_ID,
    /** A serial of the offset range was already issued (ranges may not overlap). */
    SERIAL_ALREADY_ISSUED,
    /** Verified emissions for this enterprise and year were already recorded. */
    EMISSIONS_ALREADY_RECORDED,

    // ---- unknown references (404) ----
    /** No account with that participant id. */
    UNKNOWN_ACCOUNT,
    /** No instrument with that id. */
    UNKNOWN_INSTRUMENT,
    /** No accepted order with that id. */
    UNKNOWN_ORDER,
    /** No pending (unsettled) trade or agreement with that id. */
    UNKNOWN_TRADE,

    // ---- authorisation (403) ----
    /** The acting participant has no account. */
    UNKNOWN_ACTOR,
    /** The acting participant's role may not issue this command. */
    ACTOR_ROLE_NOT_PERMITTED,
    /** The acting participant's account is frozen or cancelled. */
    ACTOR_NOT_ACTIVE,
    /** The participant's role may not place orders or agreements (only ENTERPRISE trades). */
    ROLE_CANNOT_TRADE,
    /** The target of an allocation, issuance, emissions record or surrender is not an ENTERPRISE. */
    NOT_AN_ENTERPRISE,
    /** The command targets a system account (exchange commission or regulator escrow) where not allowed. */
    SYSTEM_ACCOUNT,
    /** The participant's credit grade does not allow opening orders (grade D by default). */
    GRADE_CANNOT_TRADE,

    // ---- state conflicts (409) ----
    /** The account is frozen. */
    ACCOUNT_FROZEN,
    /** The account is cancelled (terminal). */
    ACCOUNT_CANCELLED,
    /** Unfreeze or cancel asked for an account that is not frozen. */
    ACCOUNT_NOT_FROZEN,
    /** Unfreeze asked while penalty debt is outstanding. */
    DEBT_OUTSTANDING,
    /** Cancel asked while the account still has pending trades or agreements. */
    PENDING_OBLIGATIONS,
    /** Withdrawal larger than the unlocked cash. */
    INSUFFICIENT_AVAILABLE_CASH,
    /** The unlocked cash does not cover the deposit to lock. */
    INSUFFICIENT_CASH_FOR_DEPOSIT,
    /** The unlocked holdings of the instrument do not cover the quantity. */
    INSUFFICIENT_HOLDINGS,
    /** Open notional of the participant's orders would exceed its grade's maximum. */
    OPEN_NOTIONAL_LIMIT_EXCEEDED,
    /** The instrument exists but is of the wrong kind for this command. */
    INSTRUMENT_KIND_MISMATCH,
    /** The order is no longer open (filled, cancelled or expired). */
    ORDER_NOT_OPEN,
    /** The buy order of a trade is not a BUY, or the sell order not a SELL. */
    SIDE_MISMATCH,
    /** The two orders of a trade are for different instruments. */
    INSTRUMENT_MISMATCH,
    /** Buyer and seller are the same participant. */
    SELF_TRADE,
    /** The fill quantity exceeds what remains of one of the orders. */
    FILL_EXCEEDS_REMAINING,
    /** The trade price is above the buy limit or below the sell limit. */
    PRICE_OUTSIDE_LIMIT,
    /** An agreement's settlement date is not after its registration time. */
    SETTLEMENT_DATE_NOT_AFTER_REGISTRATION,
    /** A settlement window close at a time earlier than the previous close. */
    WINDOW_TIME_REGRESSION,
    /** The named defaulter is neither buyer nor seller of the trade. */
    DEFAULTER_NOT_PARTY,
    /** The compliance year is already settled. */
    YEAR_ALREADY_SETTLED,
    /** Annual settlement for a year other than the one after the last settled year. */
    YEAR_OUT_OF_SEQUENCE,
    /** Surrender before the enterprise's verified emissions for the year were recorded. */
    EMISSIONS_NOT_RECORDED,
    /** Allowance vintage later than the compliance year. */
    VINTAGE_AFTER_COMPLIANCE_YEAR,
    /** Offsets surrendered would exceed the configured share of the obligation. */
    OFFSET_CAP_EXCEEDED,
    /** Surrender would exceed the remaining obligation of the year. */
    SURRENDER_EXCEEDS_OBLIGATION
}
