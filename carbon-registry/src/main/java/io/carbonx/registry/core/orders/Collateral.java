package io.carbonx.registry.core.orders;

import static io.carbonx.registry.core.Refusal.require;

import io.carbonx.events.Role;
import io.carbonx.registry.core.Amounts;
import io.carbonx.registry.core.Guards;
import io.carbonx.registry.core.LedgerConfig;
import io.carbonx.registry.core.LedgerConfig.GradeTerms;
import io.carbonx.registry.core.ReasonCode;
import io.carbonx.registry.core.state.Account;
import io.carbonx.registry.core.state.LedgerState;

/**
 * Who may trade and what a trade must lock: shared by orders and agreements.
 * The deposit of a notional is {@code ceil(notional x depositBps(grade) / 10000)}.
 */
public final class Collateral {
    private Collateral() {
    }

    /**
     * A participant able to open an order or agreement: an ordinary ENTERPRISE account, ACTIVE, whose grade
     * may trade.
     *
     * @param s      state
     * @param config rules
     * @param id     participant id
     * @param side   "buyer"/"seller"/"participant", for the detail text
     * @return the account
     * @throws io.carbonx.registry.core.Refusal UNKNOWN_ACCOUNT, ROLE_CANNOT_TRADE, ACCOUNT_CANCELLED,
     *                                          ACCOUNT_FROZEN, GRADE_CANNOT_TRADE
     */
    public static Account trader(LedgerState s, LedgerConfig config, String id, String side) {
        Account a = Guards.account(s, id);
        require(a.role() == Role.ENTERPRISE && !a.isSystem(), ReasonCode.ROLE_CANNOT_TRADE,
                side + " " + id + " is " + a.role());
        Guards.active(a);
        require(config.terms(a.grade()).mayTrade(), ReasonCode.GRADE_CANNOT_TRADE,
                side + " " + id + " has grade " + a.grade());
        return a;
    }

    /**
     * @param config   rules
     * @param a        the account
     * @param notional the notional to collateralise
     * @return the deposit for it under the account's grade
     */
    public static long deposit(LedgerConfig config, Account a, long notional) {
        GradeTerms t = config.terms(a.grade());
        return Amounts.ceilShare(notional, t.depositBps());
    }

    /**
     * @param a       the account
     * @param deposit deposit to lock
     * @param side    for the detail text
     * @throws io.carbonx.registry.core.Refusal INSUFFICIENT_CASH_FOR_DEPOSIT
     */
    public static void requireCashFor(Account a, long deposit, String side) {
        require(a.cashMinor() >= deposit, ReasonCode.INSUFFICIENT_CASH_FOR_DEPOSIT,
                side + " " + a.id() + " has " + a.cashMinor() + " unlocked, deposit needs " + deposit);
    }

    /**
     * @param s a state
     * @param a an account
     * @return the sum of price x remaining quantity over the account's open orders
     */
    public static long openNotional(LedgerState s, Account a) {
        long sum = 0;
        for (String id : a.openOrderIds()) {
            sum = Amounts.add(sum, s.openOrder(id).orElseThrow().openNotionalMinor());
        }
        return sum;
    }
}
