package io.carbonx.registry.readmodel;

import io.carbonx.eventlog.KafkaClients;
import io.carbonx.registry.core.Ledger;
import io.carbonx.registry.core.LedgerConfig;
import io.carbonx.registry.identity.IdentityRegistry;
import io.carbonx.registry.journal.JournalCodec;
import io.carbonx.registry.service.JournalReplay;

/**
 * The regulator's replay check: rebuilds the ledger and identity registry in fresh objects from the committed
 * journal, from its first entry, and reports their state hashes, to compare with the live registry's and the read
 * model's at the same number of entries.
 *
 * @param entries      journal entries folded
 * @param ledgerHash   the rebuilt ledger's state hash
 * @param identityHash the rebuilt identity registry's state hash
 */
public record ReplayCheck(long entries, String ledgerHash, String identityHash) {

    /**
     * @param clients client factory
     * @param journal the journal topic
     * @param config  the ledger configuration (system account ids)
     * @return the rebuilt state's hashes
     */
    public static ReplayCheck rebuild(KafkaClients clients, String journal, LedgerConfig config) {
        Ledger ledger = new Ledger(config);
        IdentityRegistry identities = new IdentityRegistry();
        long n = JournalReplay.replay(clients, journal, entry -> {
            if (entry instanceof JournalCodec.LedgerEntry l) {
                ledger.apply(l.event());
            } else {
                identities.apply(((JournalCodec.IdentityEntry) entry).identity());
            }
        });
        return new ReplayCheck(n, ledger.stateHash(), identities.stateHash());
    }
}
