package io.carbonx.registry.service;

/**
 * Refusals the registry's adapter makes before the ledger or the CA see a command. Like the ledger's
 * {@code ReasonCode}s and the CA's {@code IdentityRefusal}s, each changes nothing and is returned as the
 * command's reason code.
 */
public enum CommandRefusal {
    /** The command type is not one the registry handles. */
    UNSUPPORTED_COMMAND,
    /** Signed request bytes that are not a request of the expected type. */
    MALFORMED_REQUEST,
    /** A signed request bound to another chain id. */
    WRONG_CHAIN,
    /** A signed request whose participant is not its signer or not the authenticated actor. */
    NOT_REQUEST_SIGNER,
    /** A revocation reason that is not one of the RevocationReason names. */
    INVALID_REVOCATION_REASON
}
