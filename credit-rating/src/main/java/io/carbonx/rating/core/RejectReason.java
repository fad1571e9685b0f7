package io.carbonx.rating.core;

/** Why the model refused an input. A refused input changes nothing. */
public enum RejectReason {
    /** The input itself is null. */
    NULL_INPUT,
    /** The event id is null or blank. */
    MISSING_EVENT_ID,
    /** A participant id is null or blank. */
    MISSING_PARTICIPANT_ID,
    /** An id is longer than {@value CreditRatingModel#MAX_ID_LENGTH} characters. */
    ID_TOO_LONG,
    /** The logical time is negative. */
    NEGATIVE_TIME,
    /** A DefaultRecorded has no kind. */
    MISSING_DEFAULT_KIND,
    /** An amount is negative. */
    NEGATIVE_AMOUNT,
    /** A shortfall is negative. */
    NEGATIVE_SHORTFALL,
    /** A PenaltyApplied has neither an amount nor a shortfall. */
    EMPTY_PENALTY,
    /** A TradeSettled notional is negative. */
    NEGATIVE_NOTIONAL,
    /** A TradeSettled names the same participant as buyer and seller. */
    SELF_SETTLEMENT,
    /** The event id was already applied (within the dedup window). */
    DUPLICATE_EVENT,
    /** AccountFrozen for an account already frozen. */
    ALREADY_FROZEN,
    /** AccountUnfrozen for an account that is not frozen (or not known). */
    NOT_FROZEN,
    /** A status change for a cancelled account (cancellation is final). */
    ACCOUNT_CANCELLED,
    /** Reassess for a participant the model has never seen. */
    UNKNOWN_PARTICIPANT
}
