package io.carbonx.registry.readmodel;

import io.carbonx.events.DefaultRecorded;
import io.carbonx.events.DepositForfeited;
import io.carbonx.events.PenaltyApplied;
import io.carbonx.events.TradeSettled;
import io.carbonx.registry.core.Ledger;
import io.carbonx.registry.core.LedgerConfig;
import io.carbonx.registry.core.state.LedgerState;
import io.carbonx.registry.identity.IdentityRegistry;
import io.carbonx.registry.journal.JournalCodec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;

/**
 * What the API reads: a replica of the registry's state folded from the journal (a {@link Ledger} and an
 * {@link IdentityRegistry}, exactly as the live registry folds them) plus the histories the state does not keep
 * (settled trades, defaults with their forfeits). Updated by one thread following the journal
 * ({@link #apply}); read by the API's threads through {@link #read}, under a read lock, so a reader always sees
 * the state after a whole number of journal entries.
 */
public final class RegistryReadModel {
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Ledger ledger;
    private final IdentityRegistry identities = new IdentityRegistry();
    private final List<TradeSettled> settlements = new ArrayList<>();
    private final List<DefaultRecorded> defaults = new ArrayList<>();
    private final Map<String, DepositForfeited> forfeits = new TreeMap<>();
    private final Map<String, PenaltyApplied> penalties = new TreeMap<>();
    private final View view = new View();
    private long entries;

    /**
     * @param config the ledger configuration the journal was written under
     */
    public RegistryReadModel(LedgerConfig config) {
        this.ledger = new Ledger(config);
    }

    /** A consistent view; valid only inside {@link #read}. */
    public final class View {
        /** @return the ledger state */
        public LedgerState ledger() {
            return ledger.state();
        }

        /** @return the ledger configuration */
        public LedgerConfig config() {
            return ledger.config();
        }

        /** @return participants, pending registrations and revocations */
        public IdentityRegistry identities() {
            return identities;
        }

        /** @return every settled trade, in settlement order */
        public List<TradeSettled> settlements() {
            return Collections.unmodifiableList(settlements);
        }

        /** @return every default, in order */
        public List<DefaultRecorded> defaults() {
            return Collections.unmodifiableList(defaults);
        }

        /**
         * @param defaultId a default id
         * @return the deposit forfeited for it
         */
        public Optional<DepositForfeited> forfeit(String defaultId) {
            return Optional.ofNullable(forfeits.get(defaultId));
        }

        /**
         * @param participantId an enterprise
         * @param year          a compliance year
         * @return its penalty for that year
         */
        public Optional<PenaltyApplied> penalty(String participantId, int year) {
            return Optional.ofNullable(penalties.get(participantId + "/" + year));
        }

        /** @return journal entries folded so far */
        public long entries() {
            return entries;
        }

        /** @return the replica ledger's state hash */
        public String ledgerHash() {
            return ledger.stateHash();
        }

        /** @return the replica identity registry's state hash */
        public String identityHash() {
            return identities.stateHash();
        }
    }

    /**
     * Folds one journal entry.
     *
     * @param entry the entry
     */
    public void apply(JournalCodec.Entry entry) {
        lock.writeLock().lock();
        try {
            if (entry instanceof JournalCodec.LedgerEntry l) {
                ledger.apply(l.event());
                if (l.record() instanceof TradeSettled s) {
                    settlements.add(s);
                } else if (l.record() instanceof DefaultRecorded d) {
                    defaults.add(d);
                } else if (l.record() instanceof DepositForfeited f) {
                    forfeits.put(f.getDefaultId(), f);
                } else if (l.record() instanceof PenaltyApplied p) {
                    penalties.put(p.getParticipantId() + "/" + p.getYear(), p);
                }
            } else {
                identities.apply(((JournalCodec.IdentityEntry) entry).identity());
            }
            entries++;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * @param reader reads the view (must not keep references to mutable parts beyond the call)
     * @param <T>    the result
     * @return what the reader returned
     */
    public <T> T read(Function<View, T> reader) {
        lock.readLock().lock();
        try {
            return reader.apply(view);
        } finally {
            lock.readLock().unlock();
        }
    }
}
