package io.carbonx.registry.service;

import io.carbonx.registry.core.Ledger;
import io.carbonx.registry.identity.IdentityService;
import io.carbonx.registry.journal.JournalCodec;
import java.util.Objects;

/**
 * The registry's whole state, a fold of its journal: the ledger, the identity registry (inside the CA's
 * {@link IdentityService}) and how many journal entries made them. Owned by the exactly-once loop's thread.
 */
public final class RegistryState {
    private final Ledger ledger;
    private final IdentityService identity;
    private long entries;

    /**
     * @param ledger   the ledger
     * @param identity the CA and identity registry
     */
    public RegistryState(Ledger ledger, IdentityService identity) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.identity = Objects.requireNonNull(identity, "identity");
    }

    /** @return the ledger */
    public Ledger ledger() {
        return ledger;
    }

    /** @return the CA and identity registry */
    public IdentityService identity() {
        return identity;
    }

    /** @return journal entries folded into this state (replayed or written) */
    public long entries() {
        return entries;
    }

    /**
     * Folds one journal entry (replay): a ledger event into the ledger, an identity record into the registry.
     *
     * @param entry the entry
     */
    public void apply(JournalCodec.Entry entry) {
        if (entry instanceof JournalCodec.LedgerEntry l) {
            ledger.apply(l.event());
        } else {
            identity.apply(((JournalCodec.IdentityEntry) entry).identity());
        }
        entries++;
    }

    /**
     * Counts entries a decision wrote (their effects were applied while deciding).
     *
     * @param written the number of journal entries
     */
    void wrote(int written) {
        entries += written;
    }
}
