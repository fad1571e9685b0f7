package io.carbonx.registry.core.state;

import io.carbonx.events.InstrumentKind;
import io.carbonx.events.Role;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The whole ledger state. Public methods only read; every change is made by {@link Evolver} applying an
 * event, so the state is a fold of its events from {@link #genesis}. All collections are sorted maps and sets,
 * so iteration order (and therefore {@link StateHasher}'s encoding) is canonical.
 */
public final class LedgerState {
    private final String exchangeAccountId;
    private final String escrowAccountId;
    final TreeMap<String, Account> accounts = new TreeMap<>();
    final TreeMap<String, Lock> locks = new TreeMap<>();
    final TreeMap<String, OpenOrder> openOrders = new TreeMap<>();
    final TreeSet<String> acceptedOrderIds = new TreeSet<>();
    final TreeMap<String, PendingTrade> pendingTrades = new TreeMap<>();
    final TreeSet<String> tradeIds = new TreeSet<>();
    final TreeMap<DueKey, String> settlementQueue = new TreeMap<>();
    final TreeMap<String, Instrument> instruments = new TreeMap<>();
    final TreeMap<Long, IssuedRange> issuedRanges = new TreeMap<>();
    final TreeSet<String> usedReferences = new TreeSet<>();
    final ComplianceBook compliance = new ComplianceBook();
    final Totals totals = new Totals();
    long tradeSequence;
    boolean anyWindowClosed;
    long lastWindowClose;

    private LedgerState(String exchangeAccountId, String escrowAccountId) {
        this.exchangeAccountId = exchangeAccountId;
        this.escrowAccountId = escrowAccountId;
    }

    /**
     * The state before any event: only the two system accounts exist, ACTIVE and empty.
     *
     * @param exchangeAccountId commission account (role EXCHANGE)
     * @param escrowAccountId   regulator escrow account (role REGULATOR)
     * @return a fresh state
     */
    public static LedgerState genesis(String exchangeAccountId, String escrowAccountId) {
        LedgerState s = new LedgerState(exchangeAccountId, escrowAccountId);
        s.accounts.put(exchangeAccountId, new Account(exchangeAccountId, Role.EXCHANGE, true));
        s.accounts.put(escrowAccountId, new Account(escrowAccountId, Role.REGULATOR, true));
        return s;
    }

    /**
     * Key under which a used command reference is remembered.
     *
     * @param kind      namespace (deposit, withdrawal, allocation, issuance, surrender)
     * @param reference the caller's reference
     * @return the key
     */
    public static String referenceKey(String kind, String reference) {
        return kind + ":" + reference;
    }

    /** @return the exchange commission account id */
    public String exchangeAccountId() {
        return exchangeAccountId;
    }

    /** @return the regulator escrow account id */
    public String escrowAccountId() {
        return escrowAccountId;
    }

    /**
     * @param participantId participant
     * @return its account
     */
    public Optional<Account> account(String participantId) {
        return Optional.ofNullable(participantId == null ? null : accounts.get(participantId));
    }

    /** @return all accounts by id */
    public SortedMap<String, Account> accounts() {
        return Collections.unmodifiableSortedMap(accounts);
    }

    /** @return all live locks by lock id */
    public SortedMap<String, Lock> locks() {
        return Collections.unmodifiableSortedMap(locks);
    }

    /**
     * @param lockId a lock id
     * @return the lock, if live
     */
    public Optional<Lock> lock(String lockId) {
        return Optional.ofNullable(locks.get(lockId));
    }

    /**
     * @param participantId owner
     * @return its live locks, sorted by lock id
     */
    public List<Lock> locksOf(String participantId) {
        List<Lock> out = new ArrayList<>();
        for (Lock l : locks.values()) {
            if (l.ownerId().equals(participantId)) {
                out.add(l);
            }
        }
        return out;
    }

    /** @return open orders by id */
    public SortedMap<String, OpenOrder> openOrders() {
        return Collections.unmodifiableSortedMap(openOrders);
    }

    /**
     * @param orderId an order id
     * @return the open order
     */
    public Optional<OpenOrder> openOrder(String orderId) {
        return Optional.ofNullable(orderId == null ? null : openOrders.get(orderId));
    }

    /**
     * @param orderId an order id
     * @return true if an order with this id was ever accepted
     */
    public boolean wasAccepted(String orderId) {
        return acceptedOrderIds.contains(orderId);
    }

    /** @return pending trades and agreements by id */
    public SortedMap<String, PendingTrade> pendingTrades() {
        return Collections.unmodifiableSortedMap(pendingTrades);
    }

    /**
     * @param tradeId a trade id
     * @return the pending trade
     */
    public Optional<PendingTrade> pendingTrade(String tradeId) {
        return Optional.ofNullable(tradeId == null ? null : pendingTrades.get(tradeId));
    }

    /**
     * @param instrumentId an instrument id
     * @return true if it is a defined ENERGY instrument: traded by pool bidding, settled in cash only (the energy
     *         itself is delivered through the grid, not held in the registry)
     */
    public boolean isEnergy(String instrumentId) {
        Instrument i = instrumentId == null ? null : instruments.get(instrumentId);
        return i != null && i.kind() == InstrumentKind.ENERGY;
    }

    /**
     * @param tradeId a trade or agreement id
     * @return true if it was ever registered
     */
    public boolean tradeIdUsed(String tradeId) {
        return tradeIds.contains(tradeId);
    }

    /**
     * @param time a window close time
     * @return pending trades due at or before {@code time}, in settlement order
     */
    public List<PendingTrade> dueTrades(long time) {
        List<PendingTrade> due = new ArrayList<>();
        for (Map.Entry<DueKey, String> e : settlementQueue.headMap(new DueKey(time, Long.MAX_VALUE), true)
                .entrySet()) {
            due.add(pendingTrades.get(e.getValue()));
        }
        return due;
    }

    /** @return the registration sequence the next trade gets */
    public long nextTradeSequence() {
        return tradeSequence;
    }

    /** @return instruments by id */
    public SortedMap<String, Instrument> instruments() {
        return Collections.unmodifiableSortedMap(instruments);
    }

    /**
     * @param instrumentId an instrument id
     * @return the instrument
     */
    public Optional<Instrument> instrument(String instrumentId) {
        return Optional.ofNullable(instrumentId == null ? null : instruments.get(instrumentId));
    }

    /** @return issued serial ranges by first serial */
    public SortedMap<Long, IssuedRange> issuedRanges() {
        return Collections.unmodifiableSortedMap(issuedRanges);
    }

    /**
     * @param from first serial
     * @param to   last serial (>= from)
     * @return an issued range sharing a serial with {@code from..to}, if any
     */
    public Optional<IssuedRange> overlappingRange(long from, long to) {
        // Ranges are disjoint; if any overlaps, the one starting last at or before `to` does.
        Map.Entry<Long, IssuedRange> e = issuedRanges.floorEntry(to);
        return Optional.ofNullable(e != null && e.getValue().to() >= from ? e.getValue() : null);
    }

    /**
     * @param kind      reference namespace
     * @param reference reference
     * @return true if used before
     */
    public boolean referenceUsed(String kind, String reference) {
        return usedReferences.contains(referenceKey(kind, reference));
    }

    /** @return compliance positions */
    public ComplianceBook compliance() {
        return compliance;
    }

    /** @return conservation totals */
    public Totals totals() {
        return totals;
    }

    /** @return true once a settlement window was closed */
    public boolean anyWindowClosed() {
        return anyWindowClosed;
    }

    /** @return time of the last window close (meaningful if {@link #anyWindowClosed()}) */
    public long lastWindowClose() {
        return lastWindowClose;
    }

    Account requireAccount(String participantId) {
        return StateMath.present(accounts.get(participantId), "account " + participantId);
    }
}
