package io.carbonx.registry.core.state;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Running totals the conservation invariants are checked against:
 * <ul>
 *   <li>cash: {@code deposited - withdrawn = sum(available cash) + sum(locked cash) + penaltiesPaid} over all
 *       accounts (the exchange account's cash includes every commission; escrow holds cancelled accounts' cash);
 *   <li>per instrument: {@code created = held + locked + surrendered + escrowed + delivered}, where created is
 *       allowances (or stored energy) credited by allocation plus offsets issued, and delivered is stored energy
 *       sold from storage (it leaves the registry through the grid);
 *   <li>debt: {@code sum(debt) = debtRecorded - debtRepaid}.
 * </ul>
 */
public final class Totals {
    private long depositedMinor;
    private long withdrawnMinor;
    private long penaltiesPaidMinor;
    private long commissionsMinor;
    private long forfeitedMinor;
    private long debtRecordedMinor;
    private long debtRepaidMinor;
    private final TreeMap<String, Long> created = new TreeMap<>();
    private final TreeMap<String, Long> surrendered = new TreeMap<>();
    private final TreeMap<String, Long> delivered = new TreeMap<>();

    Totals() {
    }

    /** @return all cash ever deposited */
    public long depositedMinor() {
        return depositedMinor;
    }

    /** @return all cash ever withdrawn */
    public long withdrawnMinor() {
        return withdrawnMinor;
    }

    /** @return penalties paid, directly or by debt repayment (cash that left the ledger to the regulator) */
    public long penaltiesPaidMinor() {
        return penaltiesPaidMinor;
    }

    /** @return commissions credited to the exchange account */
    public long commissionsMinor() {
        return commissionsMinor;
    }

    /** @return deposits forfeited to counterparties */
    public long forfeitedMinor() {
        return forfeitedMinor;
    }

    /** @return penalty debt ever recorded */
    public long debtRecordedMinor() {
        return debtRecordedMinor;
    }

    /** @return penalty debt repaid by deposits */
    public long debtRepaidMinor() {
        return debtRepaidMinor;
    }

    /** @return units created per instrument (allocated credited + offsets issued) */
    public SortedMap<String, Long> created() {
        return Collections.unmodifiableSortedMap(created);
    }

    /** @return units surrendered per instrument */
    public SortedMap<String, Long> surrendered() {
        return Collections.unmodifiableSortedMap(surrendered);
    }

    void deposited(long amount, long debtRepaid) {
        depositedMinor = Math.addExact(depositedMinor, amount);
        debtRepaidMinor = Math.addExact(debtRepaidMinor, debtRepaid);
        penaltiesPaidMinor = Math.addExact(penaltiesPaidMinor, debtRepaid);
    }

    void withdrawn(long amount) {
        withdrawnMinor = Math.addExact(withdrawnMinor, amount);
    }

    void penalty(long paid, long debt) {
        penaltiesPaidMinor = Math.addExact(penaltiesPaidMinor, paid);
        debtRecordedMinor = Math.addExact(debtRecordedMinor, debt);
    }

    void commission(long amount) {
        commissionsMinor = Math.addExact(commissionsMinor, amount);
    }

    void forfeited(long amount) {
        forfeitedMinor = Math.addExact(forfeitedMinor, amount);
    }

    void created(String instrumentId, long quantity) {
        created.merge(instrumentId, quantity, Math::addExact);
    }

    /** @return units delivered out of the registry per instrument (stored energy sold from storage) */
    public SortedMap<String, Long> delivered() {
        return Collections.unmodifiableSortedMap(delivered);
    }

    void delivered(String instrumentId, long quantity) {
        delivered.merge(instrumentId, quantity, Math::addExact);
    }

    void surrendered(String instrumentId, long quantity) {
        surrendered.merge(instrumentId, quantity, Math::addExact);
    }
}
