package io.carbonx.registry.core;

import static io.carbonx.registry.core.LedgerFixture.ALW25;
import static io.carbonx.registry.core.LedgerFixture.ARB;
import static io.carbonx.registry.core.LedgerFixture.E1;
import static io.carbonx.registry.core.LedgerFixture.E2;
import static io.carbonx.registry.core.LedgerFixture.E3;
import static io.carbonx.registry.core.LedgerFixture.OPS;
import static io.carbonx.registry.core.LedgerFixture.REG;
import static io.carbonx.registry.core.LedgerFixture.VER;
import static org.assertj.core.api.Assertions.assertThat;

import io.carbonx.events.DefaultKind;
import io.carbonx.registry.core.command.LedgerCommand.CloseSettlementWindow;
import io.carbonx.registry.core.command.LedgerCommand.RegisterAgreement;
import io.carbonx.registry.core.command.LedgerCommand.ReportExternalDefault;
import io.carbonx.registry.core.event.LedgerEvent;
import io.carbonx.registry.core.event.LedgerEvent.AgreementRegistered;
import io.carbonx.registry.core.event.LedgerEvent.AgreementRejected;
import io.carbonx.registry.core.event.LedgerEvent.DefaultRecorded;
import io.carbonx.registry.core.event.LedgerEvent.DepositForfeited;
import io.carbonx.registry.core.event.LedgerEvent.TradeSettled;
import io.carbonx.registry.core.event.LedgerEvent.TradeUnwound;
import io.carbonx.registry.core.model.AccountStatus;
import io.carbonx.registry.core.model.TradeKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class DefaultsScenarioTest {
    private static final long DAY = 86_400_000L;
    private final LedgerFixture f = new LedgerFixture();

    /** E1 buys 10 ALW-2025 at 20_00 from E2; both lock 40_00 deposits; E1 keeps {@code buyerSpare} free. */
    private void pendingTrade(long buyerSpare) {
        f.deposit(E1, 40_00 + buyerSpare);
        f.deposit(E2, 100_00);
        f.allocate(E2, ALW25, 100);
        f.buy("b1", E1, ALW25, 20_00, 10);
        f.sell("s1", E2, ALW25, 20_00, 10);
        f.trade("t1", "b1", "s1", 20_00, 10);
    }

    @Test
    void givenBuyerCannotPay_whenWindowCloses_thenDepositGoesToSeller() {
        pendingTrade(10_00); // 160_00 due from cash, 10_00 available
        List<LedgerEvent> events = f.closeAll();
        DepositForfeited forfeit = LedgerFixture.first(events, DepositForfeited.class);
        assertThat(forfeit.fromId()).isEqualTo(E1);
        assertThat(forfeit.toId()).isEqualTo(E2);
        assertThat(forfeit.amountMinor()).isEqualTo(40_00);
        assertThat(f.account(E2).cashMinor()).isEqualTo(100_00 + 40_00);
        assertThat(f.account(E1).cashMinor()).isEqualTo(10_00);
        assertThat(LedgerFixture.all(events, TradeSettled.class)).isEmpty();
    }

    @Test
    void givenBuyerDefault_thenTradeIsUnwound_sellerQuotasUnlocked_andDefaultNamesEveryone() {
        pendingTrade(0);
        List<LedgerEvent> events = f.closeAll();
        DefaultRecorded d = LedgerFixture.first(events, DefaultRecorded.class);
        assertThat(d).isEqualTo(new DefaultRecorded("t1", E1, E2, DefaultKind.PAYMENT, 200_00, 20_00, d.time()));
        TradeUnwound u = LedgerFixture.first(events, TradeUnwound.class);
        assertThat(u.sellerQuantityReleased()).isEqualTo(10);
        assertThat(u.sellerCashReleasedMinor()).isEqualTo(40_00);
        assertThat(u.buyerCashReleasedMinor()).isZero();
        assertThat(f.account(E2).holding(ALW25)).isEqualTo(100);
        assertThat(f.account(E1).holding(ALW25)).isZero();
        assertThat(f.state().locks()).isEmpty();
        assertThat(f.state().pendingTrades()).isEmpty();
        assertThat(f.account(E1).defaultTimes()).containsExactly(d.time());
    }

    @Test
    void givenAgreement_whenRegistered_thenDepositsLockedOnBothSides_andNothingElse() {
        f.deposit(E1, 100_00);
        f.deposit(E2, 100_00);
        var events = f.ok(new RegisterAgreement("ag1", E1, E2, ALW25, 20_00, 10, f.t() + 5 * DAY, f.t()));
        AgreementRegistered a = LedgerFixture.first(events, AgreementRegistered.class);
        assertThat(a.buyerDepositMinor()).isEqualTo(40_00);
        assertThat(a.sellerDepositMinor()).isEqualTo(40_00);
        assertThat(f.lockedCash(E1)).isEqualTo(40_00);
        assertThat(f.lockedCash(E2)).isEqualTo(40_00);
        assertThat(f.lockedQuantity(E2)).isZero();
        assertThat(f.state().pendingTrade("ag1").orElseThrow().kind()).isEqualTo(TradeKind.AGREEMENT);
        f.closeAll(); // not due for 5 days
        assertThat(f.state().pendingTrades()).containsKey("ag1");
    }

    @Test
    void givenSellerCannotDeliver_whenAgreementDue_thenSellerDepositGoesToBuyer() {
        f.deposit(E1, 500_00);
        f.deposit(E2, 100_00);
        long settleAt = f.t() + 5 * DAY;
        f.ok(new RegisterAgreement("ag1", E1, E2, ALW25, 20_00, 10, settleAt, f.t()));
        List<LedgerEvent> events = f.ok(new CloseSettlementWindow(settleAt));
        DefaultRecorded d = LedgerFixture.first(events, DefaultRecorded.class);
        assertThat(d.defaulterId()).isEqualTo(E2);
        assertThat(d.counterpartyId()).isEqualTo(E1);
        assertThat(d.kind()).isEqualTo(DefaultKind.DELIVERY);
        assertThat(LedgerFixture.first(events, DepositForfeited.class).amountMinor()).isEqualTo(40_00);
        assertThat(f.account(E1).cashMinor()).isEqualTo(540_00);
        assertThat(f.account(E2).cashMinor()).isEqualTo(60_00);
        assertThat(f.state().locks()).isEmpty();
    }

    @Test
    void givenBothPerform_whenAgreementDue_thenSettlesFromAvailableHoldings() {
        f.deposit(E1, 500_00);
        f.deposit(E2, 100_00);
        long settleAt = f.t() + 5 * DAY;
        f.ok(new RegisterAgreement("ag1", E1, E2, ALW25, 20_00, 10, settleAt, f.t()));
        f.allocate(E2, ALW25, 10); // acquired after registration, before the due date
        TradeSettled s = LedgerFixture.first(f.ok(new CloseSettlementWindow(settleAt)), TradeSettled.class);
        assertThat(s.kind()).isEqualTo(TradeKind.AGREEMENT);
        assertThat(s.quantityFromLock()).isZero();
        assertThat(f.account(E1).holding(ALW25)).isEqualTo(10);
        assertThat(f.account(E2).holding(ALW25)).isZero();
        assertThat(f.account(E1).cashMinor()).isEqualTo(300_00);
        assertThat(f.account(E2).cashMinor()).isEqualTo(100_00 + 200_00 - 20);
    }

    @Test
    void agreementThatCannotLockIsRejectedWithPreciseReason() {
        f.deposit(E1, 100_00);
        f.deposit(E2, 39_99);
        Outcome o = f.refused(new RegisterAgreement("ag1", E1, E2, ALW25, 20_00, 10, f.t() + DAY, f.t()),
                ReasonCode.INSUFFICIENT_CASH_FOR_DEPOSIT);
        assertThat(o.events()).singleElement().isInstanceOf(AgreementRejected.class);
        assertThat(o.detail()).contains("seller");
        f.refused(new RegisterAgreement("ag2", E1, E2, ALW25, 20_00, 1, LedgerFixture.T0, f.t()),
                ReasonCode.SETTLEMENT_DATE_NOT_AFTER_REGISTRATION);
        f.refused(new RegisterAgreement("ag3", E1, E1, ALW25, 20_00, 1, f.t() + DAY, f.t()), ReasonCode.SELF_TRADE);
        f.refused(new RegisterAgreement("ag4", E1, VER, ALW25, 20_00, 1, f.t() + DAY, f.t()),
                ReasonCode.ROLE_CANNOT_TRADE);
    }

    @Test
    void externalDefaultFromAuthorisedRole_isAppliedTheSameWay() {
        pendingTrade(500_00);
        var events = f.ok(new ReportExternalDefault("r1", ARB, DefaultKind.ARBITRATION_RULING, "t1", E2, 10_00,
                f.t()));
        DefaultRecorded d = LedgerFixture.first(events, DefaultRecorded.class);
        assertThat(d.kind()).isEqualTo(DefaultKind.ARBITRATION_RULING);
        assertThat(d.defaulterId()).isEqualTo(E2);
        assertThat(d.lossMinor()).isEqualTo(10_00);
        assertThat(LedgerFixture.first(events, DepositForfeited.class).toId()).isEqualTo(E1);
        assertThat(f.account(E1).cashMinor()).isEqualTo(500_00 + 40_00 + 40_00);
        assertThat(f.account(E2).holding(ALW25)).isEqualTo(100);
        assertThat(f.state().locks()).isEmpty();
        f.refused(new ReportExternalDefault("r2", ARB, DefaultKind.ARBITRATION_RULING, "t1", E2, 0, f.t()),
                ReasonCode.UNKNOWN_TRADE);
    }

    @Test
    void bankDefaultReportFromExchangeOperatorOrRegulator() {
        pendingTrade(0);
        f.ok(new ReportExternalDefault("r1", OPS, DefaultKind.EXTERNAL_BANK, "t1", E1, 0, f.t()));
        assertThat(f.account(E2).cashMinor()).isEqualTo(140_00);
        LedgerFixture g = new LedgerFixture();
        g.deposit(E1, 100_00);
        g.deposit(E2, 100_00);
        g.ok(new RegisterAgreement("ag1", E1, E2, ALW25, 20_00, 10, g.t() + DAY, g.t()));
        g.ok(new ReportExternalDefault("r1", REG, DefaultKind.EXTERNAL_BANK, "ag1", E1, 0, g.t()));
        assertThat(g.account(E2).cashMinor()).isEqualTo(140_00);
    }

    @Test
    void externalDefaultFromUnauthorisedRoleOrAboutTheWrongTrade_isRefused() {
        pendingTrade(0);
        f.refused(new ReportExternalDefault("r", E1, DefaultKind.EXTERNAL_BANK, "t1", E1, 0, f.t()),
                ReasonCode.ACTOR_ROLE_NOT_PERMITTED);
        f.refused(new ReportExternalDefault("r", VER, DefaultKind.ARBITRATION_RULING, "t1", E1, 0, f.t()),
                ReasonCode.ACTOR_ROLE_NOT_PERMITTED);
        f.refused(new ReportExternalDefault("r", ARB, DefaultKind.EXTERNAL_BANK, "t1", E1, 0, f.t()),
                ReasonCode.ACTOR_ROLE_NOT_PERMITTED);
        f.refused(new ReportExternalDefault("r", ARB, DefaultKind.PAYMENT, "t1", E1, 0, f.t()),
                ReasonCode.KIND_NOT_EXTERNAL);
        f.refused(new ReportExternalDefault("r", ARB, DefaultKind.ARBITRATION_RULING, "t1", E3, 0, f.t()),
                ReasonCode.DEFAULTER_NOT_PARTY);
        f.refused(new ReportExternalDefault("r", ARB, DefaultKind.ARBITRATION_RULING, "t9", E1, 0, f.t()),
                ReasonCode.UNKNOWN_TRADE);
        f.refused(new ReportExternalDefault("r", ARB, DefaultKind.ARBITRATION_RULING, "t1", E1, -1, f.t()),
                ReasonCode.NEGATIVE_AMOUNT);
        assertThat(f.account(E1).status()).isEqualTo(AccountStatus.ACTIVE);
    }
}
