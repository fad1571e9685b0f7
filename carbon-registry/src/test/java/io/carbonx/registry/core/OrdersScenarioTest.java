package io.carbonx.registry.core;

import static io.carbonx.registry.core.LedgerFixture.ALW25;
import static io.carbonx.registry.core.LedgerFixture.E1;
import static io.carbonx.registry.core.LedgerFixture.E2;
import static io.carbonx.registry.core.LedgerFixture.OPS;
import static io.carbonx.registry.core.LedgerFixture.REG;
import static org.assertj.core.api.Assertions.assertThat;

import io.carbonx.events.CreditGrade;
import io.carbonx.events.Side;
import io.carbonx.registry.core.LedgerConfig.GradeTerms;
import io.carbonx.registry.core.command.LedgerCommand.CancelAccount;
import io.carbonx.registry.core.command.LedgerCommand.CancelOrder;
import io.carbonx.registry.core.command.LedgerCommand.ExpireOrder;
import io.carbonx.registry.core.command.LedgerCommand.FreezeAccount;
import io.carbonx.registry.core.command.LedgerCommand.RecordTrade;
import io.carbonx.registry.core.command.LedgerCommand.SubmitOrder;
import io.carbonx.registry.core.event.LedgerEvent.OrderAccepted;
import io.carbonx.registry.core.event.LedgerEvent.OrderCancelled;
import io.carbonx.registry.core.event.LedgerEvent.OrderExpired;
import io.carbonx.registry.core.event.LedgerEvent.OrderRejected;
import io.carbonx.registry.core.event.LedgerEvent.TradeRecorded;
import io.carbonx.registry.core.state.Lock;
import org.junit.jupiter.api.Test;

class OrdersScenarioTest {
    private final LedgerFixture f = new LedgerFixture();

    @Test
    void givenActiveBuyer_whenOrderSubmitted_thenDepositShareOfNotionalIsLockedFromCash() {
        f.deposit(E1, 1_000_00);
        var events = f.buy("b1", E1, ALW25, 50_00, 10); // notional 500_00, UNRATED 20% = 100_00
        OrderAccepted a = LedgerFixture.first(events, OrderAccepted.class);
        assertThat(a.depositLockedMinor()).isEqualTo(100_00);
        assertThat(a.quantityLocked()).isZero();
        assertThat(f.account(E1).cashMinor()).isEqualTo(900_00);
        assertThat(f.state().lock(Lock.orderLockId("b1")).orElseThrow().cashMinor()).isEqualTo(100_00);
    }

    @Test
    void givenSeller_whenOrderSubmitted_thenQuantityAndDepositShareAreLocked() {
        f.deposit(E2, 1_000_00);
        f.allocate(E2, ALW25, 100);
        OrderAccepted a = LedgerFixture.first(f.sell("s1", E2, ALW25, 50_00, 40), OrderAccepted.class);
        assertThat(a.quantityLocked()).isEqualTo(40);
        assertThat(a.depositLockedMinor()).isEqualTo(400_00);
        assertThat(f.account(E2).holding(ALW25)).isEqualTo(60);
        assertThat(f.lockedQuantity(E2)).isEqualTo(40);
        assertThat(f.account(E2).cashMinor()).isEqualTo(600_00);
    }

    @Test
    void depositShareDependsOnCreditGrade_andRoundsUp() {
        f.deposit(E1, 10_000_00);
        f.grade(E1, CreditGrade.AAA); // 5%
        assertThat(LedgerFixture.first(f.buy("b1", E1, ALW25, 100_00, 10), OrderAccepted.class)
                .depositLockedMinor()).isEqualTo(50_00);
        f.grade(E1, CreditGrade.CCC); // 50%
        assertThat(LedgerFixture.first(f.buy("b2", E1, ALW25, 100_00, 10), OrderAccepted.class)
                .depositLockedMinor()).isEqualTo(500_00);
        f.grade(E1, CreditGrade.AAA);
        // notional 3 x 7 = 21 minor; 5% = 1.05 -> 2 (never under-collateralised)
        assertThat(LedgerFixture.first(f.buy("b3", E1, ALW25, 7, 3), OrderAccepted.class)
                .depositLockedMinor()).isEqualTo(2);
    }

    @Test
    void gradeDCannotOpenOrders() {
        f.deposit(E1, 1_000_00);
        f.grade(E1, CreditGrade.D);
        Outcome o = f.refused(new SubmitOrder("b1", E1, ALW25, Side.BUY, 1_00, 1, f.t()),
                ReasonCode.GRADE_CANNOT_TRADE);
        assertThat(o.events()).singleElement().isInstanceOfSatisfying(OrderRejected.class,
                r -> assertThat(r.reason()).isEqualTo(ReasonCode.GRADE_CANNOT_TRADE));
    }

