package io.carbonx.registry.core;

import static io.carbonx.registry.core.LedgerFixture.ALW25;
import static io.carbonx.registry.core.LedgerFixture.E1;
import static io.carbonx.registry.core.LedgerFixture.E2;
import static io.carbonx.registry.core.LedgerFixture.REG;
import static org.assertj.core.api.Assertions.assertThat;

import io.carbonx.events.CreditGrade;
import io.carbonx.events.Role;
import io.carbonx.registry.core.command.LedgerCommand.CancelAccount;
import io.carbonx.registry.core.command.LedgerCommand.DepositFunds;
import io.carbonx.registry.core.command.LedgerCommand.FreezeAccount;
import io.carbonx.registry.core.command.LedgerCommand.OpenAccount;
import io.carbonx.registry.core.command.LedgerCommand.WithdrawFunds;
import io.carbonx.registry.core.event.LedgerEvent.AccountOpened;
import io.carbonx.registry.core.event.LedgerEvent.FundsWithdrawn;
import io.carbonx.registry.core.model.AccountStatus;
import org.junit.jupiter.api.Test;

class AccountsScenarioTest {
    private final LedgerFixture f = new LedgerFixture();

    @Test
    void openedAccountIsActiveUnratedAndEmpty() {
        long time = f.t();
        var events = f.ok(new OpenAccount("E9", Role.ENTERPRISE, time));
        assertThat(events).containsExactly(new AccountOpened("E9", Role.ENTERPRISE, time));
        assertThat(f.account("E9").status()).isEqualTo(AccountStatus.ACTIVE);
        assertThat(f.account("E9").grade()).isEqualTo(CreditGrade.UNRATED);
        assertThat(f.account("E9").cashMinor()).isZero();
        assertThat(f.account("E9").holdings()).isEmpty();
    }

    @Test
    void accountCanBeOpenedOnlyOnce_andSystemIdsAreTaken() {
        f.refused(new OpenAccount(E1, Role.ENTERPRISE, f.t()), ReasonCode.ACCOUNT_EXISTS);
        f.refused(new OpenAccount("EXCHANGE", Role.EXCHANGE, f.t()), ReasonCode.ACCOUNT_EXISTS);
        f.refused(new OpenAccount("REGULATOR-ESCROW", Role.REGULATOR, f.t()), ReasonCode.ACCOUNT_EXISTS);
    }

    @Test
    void depositCreditsUnlockedCash_withdrawalDebitsIt() {
        f.deposit(E1, 1_000_00);
        assertThat(f.account(E1).cashMinor()).isEqualTo(1_000_00);
        var events = f.ok(new WithdrawFunds("w1", E1, 400_00, f.t()));
        assertThat(LedgerFixture.first(events, FundsWithdrawn.class).amountMinor()).isEqualTo(400_00);
        assertThat(f.account(E1).cashMinor()).isEqualTo(600_00);
        assertThat(f.state().totals().depositedMinor()).isEqualTo(1_000_00);
        assertThat(f.state().totals().withdrawnMinor()).isEqualTo(400_00);
    }

    @Test
    void withdrawalOnlyFromUnlockedCash() {
        f.deposit(E1, 1_000_00);
        f.buy("b1", E1, ALW25, 100_00, 10); // notional 1000_00, UNRATED deposit 20% = 200_00 locked
        assertThat(f.account(E1).cashMinor()).isEqualTo(800_00);
        assertThat(f.lockedCash(E1)).isEqualTo(200_00);
        f.refused(new WithdrawFunds("w1", E1, 800_01, f.t()), ReasonCode.INSUFFICIENT_AVAILABLE_CASH);
        f.ok(new WithdrawFunds("w2", E1, 800_00, f.t()));
        assertThat(f.account(E1).cashMinor()).isZero();
        assertThat(f.lockedCash(E1)).isEqualTo(200_00);
    }

    @Test
    void frozenAccountCannotWithdraw() {
        f.deposit(E1, 1_000_00);
        f.ok(new FreezeAccount(REG, E1, f.t()));
        f.refused(new WithdrawFunds("w1", E1, 1, f.t()), ReasonCode.ACCOUNT_FROZEN);
    }

    @Test
    void frozenAccountStillTakesDeposits_cancelledAccountTakesNothing() {
        f.ok(new FreezeAccount(REG, E1, f.t()));
        f.deposit(E1, 5_00);
        f.ok(new CancelAccount(REG, E1, f.t()));
        f.refused(new DepositFunds("d-late", E1, 5_00, f.t()), ReasonCode.ACCOUNT_CANCELLED);
        f.refused(new WithdrawFunds("w-late", E1, 1, f.t()), ReasonCode.ACCOUNT_CANCELLED);
    }

    @Test
    void depositAndWithdrawalReferencesCanNeverBeUsedTwice() {
        f.ok(new DepositFunds("bank-1", E1, 10_00, f.t()));
        f.refused(new DepositFunds("bank-1", E2, 10_00, f.t()), ReasonCode.DUPLICATE_REFERENCE);
        f.ok(new WithdrawFunds("pay-1", E1, 1_00, f.t()));
        f.refused(new WithdrawFunds("pay-1", E1, 1_00, f.t()), ReasonCode.DUPLICATE_REFERENCE);
        assertThat(f.account(E1).cashMinor()).isEqualTo(9_00);
    }

    @Test
    void escrowAccountNeitherTakesDepositsNorPaysOut() {
        String escrow = f.state().escrowAccountId();
        f.refused(new DepositFunds("d", escrow, 1, f.t()), ReasonCode.SYSTEM_ACCOUNT);
        f.refused(new WithdrawFunds("w", escrow, 1, f.t()), ReasonCode.SYSTEM_ACCOUNT);
    }

    @Test
    void exchangeAccountCanWithdrawItsCommissions() {
        String exchange = f.state().exchangeAccountId();
        f.deposit(exchange, 3_00);
        f.ok(new WithdrawFunds("w", exchange, 3_00, f.t()));
        assertThat(f.account(exchange).cashMinor()).isZero();
    }
}
