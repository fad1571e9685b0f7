package io.carbonx.registry.core;

import static io.carbonx.registry.core.LedgerFixture.ALW25;
import static io.carbonx.registry.core.LedgerFixture.ALW26;
import static io.carbonx.registry.core.LedgerFixture.E1;
import static io.carbonx.registry.core.LedgerFixture.E2;
import static io.carbonx.registry.core.LedgerFixture.REG;
import static io.carbonx.registry.core.LedgerFixture.VER;
import static org.assertj.core.api.Assertions.assertThat;

import io.carbonx.events.Side;
import io.carbonx.registry.core.LedgerConfig.FreezePolicy;
import io.carbonx.registry.core.command.LedgerCommand.CancelAccount;
import io.carbonx.registry.core.command.LedgerCommand.CancelOrder;
import io.carbonx.registry.core.command.LedgerCommand.FreezeAccount;
import io.carbonx.registry.core.command.LedgerCommand.SubmitOrder;
import io.carbonx.registry.core.command.LedgerCommand.UnfreezeAccount;
import io.carbonx.registry.core.command.LedgerCommand.WithdrawFunds;
import io.carbonx.registry.core.event.LedgerEvent;
import io.carbonx.registry.core.event.LedgerEvent.AccountCancelled;
import io.carbonx.registry.core.event.LedgerEvent.AccountFrozen;
import io.carbonx.registry.core.event.LedgerEvent.OrderCancelled;
import io.carbonx.registry.core.event.LedgerEvent.TradeSettled;
import io.carbonx.registry.core.model.AccountStatus;
import io.carbonx.registry.core.model.CancelCause;
import io.carbonx.registry.core.model.FreezeReason;
import java.util.List;
import org.junit.jupiter.api.Test;

class FreezeScenarioTest {
    private static final long DAY = 86_400_000L;

    /** E1 buys 1 ALW-2025 at 100_00 from E2 without the cash to pay the rest: it will default. */
    private static void doomedTrade(LedgerFixture f, String id) {
        f.deposit(E1, 20_00); // exactly the 20% deposit
        f.deposit(E2, 20_00);
        f.allocate(E2, ALW25, 1);
        f.buy("b-" + id, E1, ALW25, 100_00, 1);
        f.sell("s-" + id, E2, ALW25, 100_00, 1);
        f.trade(id, "b-" + id, "s-" + id, 100_00, 1);
    }

