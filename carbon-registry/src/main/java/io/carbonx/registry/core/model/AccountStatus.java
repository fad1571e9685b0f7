package io.carbonx.registry.core.model;

/**
 * Account lifecycle. Transitions: ACTIVE → FROZEN (freeze policy, penalty debt, regulator order);
 * FROZEN → ACTIVE (regulator unfreeze, no debt outstanding); FROZEN → CANCELLED (regulator, no pending
 * obligations). CANCELLED is terminal.
 */
public enum AccountStatus {
    /** May trade, withdraw and receive. */
    ACTIVE,
    /** No new orders, no withdrawals; open orders were cancelled at freezing; pending trades still settle. */
    FROZEN,
    /** Terminal: cash and holdings moved to the regulator escrow account. */
    CANCELLED
}