    @Test
    void maxOpenNotionalPerGradeIsEnforced() {
        LedgerFixture g = new LedgerFixture(LedgerConfig.defaults()
                .withGradeTerms(CreditGrade.UNRATED, new GradeTerms(2_000, 4, 1_000_00, true)));
        g.deposit(E1, 10_000_00);
        g.buy("b1", E1, ALW25, 10_00, 60); // 600_00 open
        g.refused(new SubmitOrder("b2", E1, ALW25, Side.BUY, 10_00, 41, g.t()),
                ReasonCode.OPEN_NOTIONAL_LIMIT_EXCEEDED);
        g.buy("b3", E1, ALW25, 10_00, 40); // exactly at the ceiling
        g.ok(new CancelOrder("b1", g.t()));
        g.buy("b4", E1, ALW25, 10_00, 60); // room again once b1 is gone
    }

    @Test
    void frozenOrCancelledAccountsAndNonEnterprisesCannotOpenOrders() {
        f.deposit(E1, 1_000_00);
        f.ok(new FreezeAccount(REG, E1, f.t()));
        f.refused(new SubmitOrder("b1", E1, ALW25, Side.BUY, 1_00, 1, f.t()), ReasonCode.ACCOUNT_FROZEN);
        f.ok(new CancelAccount(REG, E1, f.t()));
        f.refused(new SubmitOrder("b2", E1, ALW25, Side.BUY, 1_00, 1, f.t()), ReasonCode.ACCOUNT_CANCELLED);
        f.deposit(OPS, 1_000_00);
        f.refused(new SubmitOrder("b3", OPS, ALW25, Side.BUY, 1_00, 1, f.t()), ReasonCode.ROLE_CANNOT_TRADE);
        f.refused(new SubmitOrder("b4", f.state().exchangeAccountId(), ALW25, Side.BUY, 1_00, 1, f.t()),
                ReasonCode.ROLE_CANNOT_TRADE);
    }

    @Test
    void orderThatCannotLockIsRejectedWithPreciseReason() {
        f.deposit(E1, 19_99);
        f.refused(new SubmitOrder("b1", E1, ALW25, Side.BUY, 10_00, 10, f.t()),
                ReasonCode.INSUFFICIENT_CASH_FOR_DEPOSIT);
        f.allocate(E1, ALW25, 5);
        f.refused(new SubmitOrder("s1", E1, ALW25, Side.SELL, 1_00, 6, f.t()), ReasonCode.INSUFFICIENT_HOLDINGS);
        f.refused(new SubmitOrder("s2", E1, ALW25, Side.SELL, Long.MAX_VALUE, 2, f.t()),
                ReasonCode.ARITHMETIC_OVERFLOW);
    }

    @Test
    void orderIdIsAcceptedOnlyOnce_rejectedIdsMayBeRetried() {
        f.deposit(E1, 100_00);
        f.refused(new SubmitOrder("b1", E1, ALW25, Side.BUY, 10_00, 1_000, f.t()),
                ReasonCode.INSUFFICIENT_CASH_FOR_DEPOSIT);
        f.buy("b1", E1, ALW25, 10_00, 1);
        Outcome dup = f.refused(new SubmitOrder("b1", E1, ALW25, Side.BUY, 10_00, 1, f.t()),
                ReasonCode.DUPLICATE_ORDER_ID);
        assertThat(dup.events()).isEmpty();
    }

    @Test
    void cancelReleasesExactlyWhatWasLocked() {
        f.deposit(E2, 1_000_00);
        f.allocate(E2, ALW25, 100);
        f.sell("s1", E2, ALW25, 10_00, 30);
        var events = f.ok(new CancelOrder("s1", f.t()));
        OrderCancelled c = LedgerFixture.first(events, OrderCancelled.class);
        assertThat(c.depositReleasedMinor()).isEqualTo(60_00);
        assertThat(c.quantityReleased()).isEqualTo(30);
        assertThat(f.account(E2).cashMinor()).isEqualTo(1_000_00);
        assertThat(f.account(E2).holding(ALW25)).isEqualTo(100);
        assertThat(f.state().locks()).isEmpty();
        f.refused(new CancelOrder("s1", f.t()), ReasonCode.ORDER_NOT_OPEN);
        f.refused(new CancelOrder("zz", f.t()), ReasonCode.UNKNOWN_ORDER);
    }

    @Test
    void expiryReleasesExactlyWhatWasLocked() {
        f.deposit(E1, 1_000_00);
        f.buy("b1", E1, ALW25, 10_00, 30);
        OrderExpired x = LedgerFixture.first(f.ok(new ExpireOrder("b1", f.t())), OrderExpired.class);
        assertThat(x.depositReleasedMinor()).isEqualTo(60_00);
        assertThat(f.account(E1).cashMinor()).isEqualTo(1_000_00);
        assertThat(f.state().locks()).isEmpty();
        f.refused(new ExpireOrder("b1", f.t()), ReasonCode.ORDER_NOT_OPEN);
    }

