package io.carbonx.registry.service;

/**
 * The live registry's state after its last committed transaction, published by the loop thread for health and
 * the replay check. Immutable.
 *
 * @param entries      journal entries the live state is the fold of
 * @param ledgerHash   the ledger's state hash
 * @param identityHash the identity registry's state hash
 */
public record LiveStatus(long entries, String ledgerHash, String identityHash) {
    /** Before the first commit. */
    public static final LiveStatus NONE = new LiveStatus(-1, "", "");
}