    @Test
    void givenForfeitedDepositDoesNotCoverLoss_thenAccountFrozen_andTheBooksCancelsReleaseTheOrderLocks() {
        LedgerFixture f = new LedgerFixture(LedgerConfig.defaults().withFreezePolicy(
                new FreezePolicy(5_000, 3, DAY))); // deemed loss 50% > 20% deposit
        doomedTrade(f, "t1");
        f.deposit(E1, 100_00);
        f.allocate(E1, ALW26, 5);
        f.buy("b-open", E1, ALW25, 10_00, 10); // locks 20_00
        f.sell("s-open", E1, ALW26, 10_00, 5); // locks 10_00 and 5 units
        f.ok(new WithdrawFunds("w", E1, 70_00, f.t())); // leave nothing free to pay t1's rest
        List<LedgerEvent> events = f.closeAll();
        AccountFrozen frozen = LedgerFixture.first(events, AccountFrozen.class);
        assertThat(frozen.reason()).isEqualTo(FreezeReason.DEPOSIT_SHORTFALL);
        // the book is the authority over what rests: the orders stay open, locked, until it reports the cancels
        assertThat(LedgerFixture.all(events, OrderCancelled.class)).isEmpty();
        assertThat(f.account(E1).openOrderIds()).containsExactly("b-open", "s-open");
        assertThat(f.account(E1).status()).isEqualTo(AccountStatus.FROZEN);
        List<LedgerEvent> cancels = new java.util.ArrayList<>();
        cancels.addAll(f.ok(new CancelOrder("b-open", 10L, CancelCause.ACCOUNT_FROZEN, f.t())));
        cancels.addAll(f.ok(new CancelOrder("s-open", 5L, CancelCause.ACCOUNT_FROZEN, f.t())));
        assertThat(cancels).extracting(e -> ((OrderCancelled) e).orderId(), e -> ((OrderCancelled) e).cause())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("b-open", CancelCause.ACCOUNT_FROZEN),
                        org.assertj.core.groups.Tuple.tuple("s-open", CancelCause.ACCOUNT_FROZEN));
        assertThat(f.state().locksOf(E1)).isEmpty();
        assertThat(f.account(E1).cashMinor()).isEqualTo(30_00);
        assertThat(f.account(E1).holding(ALW26)).isEqualTo(5);
    }

    @Test
    void givenForfeitedDepositCoversLoss_thenAccountStaysActive() {
        LedgerFixture f = new LedgerFixture(); // deemed loss 10% < 20% deposit
        doomedTrade(f, "t1");
        f.closeAll();
        assertThat(f.account(E1).status()).isEqualTo(AccountStatus.ACTIVE);
        assertThat(f.account(E1).defaultTimes()).hasSize(1);
    }

    @Test
    void givenNDefaultsWithinWindow_thenAccountFrozen() {
        LedgerFixture f = new LedgerFixture(LedgerConfig.defaults().withFreezePolicy(new FreezePolicy(0, 2, DAY)));
        doomedTrade(f, "t1");
        f.closeAll();
        assertThat(f.account(E1).status()).isEqualTo(AccountStatus.ACTIVE);
        f.at(f.t() + DAY / 2);
        doomedTrade(f, "t2");
        AccountFrozen frozen = LedgerFixture.first(f.closeAll(), AccountFrozen.class);
        assertThat(frozen.reason()).isEqualTo(FreezeReason.REPEATED_DEFAULTS);
    }

    @Test
    void defaultsOutsideTheWindowDoNotCount() {
        LedgerFixture f = new LedgerFixture(LedgerConfig.defaults().withFreezePolicy(new FreezePolicy(0, 2, DAY)));
        doomedTrade(f, "t1");
        f.closeAll();
        f.at(f.t() + 2 * DAY);
        doomedTrade(f, "t2");
        f.closeAll();
        assertThat(f.account(E1).status()).isEqualTo(AccountStatus.ACTIVE);
        assertThat(f.account(E1).defaultTimes()).hasSize(2);
    }

    @Test
    void frozenAccount_noNewOrders_noWithdrawals_butPendingTradesStillSettle() {
        LedgerFixture f = new LedgerFixture();
        f.deposit(E1, 1_000_00);
        f.deposit(E2, 100_00);
        f.allocate(E2, ALW25, 10);
        f.buy("b1", E1, ALW25, 10_00, 10);
        f.sell("s1", E2, ALW25, 10_00, 10);
        f.trade("t1", "b1", "s1", 10_00, 10);
        f.ok(new FreezeAccount(REG, E1, f.t()));
        f.refused(new SubmitOrder("b2", E1, ALW25, Side.BUY, 1_00, 1, f.t()), ReasonCode.ACCOUNT_FROZEN);
        f.refused(new WithdrawFunds("w", E1, 1_00, f.t()), ReasonCode.ACCOUNT_FROZEN);
        assertThat(LedgerFixture.all(f.closeAll(), TradeSettled.class)).hasSize(1);
        assertThat(f.account(E1).holding(ALW25)).isEqualTo(10);
    }

    @Test
    void onlyTheRegulatorFreezesAndUnfreezes() {
        LedgerFixture f = new LedgerFixture();
        f.refused(new FreezeAccount(VER, E1, f.t()), ReasonCode.ACTOR_ROLE_NOT_PERMITTED);
        f.refused(new FreezeAccount(REG, f.state().exchangeAccountId(), f.t()), ReasonCode.SYSTEM_ACCOUNT);
        f.refused(new UnfreezeAccount(REG, E1, f.t()), ReasonCode.ACCOUNT_NOT_FROZEN);
        f.ok(new FreezeAccount(REG, E1, f.t()));
        f.refused(new FreezeAccount(REG, E1, f.t()), ReasonCode.ACCOUNT_FROZEN);
        f.refused(new UnfreezeAccount(E2, E1, f.t()), ReasonCode.ACTOR_ROLE_NOT_PERMITTED);
        f.ok(new UnfreezeAccount(REG, E1, f.t()));
        assertThat(f.account(E1).status()).isEqualTo(AccountStatus.ACTIVE);
        f.deposit(E1, 100_00);
        f.buy("b1", E1, ALW25, 1_00, 1);
    }

    @Test
    void regulatorCanCancelFrozenAccount_cashAndHoldingsMoveToEscrow() {
        LedgerFixture f = new LedgerFixture();
        f.deposit(E1, 123_00);
        f.allocate(E1, ALW25, 7);
        f.issueOffsets(E1, 1, 3);
        f.refused(new CancelAccount(REG, E1, f.t()), ReasonCode.ACCOUNT_NOT_FROZEN);
        f.ok(new FreezeAccount(REG, E1, f.t()));
        AccountCancelled c = LedgerFixture.first(f.ok(new CancelAccount(REG, E1, f.t())), AccountCancelled.class);
        assertThat(c.cashMovedMinor()).isEqualTo(123_00);
        assertThat(c.holdingsMoved()).containsExactly(java.util.Map.entry(ALW25, 7L),
                java.util.Map.entry(LedgerFixture.OFS, 3L));
        String escrow = f.state().escrowAccountId();
        assertThat(f.account(escrow).cashMinor()).isEqualTo(123_00);
        assertThat(f.account(escrow).holding(ALW25)).isEqualTo(7);
        assertThat(f.account(E1).cashMinor()).isZero();
        assertThat(f.account(E1).holdings()).isEmpty();
    }

    @Test
    void cancelWaitsForPendingObligations() {
        LedgerFixture f = new LedgerFixture();
        doomedTrade(f, "t1");
        f.ok(new FreezeAccount(REG, E1, f.t()));
        f.refused(new CancelAccount(REG, E1, f.t()), ReasonCode.PENDING_OBLIGATIONS);
        f.closeAll();
        f.ok(new CancelAccount(REG, E1, f.t()));
    }

    @Test
    void cancelWaitsForTheBookToCancelTheFrozenAccountsOrders() {
        LedgerFixture f = new LedgerFixture();
        f.deposit(E1, 100_00);
        f.buy("b-open", E1, ALW25, 10_00, 1);
        f.ok(new FreezeAccount(REG, E1, f.t()));
        f.refused(new CancelAccount(REG, E1, f.t()), ReasonCode.PENDING_OBLIGATIONS);
        f.ok(new CancelOrder("b-open", 1L, CancelCause.ACCOUNT_FROZEN, f.t()));
        f.ok(new CancelAccount(REG, E1, f.t()));
    }

    @Test
    void cancelledIsTerminal() {
        LedgerFixture f = new LedgerFixture();
        f.ok(new FreezeAccount(REG, E1, f.t()));
        f.ok(new CancelAccount(REG, E1, f.t()));
        f.refused(new UnfreezeAccount(REG, E1, f.t()), ReasonCode.ACCOUNT_CANCELLED);
        f.refused(new CancelAccount(REG, E1, f.t()), ReasonCode.ACCOUNT_CANCELLED);
        f.refused(new FreezeAccount(REG, E1, f.t()), ReasonCode.ACCOUNT_CANCELLED);
        f.refused(new io.carbonx.registry.core.command.LedgerCommand.AllocateAllowances("a", REG, E1, ALW25, 1,
                f.t()), ReasonCode.ACCOUNT_CANCELLED);
    }
}
