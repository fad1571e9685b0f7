package io.carbonx.registry.core;

import static io.carbonx.registry.core.LedgerFixture.ALW25;
import static io.carbonx.registry.core.LedgerFixture.E1;
import static io.carbonx.registry.core.LedgerFixture.E2;
import static io.carbonx.registry.core.LedgerFixture.E3;
import static org.assertj.core.api.Assertions.assertThat;

import io.carbonx.events.CreditGrade;
import io.carbonx.events.DefaultKind;
import io.carbonx.registry.core.LedgerConfig.GradeTerms;
import io.carbonx.registry.core.command.LedgerCommand.CloseSettlementWindow;
import io.carbonx.registry.core.event.LedgerEvent;
import io.carbonx.registry.core.event.LedgerEvent.DefaultRecorded;
import io.carbonx.registry.core.event.LedgerEvent.SettlementWindowClosed;
import io.carbonx.registry.core.event.LedgerEvent.TradeRecorded;
import io.carbonx.registry.core.event.LedgerEvent.TradeSettled;
import java.util.List;
import org.junit.jupiter.api.Test;

class SettlementScenarioTest {
    private final LedgerFixture f = new LedgerFixture();

    private void twoPartyBook() {
        f.deposit(E1, 1_000_00);
        f.deposit(E2, 100_00);
        f.allocate(E2, ALW25, 100);
        f.buy("b1", E1, ALW25, 20_00, 10); // deposit 40_00
        f.sell("s1", E2, ALW25, 20_00, 10); // deposit 40_00, 10 locked
    }

    @Test
    void givenTradeInWindow_whenWindowCloses_thenDeliveryVersusPayment_commissionToExchange() {
        twoPartyBook();
        TradeRecorded tr = LedgerFixture.first(f.trade("t1", "b1", "s1", 20_00, 10), TradeRecorded.class);
        var events = f.ok(new CloseSettlementWindow(tr.dueTime()));
        TradeSettled s = LedgerFixture.first(events, TradeSettled.class);
        assertThat(s.notionalMinor()).isEqualTo(200_00);
        assertThat(s.commissionMinor()).isEqualTo(20); // 10 bps of 200_00, rounded down
        assertThat(s.buyerDepositAppliedMinor()).isEqualTo(40_00);
        assertThat(s.buyerCashPaidMinor()).isEqualTo(160_00);
        assertThat(f.account(E1).cashMinor()).isEqualTo(800_00);
        assertThat(f.account(E1).holding(ALW25)).isEqualTo(10);
        assertThat(f.account(E2).holding(ALW25)).isEqualTo(90);
        assertThat(f.account(E2).cashMinor()).isEqualTo(100_00 + 200_00 - 20);
        assertThat(f.account(f.state().exchangeAccountId()).cashMinor()).isEqualTo(20);
        assertThat(f.state().totals().commissionsMinor()).isEqualTo(20);
        assertThat(f.state().locks()).isEmpty();
        assertThat(f.state().pendingTrades()).isEmpty();
        assertThat(LedgerFixture.first(events, SettlementWindowClosed.class).settled()).isEqualTo(1);
    }

    @Test
    void tradesOfAWindowNotYetEndedStayPending() {
        twoPartyBook();
        TradeRecorded tr = LedgerFixture.first(f.trade("t1", "b1", "s1", 20_00, 10), TradeRecorded.class);
        assertThat(tr.dueTime() % f.ledger.config().settlementWindowMs()).isZero();
        assertThat(tr.dueTime()).isGreaterThan(tr.time());
        var early = f.ok(new CloseSettlementWindow(tr.dueTime() - 1));
        assertThat(LedgerFixture.all(early, TradeSettled.class)).isEmpty();
        assertThat(f.state().pendingTrades()).containsKey("t1");
        var due = f.ok(new CloseSettlementWindow(tr.dueTime()));
        assertThat(LedgerFixture.all(due, TradeSettled.class)).hasSize(1);
    }

    @Test
    void windowCloseTimeCannotGoBack() {
        f.ok(new CloseSettlementWindow(LedgerFixture.T0 + 5_000));
        f.ok(new CloseSettlementWindow(LedgerFixture.T0 + 5_000));
        f.refused(new CloseSettlementWindow(LedgerFixture.T0 + 4_999), ReasonCode.WINDOW_TIME_REGRESSION);
    }

    @Test
    void tradesSettleInRegistrationOrder_eachAtomically() {
        f.deposit(E1, 60_00); // enough for one trade's rest, not two
        f.deposit(E2, 100_00);
        f.deposit(E3, 100_00);
        f.allocate(E2, ALW25, 10);
        f.allocate(E3, ALW25, 10);
        f.buy("b1", E1, ALW25, 20_00, 4); // notional 80_00, deposit 16_00 -> 44_00 left
        f.sell("s2", E2, ALW25, 20_00, 2);
        f.sell("s3", E3, ALW25, 20_00, 2);
        f.trade("t-first", "b1", "s2", 20_00, 2); // needs 40_00 - 8_00 = 32_00 of cash
        f.trade("t-second", "b1", "s3", 20_00, 2); // then 32_00 again, only 12_00 left
        List<LedgerEvent> events = f.closeAll();
        assertThat(LedgerFixture.first(events, TradeSettled.class).tradeId()).isEqualTo("t-first");
        DefaultRecorded d = LedgerFixture.first(events, DefaultRecorded.class);
        assertThat(d.tradeId()).isEqualTo("t-second");
        assertThat(d.kind()).isEqualTo(DefaultKind.PAYMENT);
        assertThat(f.account(E1).holding(ALW25)).isEqualTo(2);
        assertThat(f.account(E3).holding(ALW25)).isEqualTo(10); // unwound: quotas back to E3
        assertThat(f.state().locks()).isEmpty();
    }

    @Test
    void depositBeyondTheNotionalIsReleasedToTheBuyer() {
        LedgerFixture g = new LedgerFixture(LedgerConfig.defaults()
                .withGradeTerms(CreditGrade.UNRATED, new GradeTerms(10_000, 4, 1_000_000_00, true)));
        g.deposit(E1, 200_00);
        g.deposit(E2, 200_00);
        g.allocate(E2, ALW25, 10);
        g.buy("b1", E1, ALW25, 20_00, 10); // deposit = the whole 200_00
        g.sell("s1", E2, ALW25, 15_00, 10); // deposit 150_00
        g.trade("t1", "b1", "s1", 15_00, 10);
        TradeSettled s = LedgerFixture.first(g.closeAll(), TradeSettled.class);
        assertThat(s.buyerDepositAppliedMinor()).isEqualTo(150_00);
        assertThat(s.buyerCashPaidMinor()).isZero();
        assertThat(s.buyerDepositReleasedMinor()).isEqualTo(50_00);
        assertThat(g.account(E1).cashMinor()).isEqualTo(50_00);
    }
}
