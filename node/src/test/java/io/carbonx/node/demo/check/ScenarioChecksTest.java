package io.carbonx.node.demo.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.carbonx.events.AuctionCleared;
import io.carbonx.events.AuctionKind;
import io.carbonx.events.ComplianceSettled;
import io.carbonx.events.CreditGrade;
import io.carbonx.events.DefaultKind;
import io.carbonx.events.DefaultRecorded;
import io.carbonx.events.DepositForfeited;
import io.carbonx.events.EventEnvelope;
import io.carbonx.events.OrderAccepted;
import io.carbonx.events.OrderType;
import io.carbonx.events.PenaltyApplied;
import io.carbonx.events.PenaltyPolicy;
import io.carbonx.events.ShortfallTreatment;
import io.carbonx.events.Side;
import io.carbonx.events.TimeInForce;
import io.carbonx.events.TradeExecuted;
import io.carbonx.events.TradeVenue;
import io.carbonx.node.demo.facts.DayFacts;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScenarioChecksTest {

    private final DayFacts facts = new DayFacts();

    private static EventEnvelope env(String id, String type) {
        return EventEnvelope.newBuilder().setEventId(id).setType(type).setCauseId(null).setLogicalTime(1_000)
                .setActor("registry").build();
    }

    private void paymentDefault(String forfeitTo, long amount) {
        facts.add("carbonx.settlement", DefaultRecorded.newBuilder().setEnvelope(env("d1", "DefaultRecorded"))
                .setDefaultId("default-T1").setDefaulterId("p-bad").setCounterpartyId("p-seller").setTradeId("T1")
                .setAgreementId(null).setAmountMinor(850_000).setKind(DefaultKind.PAYMENT).setReportedBy("registry")
                .setReportId(null).setLossMinor(85_000).build());
        facts.add("carbonx.settlement", DepositForfeited.newBuilder().setEnvelope(env("f1", "DepositForfeited"))
                .setDefaultId("default-T1").setLockId("trade/T1/buyer").setFromParticipantId("p-bad")
                .setToParticipantId(forfeitTo).setAmountMinor(amount).setUncoveredLossMinor(0).setTradeId("T1")
                .build());
    }

    @Test
    void givenADefaultWhoseDepositWentToTheCounterparty_thenItPassesAndNamesTheDefault() {
        paymentDefault("p-seller", 127_500);

        ScenarioChecks.Found f = new ScenarioChecks(facts).defaultMoved("payment default", "p-bad",
                DefaultKind.PAYMENT);

        assertThat(f.check().status()).as(f.check().render()).isEqualTo(CheckResult.Status.PASSED);
        assertThat(f.id()).isEqualTo("default-T1");
    }

    @Test
    void givenADepositThatWentToSomeoneElse_thenItFails() {
        paymentDefault("p-other", 127_500);

        CheckResult r = new ScenarioChecks(facts).defaultMoved("payment default", "p-bad", DefaultKind.PAYMENT).check();

        assertThat(r.status()).isEqualTo(CheckResult.Status.FAILED);
        assertThat(r.problems()).containsExactly("the deposit went to p-other, not the counterparty p-seller");
    }

    @Test
    void givenNoDefaultOfThatKind_thenItFails() {
        paymentDefault("p-seller", 127_500);

        ScenarioChecks.Found f = new ScenarioChecks(facts).defaultMoved("delivery default", "p-bad",
                DefaultKind.DELIVERY);

        assertThat(f.check().status()).isEqualTo(CheckResult.Status.FAILED);
        assertThat(f.id()).isNull();
    }

    private void auction(AuctionKind kind, long executed) {
        facts.add("carbonx.trades", AuctionCleared.newBuilder().setEnvelope(env("a" + kind, "AuctionCleared"))
                .setAuctionId("A-" + kind).setInstrumentId("EUA").setKind(kind).setClearingPriceMinor(8_000L)
                .setReferencePriceMinor(8_000L).setExecutedQuantity(executed).setImbalanceQuantity(0)
                .setImbalanceSide(null).setFills(List.of()).build());
    }

    @Test
    void givenAnOpeningUncrossThatExecutedNothing_thenTheAuctionCheckFails() {
        auction(AuctionKind.OPENING, 0);
        auction(AuctionKind.CLOSING, 40);
        ScenarioChecks s = new ScenarioChecks(facts);

        assertThat(s.auction("opening", "EUA", AuctionKind.OPENING).status()).isEqualTo(CheckResult.Status.FAILED);
        assertThat(s.auction("closing", "EUA", AuctionKind.CLOSING).status()).isEqualTo(CheckResult.Status.PASSED);
        assertThat(s.auction("periodic", "EUA", AuctionKind.PERIODIC).problems())
                .containsExactly("no PERIODIC auction of EUA cleared");
    }

    private void settled(String who, long shortfall) {
        facts.add("carbonx.compliance", ComplianceSettled.newBuilder().setEnvelope(env("c" + who, "ComplianceSettled"))
                .setParticipantId(who).setYear(2026).setEmissionsTonnes(100).setCarriedForwardTonnes(0)
                .setObligationTonnes(100).setSurrenderedAllowances(100 - shortfall).setSurrenderedOffsets(0)
                .setShortfallTonnes(shortfall).setTreatment(null).build());
    }

    private void penalty(String who, long shortfall, long amount, long paid) {
        facts.add("carbonx.compliance", PenaltyApplied.newBuilder().setEnvelope(env("pen" + who, "PenaltyApplied"))
                .setPenaltyId("penalty-" + who).setParticipantId(who).setYear(2026).setShortfallTonnes(shortfall)
                .setPolicy(PenaltyPolicy.FIXED_PER_TONNE).setRatePerTonneMinor(10_000).setAveragePriceMinor(null)
                .setMultipleBps(null).setAmountMinor(amount).setPaidMinor(paid).setDebtMinor(amount - paid)
                .setTreatment(ShortfallTreatment.CARRY_FORWARD).setBasis("fixed").build());
    }

    @Test
    void givenEveryShortfallPenalisedAtShortfallTimesRate_thenComplianceClears() {
        settled("p-a", 0);
        settled("p-b", 20);
        penalty("p-b", 20, 200_000, 150_000);

        CheckResult r = new ScenarioChecks(facts).compliance(2026, 2);

        assertThat(r.status()).as(r.render()).isEqualTo(CheckResult.Status.PASSED);
    }

    @Test
    void givenAPenaltyThatIsNotShortfallTimesRate_orAShortfallWithoutPenalty_thenComplianceFails() {
        settled("p-b", 20);
        settled("p-c", 5);
        penalty("p-b", 20, 199_999, 0);

        CheckResult r = new ScenarioChecks(facts).compliance(2026, 2);

        assertThat(r.status()).isEqualTo(CheckResult.Status.FAILED);
        assertThat(r.problems()).contains("2 shortfalls but 1 penalties",
                "penalty penalty-p-b is not shortfall x rate = paid + debt");
    }

    private void accepted(String id, CreditGrade grade, int bps, long deposit) {
        facts.add("carbonx.orders", OrderAccepted.newBuilder().setEnvelope(env("acc-" + id, "OrderAccepted"))
                .setOrderId(id).setParticipantId("p-bad").setClientOrderId(id).setInstrumentId("EUA").setSide(Side.BUY)
                .setOrderType(OrderType.LIMIT).setTimeInForce(TimeInForce.GTC).setPriceMinor(8_500L).setQuantity(10)
                .setExpiresAtMs(null).setGrade(grade).setDepositShareBps(bps).setDepositLockedMinor(deposit)
                .setQuantityLocked(0).setReplacesOrderId(null).build());
    }

    @Test
    void givenTheSameDepositShareAfterADowngrade_thenTheDepositCheckFails() {
        accepted("o-before", CreditGrade.BBB, 1_500, 12_750);
        accepted("o-after", CreditGrade.B, 1_500, 12_750);
        accepted("o-good", CreditGrade.B, 3_000, 25_500);
        ScenarioChecks s = new ScenarioChecks(facts);

        assertThat(s.depositShare("o-before", "o-after").status()).isEqualTo(CheckResult.Status.FAILED);
        assertThat(s.depositShare("o-before", "o-good").status()).isEqualTo(CheckResult.Status.PASSED);
        assertThat(s.depositShare("o-before", "o-missing").status()).isEqualTo(CheckResult.Status.FAILED);
    }

    private void fill(String buyOrder) {
        facts.add("carbonx.trades", TradeExecuted.newBuilder().setEnvelope(env("t-" + buyOrder, "TradeExecuted"))
                .setTradeId("T-" + buyOrder).setInstrumentId("EUA").setPriceMinor(8_500).setQuantity(10)
                .setBuyOrderId(buyOrder).setSellOrderId("s-1").setBuyerId("p").setSellerId("q")
                .setAggressorSide(Side.SELL).setVenue(TradeVenue.CONTINUOUS).setAuctionId(null)
                .setBuyerCommissionBps(null).setSellerCommissionBps(null).build());
    }

    @Test
    void givenTheEarlierWorseGradedOrderFilledFirst_thenThePriorityCheckFails() {
        accepted("o-worse", CreditGrade.B, 3_000, 25_500);
        accepted("o-better", CreditGrade.BBB, 1_500, 12_750);
        fill("o-worse");

        assertThat(new ScenarioChecks(facts).priority("o-worse", "o-better").status())
                .isEqualTo(CheckResult.Status.FAILED);
    }

    @Test
    void givenNeitherOrderFilled_thenThePriorityCheckFails() {
        accepted("o-worse", CreditGrade.B, 3_000, 25_500);
        accepted("o-better", CreditGrade.BBB, 1_500, 12_750);

        assertThat(new ScenarioChecks(facts).priority("o-worse", "o-better").problems())
                .containsExactly("the first fill at that price went to neither order");
    }

    @Test
    void givenTheLaterBetterGradedOrderFilledFirst_thenThePriorityCheckPasses_evenIfTheOtherFillsLater() {
        accepted("o-worse", CreditGrade.B, 3_000, 25_500);
        accepted("o-better", CreditGrade.BBB, 1_500, 12_750);
        fill("o-better");
        fill("o-worse");

        CheckResult r = new ScenarioChecks(facts).priority("o-worse", "o-better");

        assertThat(r.status()).as(r.render()).isEqualTo(CheckResult.Status.PASSED);
        assertThat(r.detail()).contains("the BBB order (second in time) was filled before the B order");
    }
}
