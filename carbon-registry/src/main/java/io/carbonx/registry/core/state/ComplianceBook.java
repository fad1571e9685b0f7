package io.carbonx.registry.core.state;

import java.math.BigInteger;
import java.util.Collections;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Compliance positions per enterprise and year, pending allocation deductions, the last settled year, and the
 * volume-weighted price statistics of settled allowance trades per calendar year (UTC, by trade time).
 */
public final class ComplianceBook {
    private final TreeMap<String, TreeMap<Integer, ComplianceRecord>> records = new TreeMap<>();
    private final TreeMap<String, TreeMap<Integer, Long>> pendingDeductions = new TreeMap<>();
    private final TreeMap<Integer, BigInteger[]> priceStats = new TreeMap<>();
    private boolean anySettled;
    private int lastSettledYear;

    ComplianceBook() {
    }

    /**
     * @param participantId enterprise
     * @param year          compliance year
     * @return its record, if any event touched that year
     */
    public Optional<ComplianceRecord> record(String participantId, int year) {
        TreeMap<Integer, ComplianceRecord> byYear = records.get(participantId);
        return Optional.ofNullable(byYear == null ? null : byYear.get(year));
    }

    /** @return all records: participant → year → record, sorted */
    public SortedMap<String, SortedMap<Integer, ComplianceRecord>> records() {
        TreeMap<String, SortedMap<Integer, ComplianceRecord>> view = new TreeMap<>();
        records.forEach((p, m) -> view.put(p, Collections.unmodifiableSortedMap(m)));
        return Collections.unmodifiableSortedMap(view);
    }

    /**
     * @param participantId enterprise
     * @param vintage       allowance vintage
     * @return tonnes still to be withheld from allocations of that vintage
     */
    public long pendingDeduction(String participantId, int vintage) {
        TreeMap<Integer, Long> byYear = pendingDeductions.get(participantId);
        return byYear == null ? 0L : byYear.getOrDefault(vintage, 0L);
    }

    /** @return all pending deductions: participant → vintage → tonnes, sorted */
    public SortedMap<String, SortedMap<Integer, Long>> pendingDeductions() {
        TreeMap<String, SortedMap<Integer, Long>> view = new TreeMap<>();
        pendingDeductions.forEach((p, m) -> view.put(p, Collections.unmodifiableSortedMap(m)));
        return Collections.unmodifiableSortedMap(view);
    }

    /** @return true if some year has been settled */
    public boolean anySettled() {
        return anySettled;
    }

    /** @return the last settled year (meaningful only if {@link #anySettled()}) */
    public int lastSettledYear() {
        return lastSettledYear;
    }

    /**
     * @param year a compliance year
     * @return true if that year (or a later one) was settled
     */
    public boolean isSettled(int year) {
        return anySettled && year <= lastSettledYear;
    }

    /**
     * @param year calendar year
     * @return {sum of notional, sum of quantity} of allowance trades settled with a trade time in that year
     */
    public BigInteger[] allowancePriceStats(int year) {
        BigInteger[] s = priceStats.get(year);
        return s == null ? new BigInteger[] {BigInteger.ZERO, BigInteger.ZERO} : s.clone();
    }

    SortedMap<Integer, BigInteger[]> priceStatsView() {
        return Collections.unmodifiableSortedMap(priceStats);
    }

    ComplianceRecord recordFor(String participantId, int year) {
        return records.computeIfAbsent(participantId, k -> new TreeMap<>())
                .computeIfAbsent(year, k -> new ComplianceRecord());
    }

    void addPendingDeduction(String participantId, int vintage, long delta) {
        TreeMap<Integer, Long> byYear = pendingDeductions.computeIfAbsent(participantId, k -> new TreeMap<>());
        long next = StateMath.nonNegative(Math.addExact(byYear.getOrDefault(vintage, 0L), delta),
                "pending deduction of " + participantId);
        if (next == 0) {
            byYear.remove(vintage);
            if (byYear.isEmpty()) {
                pendingDeductions.remove(participantId);
            }
        } else {
            byYear.put(vintage, next);
        }
    }

    void addTrade(int year, long notionalMinor, long quantity) {
        BigInteger[] s = priceStats.computeIfAbsent(year, k -> new BigInteger[] {BigInteger.ZERO, BigInteger.ZERO});
        s[0] = s[0].add(BigInteger.valueOf(notionalMinor));
        s[1] = s[1].add(BigInteger.valueOf(quantity));
    }

    void markYearSettled(int year) {
        anySettled = true;
        lastSettledYear = year;
    }
}
