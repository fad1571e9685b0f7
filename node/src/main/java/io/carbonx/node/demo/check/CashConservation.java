package io.carbonx.node.demo.check;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Cash is conserved: what came in by deposits, less what went out (withdrawals, penalties paid to the regulator,
 * directly or by repaying penalty debt), is exactly what the registry's accounts hold, available or locked, over
 * every account including the exchange's (commissions, the energy pool's platform) and the regulator's escrow
 * (cancelled accounts, primary-auction proceeds). Also: the deposits the demo made are exactly the deposits the log
 * recorded, no balance is negative, and the debt on the accounts is the penalty debt recorded less what was repaid.
 */
public final class CashConservation {

    /** The check's name. */
    public static final String NAME = "cash conservation";

    /**
     * One account's cash as the registry reports it.
     *
     * @param id      participant id
     * @param cash    available cash
     * @param locked  locked cash (deposits of open orders and pending trades)
     * @param debt    penalty debt
     */
    public record AccountCash(String id, long cash, long locked, long debt) {
    }

    /**
     * The facts.
     *
     * @param sentDeposits   deposits the demo's requests were accepted for
     * @param deposited      FundsDeposited amounts in the log
     * @param withdrawn      FundsWithdrawn amounts in the log
     * @param penaltiesPaid  PenaltyApplied paid amounts in the log
     * @param debtRecorded   PenaltyApplied debt amounts in the log
     * @param debtRepaid     FundsDeposited debt repayments in the log
     * @param accounts       every account of the registry
     */
    public record Facts(long sentDeposits, long deposited, long withdrawn, long penaltiesPaid, long debtRecorded,
                        long debtRepaid, List<AccountCash> accounts) {
        /** Copies. */
        public Facts {
            accounts = List.copyOf(accounts);
        }
    }

    private CashConservation() {
    }

    /** Checks {@code f}. */
    public static CheckResult check(Facts f) {
        List<String> problems = new ArrayList<>();
        if (f.sentDeposits() != f.deposited()) {
            problems.add("the demo's accepted deposits total " + f.sentDeposits() + " but the log records "
                    + f.deposited());
        }
        BigInteger held = BigInteger.ZERO;
        BigInteger debt = BigInteger.ZERO;
        for (AccountCash a : f.accounts()) {
            if (a.cash() < 0 || a.locked() < 0 || a.debt() < 0) {
                problems.add("account " + a.id() + " has a negative balance: cash " + a.cash() + ", locked "
                        + a.locked() + ", debt " + a.debt());
            }
            held = held.add(BigInteger.valueOf(a.cash())).add(BigInteger.valueOf(a.locked()));
            debt = debt.add(BigInteger.valueOf(a.debt()));
        }
        BigInteger in = BigInteger.valueOf(f.deposited()).subtract(BigInteger.valueOf(f.withdrawn()))
                .subtract(BigInteger.valueOf(f.penaltiesPaid())).subtract(BigInteger.valueOf(f.debtRepaid()));
        if (!in.equals(held)) {
            problems.add("deposited - withdrawn - penalties paid = " + in + " but the accounts hold " + held
                    + " (difference " + held.subtract(in) + ")");
        }
        BigInteger owed = BigInteger.valueOf(f.debtRecorded()).subtract(BigInteger.valueOf(f.debtRepaid()));
        if (!owed.equals(debt)) {
            problems.add("penalty debt recorded - repaid = " + owed + " but the accounts owe " + debt);
        }
        return CheckResult.of(NAME, problems, String.format(Locale.ROOT, "deposited %,d - withdrawn %,d - penalties"
                        + " paid %,d = %,d held by %d accounts (available + locked); debt %,d as recorded", f.deposited(),
                f.withdrawn(), f.penaltiesPaid() + f.debtRepaid(), held, f.accounts().size(), debt),
                problems.size() + " cash imbalance(s)");
    }
}
