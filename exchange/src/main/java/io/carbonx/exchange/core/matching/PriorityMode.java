package io.carbonx.exchange.core.matching;

/** How resting orders at the same price are ranked. */
public enum PriorityMode {
    /** Price, then the credit grade given with the order at arrival (better grade first), then time. */
    PRICE_GRADE_TIME,
    /** Price, then time; the grade is ignored. */
    PRICE_TIME
}
