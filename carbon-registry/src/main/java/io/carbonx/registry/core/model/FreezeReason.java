package io.carbonx.registry.core.model;

/** Why an account was frozen. */
public enum FreezeReason {
    /** A forfeited deposit did not cover the loss of the default. */
    DEPOSIT_SHORTFALL,
    /** The configured number of defaults occurred within the configured window. */
    REPEATED_DEFAULTS,
    /** A compliance penalty exceeded the available cash and was recorded as debt. */
    PENALTY_DEBT,
    /** The regulator froze the account by command. */
    REGULATOR_ORDER
}
