package io.carbonx.registry.core.model;

/** Why an open order was cancelled. */
public enum CancelCause {
    /** The participant (through the exchange) asked for it. */
    REQUESTED,
    /** The participant's account was frozen. */
    ACCOUNT_FROZEN
}
