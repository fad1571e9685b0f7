package io.carbonx.registry.core.model;

/** What happens to a compliance shortfall after the penalty. */
public enum ShortfallTreatment {
    /** Added to the enterprise's obligation for the next year. */
    CARRY_FORWARD,
    /** Withheld from the enterprise's next allocations of the next year's vintage. */
    DEDUCT_FROM_NEXT_ALLOCATION
}
