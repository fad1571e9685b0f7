package io.carbonx.rating.core;

/**
 * A participant's account status as the rating model knows it.
 *
 * <pre>
 *   ACTIVE --AccountFrozen--> FROZEN --AccountUnfrozen--> ACTIVE
 *   ACTIVE | FROZEN --AccountCancelled--> CANCELLED (final)
 * </pre>
 * Any other status event is refused (ALREADY_FROZEN, NOT_FROZEN, ACCOUNT_CANCELLED).
 */
public enum AccountStatus {
    /** Trading normally. */
    ACTIVE,
    /** Frozen: the score is capped at the top of the CCC band. */
    FROZEN,
    /** Cancelled: the score is capped at the top of the D band, so the grade is D. Final. */
    CANCELLED
}
