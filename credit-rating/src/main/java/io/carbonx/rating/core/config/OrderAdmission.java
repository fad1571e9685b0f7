package io.carbonx.rating.core.config;

/** The rating policy's answer to "may this participant open this order?". */
public enum OrderAdmission {
    /** The grade allows the order. */
    ADMITTED,
    /** The grade (D by rule, others by configuration) cannot open new orders. */
    GRADE_CANNOT_OPEN_ORDERS,
    /** The order would take the participant's open notional above its grade's maximum. */
    MAX_OPEN_NOTIONAL_EXCEEDED
}
