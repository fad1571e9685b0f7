package io.carbonx.registry.core.accounts;

import static io.carbonx.registry.core.Refusal.require;

import io.carbonx.registry.core.Amounts;
import io.carbonx.registry.core.DeciderTable;
import io.carbonx.registry.core.Emitter;
import io.carbonx.registry.core.Guards;
import io.carbonx.registry.core.LedgerConfig;
import io.carbonx.registry.core.ReasonCode;
import io.carbonx.registry.core.command.LedgerCommand.ChangeCreditGrade;
import io.carbonx.registry.core.command.LedgerCommand.DepositFunds;
import io.carbonx.registry.core.command.LedgerCommand.OpenAccount;
import io.carbonx.registry.core.command.LedgerCommand.WithdrawFunds;
import io.carbonx.registry.core.event.LedgerEvent.AccountOpened;
import io.carbonx.registry.core.event.LedgerEvent.CreditGradeChanged;
import io.carbonx.registry.core.event.LedgerEvent.FundsDeposited;
import io.carbonx.registry.core.event.LedgerEvent.FundsWithdrawn;
import io.carbonx.registry.core.state.Account;
import io.carbonx.registry.core.state.LedgerState;

/**
 * Accounts use case: open an account, set its credit grade, deposit and withdraw cash.
 * <ul>
 *   <li>Deposits go to any non-cancelled account except the escrow account; while penalty debt is
 *       outstanding, a deposit repays it first ({@code debtRepaidMinor}).
 *   <li>Withdrawals only from an ACTIVE ordinary account or the exchange account, only from unlocked cash.
 * </ul>
 */
public final class AccountDecider {
    private AccountDecider() {
    }

    /**
     * @param table  decider table
     * @param config rules
     */
    public static void register(DeciderTable table, LedgerConfig config) {
        table.on(OpenAccount.class, AccountDecider::open);
        table.on(ChangeCreditGrade.class, AccountDecider::grade);
        table.on(DepositFunds.class, AccountDecider::deposit);
        table.on(WithdrawFunds.class, AccountDecider::withdraw);
    }

    private static void open(OpenAccount c, LedgerState s, Emitter out) {
        Guards.id(c.participantId(), "participantId");
        Guards.present(c.role(), "role");
        require(s.account(c.participantId()).isEmpty(), ReasonCode.ACCOUNT_EXISTS,
                c.participantId() + " already has an account");
        out.emit(new AccountOpened(c.participantId(), c.role(), c.time()));
    }

    private static void grade(ChangeCreditGrade c, LedgerState s, Emitter out) {
        Account a = Guards.account(s, c.participantId());
        Guards.present(c.grade(), "grade");
        require(!a.isSystem(), ReasonCode.SYSTEM_ACCOUNT, a.id() + " is a system account");
        Guards.notCancelled(a);
        out.emit(new CreditGradeChanged(a.id(), a.grade(), c.grade(), c.time()));
    }

    private static void deposit(DepositFunds c, LedgerState s, Emitter out) {
        Guards.freshReference(s, "deposit", c.reference());
        Guards.positiveAmount(c.amountMinor(), "amountMinor");
        Account a = Guards.account(s, c.participantId());
        require(!a.id().equals(s.escrowAccountId()), ReasonCode.SYSTEM_ACCOUNT, "escrow takes no deposits");
        Guards.notCancelled(a);
        long repaid = Math.min(a.debtMinor(), c.amountMinor());
        Amounts.add(a.cashMinor(), c.amountMinor() - repaid);
        Amounts.add(s.totals().depositedMinor(), c.amountMinor());
        out.emit(new FundsDeposited(c.reference(), a.id(), c.amountMinor(), repaid, c.time()));
    }

    private static void withdraw(WithdrawFunds c, LedgerState s, Emitter out) {
        Guards.freshReference(s, "withdrawal", c.reference());
        Guards.positiveAmount(c.amountMinor(), "amountMinor");
        Account a = Guards.account(s, c.participantId());
        require(!a.id().equals(s.escrowAccountId()), ReasonCode.SYSTEM_ACCOUNT, "escrow pays out no cash");
        Guards.active(a);
        require(c.amountMinor() <= a.cashMinor(), ReasonCode.INSUFFICIENT_AVAILABLE_CASH,
                "withdrawal " + c.amountMinor() + " > unlocked cash " + a.cashMinor());
        Amounts.add(s.totals().withdrawnMinor(), c.amountMinor());
        out.emit(new FundsWithdrawn(c.reference(), a.id(), c.amountMinor(), c.time()));
    }
}
