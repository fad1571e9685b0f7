package io.carbonx.registry.core.model;

/** How the per-tonne penalty price of a shortfall was determined. */
public enum PenaltyBasis {
    /** A configured fixed amount per tonne. */
    FIXED_PER_TONNE,
    /** A configured multiple of the year's volume-weighted average allowance price. */
    AVERAGE_PRICE_MULTIPLE,
    /** Average-price policy, but no allowance trade settled that year: the configured fallback per tonne. */
    FALLBACK_FIXED
}
