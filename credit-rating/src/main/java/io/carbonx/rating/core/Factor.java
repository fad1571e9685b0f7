package io.carbonx.rating.core;

/**
 * The lines of a score breakdown, in the order they are listed and summed. A score is exactly the sum of its
 * breakdown's points: base, positives (≥ 0), negatives (≤ 0), then the two adjustments (range clamp and account
 * status cap) that make the total land inside its limits.
 */
public enum Factor {
    /** The configured base score (≥ 0). */
    BASE(Sign.POSITIVE),
    /** Points per whole tenure period since the participant's first appearance, capped (≥ 0). */
    TENURE(Sign.POSITIVE),
    /** Points per clean trade settlement, capped (≥ 0). */
    CLEAN_SETTLEMENTS(Sign.POSITIVE),
    /** Points per compliance period settled without shortfall, capped (≥ 0). */
    CLEAN_COMPLIANCE(Sign.POSITIVE),
    /** Decayed cost of recorded defaults, by amount band and kind weight (≤ 0). */
    DEFAULTS(Sign.NEGATIVE),
    /** Decayed cost of forfeited deposits, by amount band (≤ 0). */
    DEPOSIT_FORFEITS(Sign.NEGATIVE),
    /** Decayed cost of compliance penalties, by amount band (or shortfall band when non-monetary) (≤ 0). */
    PENALTIES(Sign.NEGATIVE),
    /** Decayed cost of compliance periods settled with a shortfall, by shortfall band (≤ 0). */
    COMPLIANCE_SHORTFALLS(Sign.NEGATIVE),
    /** Decayed cost of account freezes (≤ 0). */
    FREEZES(Sign.NEGATIVE),
    /** What clamping the sum into [0, maxScore] added (≥ 0 at the floor) or removed (≤ 0 at the top). */
    SCORE_RANGE(Sign.ADJUSTMENT),
    /** What the account status cap removed (≤ 0): frozen → at most the top of CCC, cancelled → at most the top of D. */
    ACCOUNT_STATUS(Sign.ADJUSTMENT);

    /** Which way a factor can move the score. */
    public enum Sign {
        /** Adds points. */
        POSITIVE,
        /** Removes points; decays with logical time. */
        NEGATIVE,
        /** Brings the total inside its limits. */
        ADJUSTMENT
    }

    private final Sign sign;

    Factor(Sign sign) {
        this.sign = sign;
    }

    /** @return which way this factor can move the score */
    public Sign sign() {
        return sign;
    }
}
