package io.carbonx.exchange.core.matching;

/** How resting orders at the same price are ranked. */
public enum PriorityMode {
    /**
     * Price, then the priority tier given with the order at arrival (the configured tier of its credit grade;
     * lower first, equal tiers alike whatever the grades), then time.
     */
    PRICE_GRADE_TIME,
    /** Price, then time; the grade is ignored. */
    PRICE_TIME
}
