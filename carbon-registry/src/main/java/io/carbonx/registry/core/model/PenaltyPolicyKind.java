package io.carbonx.registry.core.model;

/** The configured penalty policy. */
public enum PenaltyPolicyKind {
    /** penalty = shortfall x fixedPerTonneMinor. */
    FIXED_PER_TONNE,
    /** penalty = shortfall x floor(vwap x multipleBps / 10000). */
    AVERAGE_PRICE_MULTIPLE
}