    @Test
    void partialFillsConsumeDepositProRata_remainderToLastFill() {
        f.deposit(E1, 1_000_00);
        f.deposit(E2, 1_000_00);
        f.allocate(E2, ALW25, 10);
        f.buy("b1", E1, ALW25, 1_667, 3); // notional 5001, 20% -> ceil(1000.2) = 1001
        f.sell("s1", E2, ALW25, 1_000, 3); // notional 3000 -> 600
        long[] buyerPortions = new long[3];
        long[] sellerPortions = new long[3];
        for (int k = 0; k < 3; k++) {
            TradeRecorded t = LedgerFixture.first(f.trade("t" + k, "b1", "s1", 1_500, 1), TradeRecorded.class);
            buyerPortions[k] = t.buyerDepositMinor();
            sellerPortions[k] = t.sellerDepositMinor();
        }
        assertThat(buyerPortions).containsExactly(333, 333, 335);
        assertThat(sellerPortions).containsExactly(200, 200, 200);
        assertThat(f.state().openOrders()).isEmpty();
        assertThat(f.state().lock(Lock.orderLockId("b1"))).isEmpty();
        assertThat(f.lockedCash(E1)).isEqualTo(1_001);
        assertThat(f.lockedQuantity(E2)).isEqualTo(3);
    }

    @Test
    void cancelAfterPartialFillReleasesTheUnconsumedRest() {
        f.deposit(E1, 1_000_00);
        f.deposit(E2, 1_000_00);
        f.allocate(E2, ALW25, 10);
        f.buy("b1", E1, ALW25, 1_667, 3); // deposit 1001
        f.sell("s1", E2, ALW25, 1_000, 10); // deposit 2000
        f.trade("t1", "b1", "s1", 1_500, 1); // consumes 333 and 200
        OrderCancelled cb = LedgerFixture.first(f.ok(new CancelOrder("b1", f.t())), OrderCancelled.class);
        OrderCancelled cs = LedgerFixture.first(f.ok(new CancelOrder("s1", f.t())), OrderCancelled.class);
        assertThat(cb.depositReleasedMinor()).isEqualTo(668);
        assertThat(cs.depositReleasedMinor()).isEqualTo(1_800);
        assertThat(cs.quantityReleased()).isEqualTo(9);
        assertThat(f.lockedCash(E1)).isEqualTo(333);
        assertThat(f.lockedCash(E2)).isEqualTo(200);
        assertThat(f.lockedQuantity(E2)).isEqualTo(1);
    }

    @Test
    void fillsThatDoNotMatchTheOrdersAreRefused() {
        f.deposit(E1, 1_000_00);
        f.deposit(E2, 1_000_00);
        f.allocate(E1, ALW25, 10);
        f.allocate(E2, ALW25, 10);
        f.buy("b1", E1, ALW25, 10_00, 5);
        f.sell("s1", E2, ALW25, 9_00, 5);
        f.sell("s-own", E1, ALW25, 9_00, 5);
        f.buy("b-other", E2, LedgerFixture.ALW26, 10_00, 5);
        f.refused(new RecordTrade("t1", "s1", "b1", 9_50, 1, f.t()), ReasonCode.SIDE_MISMATCH);
        f.refused(new RecordTrade("t1", "b1", "s-own", 9_50, 1, f.t()), ReasonCode.SELF_TRADE);
        f.refused(new RecordTrade("t1", "b-other", "s1", 9_50, 1, f.t()), ReasonCode.INSTRUMENT_MISMATCH);
        f.refused(new RecordTrade("t1", "b1", "s1", 9_50, 6, f.t()), ReasonCode.FILL_EXCEEDS_REMAINING);
        f.refused(new RecordTrade("t1", "b1", "s1", 10_01, 1, f.t()), ReasonCode.PRICE_OUTSIDE_LIMIT);
        f.refused(new RecordTrade("t1", "b1", "s1", 8_99, 1, f.t()), ReasonCode.PRICE_OUTSIDE_LIMIT);
        f.refused(new RecordTrade("t1", "b1", "nope", 9_50, 1, f.t()), ReasonCode.UNKNOWN_ORDER);
        f.trade("t1", "b1", "s1", 9_50, 5);
        f.refused(new RecordTrade("t1", "b1", "s1", 9_50, 1, f.t()), ReasonCode.DUPLICATE_TRADE_ID);
        f.refused(new RecordTrade("t2", "b1", "s1", 9_50, 1, f.t()), ReasonCode.ORDER_NOT_OPEN);
    }
}
