package io.carbonx.registry.core.state;

import io.carbonx.events.CreditGrade;
import io.carbonx.events.Role;
import io.carbonx.registry.core.model.AccountStatus;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One participant's account. {@code cashMinor} and {@link #holding} are the <em>available</em> (unlocked)
 * amounts; locked amounts live in {@link Lock}s owned by the account. Read-only outside this package: only
 * event evolution changes it.
 */
public final class Account {
    private final String id;
    private final Role role;
    private final boolean system;
    private AccountStatus status = AccountStatus.ACTIVE;
    private CreditGrade grade = CreditGrade.UNRATED;
    private long cashMinor;
    private long debtMinor;
    private final TreeMap<String, Long> holdings = new TreeMap<>();
    private final TreeSet<String> openOrderIds = new TreeSet<>();
    private final TreeSet<String> pendingTradeIds = new TreeSet<>();
    private final List<Long> defaultTimes = new ArrayList<>();

    Account(String id, Role role, boolean system) {
        this.id = id;
        this.role = role;
        this.system = system;
    }

    /** @return participant id */
    public String id() {
        return id;
    }

    /** @return role of the participant */
    public Role role() {
        return role;
    }

    /** @return true for the exchange commission and regulator escrow accounts */
    public boolean isSystem() {
        return system;
    }

    /** @return lifecycle status */
    public AccountStatus status() {
        return status;
    }

    /** @return current credit grade (UNRATED until rated) */
    public CreditGrade grade() {
        return grade;
    }

    /** @return unlocked cash, minor units */
    public long cashMinor() {
        return cashMinor;
    }

    /** @return unpaid penalty debt, minor units */
    public long debtMinor() {
        return debtMinor;
    }

    /**
     * @param instrumentId an instrument
     * @return unlocked holding of it (0 if none)
     */
    public long holding(String instrumentId) {
        return holdings.getOrDefault(instrumentId, 0L);
    }

    /** @return unlocked holdings by instrument, sorted, no zero entries */
    public SortedMap<String, Long> holdings() {
        return Collections.unmodifiableSortedMap(holdings);
    }

    /** @return ids of the account's open orders, sorted */
    public SortedSet<String> openOrderIds() {
        return Collections.unmodifiableSortedSet(openOrderIds);
    }

    /** @return ids of the account's pending trades and agreements, sorted */
    public SortedSet<String> pendingTradeIds() {
        return Collections.unmodifiableSortedSet(pendingTradeIds);
    }

    /** @return logical times of every default recorded against the account, in event order */
    public List<Long> defaultTimes() {
        return Collections.unmodifiableList(defaultTimes);
    }

    /**
     * @param fromExclusive window start (exclusive)
     * @param toInclusive   window end (inclusive)
     * @return number of defaults with a time in the window
     */
    public int defaultsWithin(long fromExclusive, long toInclusive) {
        int n = 0;
        for (long t : defaultTimes) {
            if (t > fromExclusive && t <= toInclusive) {
                n++;
            }
        }
        return n;
    }

    void status(AccountStatus newStatus) {
        status = newStatus;
    }

    void grade(CreditGrade newGrade) {
        grade = newGrade;
    }

    void addCash(long deltaMinor) {
        cashMinor = StateMath.nonNegative(Math.addExact(cashMinor, deltaMinor), "cash of " + id);
    }

    void addDebt(long deltaMinor) {
        debtMinor = StateMath.nonNegative(Math.addExact(debtMinor, deltaMinor), "debt of " + id);
    }

    void addHolding(String instrumentId, long delta) {
        long next = StateMath.nonNegative(Math.addExact(holding(instrumentId), delta),
                "holding " + instrumentId + " of " + id);
        if (next == 0) {
            holdings.remove(instrumentId);
        } else {
            holdings.put(instrumentId, next);
        }
    }

    TreeMap<String, Long> mutableHoldings() {
        return holdings;
    }

    TreeSet<String> mutableOpenOrders() {
        return openOrderIds;
    }

    TreeSet<String> mutablePendingTrades() {
        return pendingTradeIds;
    }

    void recordDefault(long time) {
        defaultTimes.add(time);
    }
}
