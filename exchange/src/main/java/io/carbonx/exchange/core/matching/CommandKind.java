package io.carbonx.exchange.core.matching;

/** The kind of a {@link Command}, carried by {@link OrderRejected} so a rejection names what it rejects. */
public enum CommandKind {
    PLACE,
    CANCEL,
    REPLACE,
    ADVANCE_TIME,
    CANCEL_PARTICIPANT_ORDERS,
    SET_REFERENCE_PRICE
}
