package io.carbonx.registry.core;

import static io.carbonx.registry.core.LedgerFixture.ALW25;
import static io.carbonx.registry.core.LedgerFixture.ALW26;
import static io.carbonx.registry.core.LedgerFixture.E1;
import static io.carbonx.registry.core.LedgerFixture.E2;
import static io.carbonx.registry.core.LedgerFixture.E3;
import static io.carbonx.registry.core.LedgerFixture.OFS;
import static io.carbonx.registry.core.LedgerFixture.REG;
import static io.carbonx.registry.core.LedgerFixture.VER;
import static org.assertj.core.api.Assertions.assertThat;

import io.carbonx.registry.core.LedgerConfig.CompliancePolicy;
import io.carbonx.registry.core.command.LedgerCommand.AllocateAllowances;
import io.carbonx.registry.core.command.LedgerCommand.RecordVerifiedEmissions;
import io.carbonx.registry.core.command.LedgerCommand.RunAnnualSettlement;
import io.carbonx.registry.core.command.LedgerCommand.SurrenderAllowances;
import io.carbonx.registry.core.command.LedgerCommand.UnfreezeAccount;
import io.carbonx.registry.core.event.LedgerEvent;
import io.carbonx.registry.core.event.LedgerEvent.AccountFrozen;
import io.carbonx.registry.core.event.LedgerEvent.ComplianceSettled;
import io.carbonx.registry.core.event.LedgerEvent.FundsDeposited;
import io.carbonx.registry.core.event.LedgerEvent.OrderCancelled;
import io.carbonx.registry.core.event.LedgerEvent.PenaltyApplied;
import io.carbonx.registry.core.event.LedgerEvent.QuotaAllocated;
import io.carbonx.registry.core.model.AccountStatus;
import io.carbonx.registry.core.model.FreezeReason;
import io.carbonx.registry.core.model.PenaltyBasis;
import io.carbonx.registry.core.model.PenaltyPolicyKind;
import io.carbonx.registry.core.model.ShortfallTreatment;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComplianceScenarioTest {
    private final LedgerFixture f = new LedgerFixture(); // fixed 100_00 per tonne, offsets <= 5%, carry forward

    private void emissions(LedgerFixture g, String p, int year, long tonnes) {
        g.ok(new RecordVerifiedEmissions(VER, p, year, tonnes, g.t()));
    }

    private void surrender(LedgerFixture g, String p, int year, String instrument, long qty) {
        g.ok(new SurrenderAllowances(g.ref(), p, year, instrument, qty, g.t()));
    }

    private static LedgerConfig policy(PenaltyPolicyKind kind, long multipleBps, ShortfallTreatment treatment) {
        return LedgerConfig.defaults().withCompliance(new CompliancePolicy(500, kind, 100_00, multipleBps, 77_00,
                treatment));
    }

    @Test
    void onlyVerifierRecordsEmissions_oncePerEnterpriseAndYear() {
        f.refused(new RecordVerifiedEmissions(REG, E1, 2025, 100, f.t()), ReasonCode.ACTOR_ROLE_NOT_PERMITTED);
        f.refused(new RecordVerifiedEmissions(E1, E1, 2025, 100, f.t()), ReasonCode.ACTOR_ROLE_NOT_PERMITTED);
        f.refused(new RecordVerifiedEmissions(VER, VER, 2025, 100, f.t()), ReasonCode.NOT_AN_ENTERPRISE);
        f.refused(new RecordVerifiedEmissions(VER, E1, 2025, -1, f.t()), ReasonCode.NEGATIVE_QUANTITY);
        emissions(f, E1, 2025, 100);
        f.refused(new RecordVerifiedEmissions(VER, E1, 2025, 90, f.t()), ReasonCode.EMISSIONS_ALREADY_RECORDED);
        assertThat(f.state().compliance().record(E1, 2025).orElseThrow().emissions()).isEqualTo(100);
    }

    @Test
    void surrenderOnlyAllowancesOfVintageUpToYear() {
        emissions(f, E1, 2025, 100);
        f.allocate(E1, ALW25, 50);
        f.allocate(E1, ALW26, 50);
        f.refused(new SurrenderAllowances("s1", E1, 2025, ALW26, 10, f.t()),
                ReasonCode.VINTAGE_AFTER_COMPLIANCE_YEAR);
        surrender(f, E1, 2025, ALW25, 50);
        emissions(f, E1, 2026, 10);
        f.allocate(E1, ALW25, 5);
        surrender(f, E1, 2026, ALW25, 5); // older vintages count for later years
        assertThat(f.state().compliance().record(E1, 2025).orElseThrow().surrenderedAllowances()).isEqualTo(50);
        assertThat(f.state().totals().surrendered()).containsEntry(ALW25, 55L);
        assertThat(f.account(E1).holding(ALW25)).isZero();
    }

    @Test
    void offsetSurrenderIsCappedAtItsShareOfTheObligation() {
        emissions(f, E1, 2025, 1_000); // cap 5% = 50
        f.issueOffsets(E1, 1, 100);
        surrender(f, E1, 2025, OFS, 30);
        f.refused(new SurrenderAllowances("s-over", E1, 2025, OFS, 21, f.t()), ReasonCode.OFFSET_CAP_EXCEEDED);
        surrender(f, E1, 2025, OFS, 20);
        assertThat(f.state().compliance().record(E1, 2025).orElseThrow().surrenderedOffsets()).isEqualTo(50);
    }

    @Test
    void surrenderNeedsEmissions_neverExceedsObligation_usesOnlyUnlockedHoldings() {
        f.allocate(E1, ALW25, 100);
        f.refused(new SurrenderAllowances("s1", E1, 2025, ALW25, 1, f.t()), ReasonCode.EMISSIONS_NOT_RECORDED);
        emissions(f, E1, 2025, 60);
        f.refused(new SurrenderAllowances("s2", E1, 2025, ALW25, 61, f.t()),
                ReasonCode.SURRENDER_EXCEEDS_OBLIGATION);
        f.deposit(E1, 1_000_00);
        f.sell("sell", E1, ALW25, 1_00, 50); // 50 locked
        f.refused(new SurrenderAllowances("s3", E1, 2025, ALW25, 51, f.t()), ReasonCode.INSUFFICIENT_HOLDINGS);
        surrender(f, E1, 2025, ALW25, 50);
        f.refused(new SurrenderAllowances("s4", E1, 2025, ALW25, 11, f.t()),
                ReasonCode.SURRENDER_EXCEEDS_OBLIGATION);
    }

    @Test
    void givenShortfall_whenAnnualSettlement_thenFixedPenaltyPerTonne() {
        f.deposit(E1, 10_000_00);
        emissions(f, E1, 2025, 100);
        f.allocate(E1, ALW25, 60);
        surrender(f, E1, 2025, ALW25, 60);
        emissions(f, E2, 2025, 10);
        f.allocate(E2, ALW25, 10);
        surrender(f, E2, 2025, ALW25, 10);
        List<LedgerEvent> events = f.ok(new RunAnnualSettlement(REG, 2025, f.t()));
        List<ComplianceSettled> settled = LedgerFixture.all(events, ComplianceSettled.class);
        assertThat(settled).extracting(ComplianceSettled::participantId).containsExactly(E1, E2);
        ComplianceSettled e1 = settled.get(0);
        assertThat(e1.emissions()).isEqualTo(100);
        assertThat(e1.surrendered()).isEqualTo(60);
        assertThat(e1.shortfall()).isEqualTo(40);
        assertThat(settled.get(1).shortfall()).isZero();
        PenaltyApplied p = LedgerFixture.first(events, PenaltyApplied.class);
        assertThat(LedgerFixture.all(events, PenaltyApplied.class)).hasSize(1);
        assertThat(p.basis()).isEqualTo(PenaltyBasis.FIXED_PER_TONNE);
        assertThat(p.penaltyMinor()).isEqualTo(40 * 100_00);
        assertThat(p.paidMinor()).isEqualTo(40 * 100_00);
        assertThat(p.debtMinor()).isZero();
        assertThat(f.account(E1).cashMinor()).isEqualTo(6_000_00);
        assertThat(f.state().totals().penaltiesPaidMinor()).isEqualTo(4_000_00);
    }

    @Test
    void givenAveragePricePolicy_thenPenaltyIsMultipleOfVolumeWeightedSettledPrice() {
        LedgerFixture g = new LedgerFixture(policy(PenaltyPolicyKind.AVERAGE_PRICE_MULTIPLE, 15_000,
                ShortfallTreatment.CARRY_FORWARD));
        g.deposit(E1, 1_000_00);
        g.deposit(E2, 1_000_00);
        g.allocate(E2, ALW25, 10);
        g.issueOffsets(E2, 1, 10);
        g.buy("b1", E1, ALW25, 10_002, 3);
        g.sell("s1", E2, ALW25, 10_000, 3);
        g.trade("t1", "b1", "s1", 10_002, 1);
        g.trade("t2", "b1", "s1", 10_000, 2);
        g.buy("b-ofs", E1, OFS, 99_000, 1); // offsets do not count towards the allowance price
        g.sell("s-ofs", E2, OFS, 99_000, 1);
        g.trade("t-ofs", "b-ofs", "s-ofs", 99_000, 1);
        g.buy("b-unsettled", E1, ALW25, 50_000, 1); // traded but never settled: does not count
        g.sell("s-unsettled", E2, ALW25, 50_000, 1);
        g.closeAll();
        g.trade("t-late", "b-unsettled", "s-unsettled", 50_000, 1);
        g.deposit(E3, 1_000_000_00);
        emissions(g, E3, 2025, 10);
        PenaltyApplied p = LedgerFixture.first(g.ok(new RunAnnualSettlement(REG, 2025, g.t())),
                PenaltyApplied.class);
        // vwap = floor((10_002 + 2 x 10_000) / 3) = 10_000; x 1.5 = 15_000 per tonne
        assertThat(p.basis()).isEqualTo(PenaltyBasis.AVERAGE_PRICE_MULTIPLE);
        assertThat(p.pricePerTonneMinor()).isEqualTo(15_000);
        assertThat(p.penaltyMinor()).isEqualTo(150_000);
    }

    @Test
    void averagePricePolicyWithoutTradesFallsBackToTheFixedFallback() {
        LedgerFixture g = new LedgerFixture(policy(PenaltyPolicyKind.AVERAGE_PRICE_MULTIPLE, 30_000,
                ShortfallTreatment.CARRY_FORWARD));
        g.deposit(E1, 1_000_00);
        emissions(g, E1, 2025, 2);
        PenaltyApplied p = LedgerFixture.first(g.ok(new RunAnnualSettlement(REG, 2025, g.t())),
                PenaltyApplied.class);
        assertThat(p.basis()).isEqualTo(PenaltyBasis.FALLBACK_FIXED);
        assertThat(p.penaltyMinor()).isEqualTo(2 * 77_00);
    }

    @Test
    void shortfallCarriedIntoNextYearsObligation() {
        f.deposit(E1, 10_000_00);
        emissions(f, E1, 2025, 100);
        f.ok(new RunAnnualSettlement(REG, 2025, f.t()));
        assertThat(f.state().compliance().record(E1, 2026).orElseThrow().carriedIn()).isEqualTo(100);
        emissions(f, E1, 2026, 50);
        f.allocate(E1, ALW26, 150);
        surrender(f, E1, 2026, ALW26, 150); // obligation 150 = 50 + 100 carried
        ComplianceSettled s = LedgerFixture.first(f.ok(new RunAnnualSettlement(REG, 2026, f.t())),
                ComplianceSettled.class);
        assertThat(s.carriedIn()).isEqualTo(100);
        assertThat(s.obligation()).isEqualTo(150);
        assertThat(s.shortfall()).isZero();
    }

    @Test
    void shortfallDeductedFromNextYearsAllocation() {
        LedgerFixture g = new LedgerFixture(policy(PenaltyPolicyKind.FIXED_PER_TONNE, 0,
                ShortfallTreatment.DEDUCT_FROM_NEXT_ALLOCATION));
        g.deposit(E1, 10_000_00);
        emissions(g, E1, 2025, 40);
        g.ok(new RunAnnualSettlement(REG, 2025, g.t()));
        assertThat(g.state().compliance().pendingDeduction(E1, 2026)).isEqualTo(40);
        QuotaAllocated first = LedgerFixture.first(g.ok(new AllocateAllowances("a1", REG, E1, ALW26, 30, g.t())),
                QuotaAllocated.class);
        assertThat(first.deducted()).isEqualTo(30);
        assertThat(first.credited()).isZero();
        QuotaAllocated second = LedgerFixture.first(g.ok(new AllocateAllowances("a2", REG, E1, ALW26, 100,
                g.t())), QuotaAllocated.class);
        assertThat(second.deducted()).isEqualTo(10);
        assertThat(second.credited()).isEqualTo(90);
        assertThat(g.account(E1).holding(ALW26)).isEqualTo(90);
        assertThat(g.state().compliance().pendingDeduction(E1, 2026)).isZero();
        // other vintages are untouched
        g.allocate(E1, ALW25, 5);
        assertThat(g.account(E1).holding(ALW25)).isEqualTo(5);
        assertThat(g.state().compliance().record(E1, 2026)).isEmpty();
    }

    @Test
    void penaltyLargerThanCash_isDebtAndFreezes() {
        f.deposit(E1, 1_000_00);
        f.buy("b1", E1, ALW25, 10_00, 10); // 20_00 locked, 980_00 free
        emissions(f, E1, 2025, 100); // penalty 10_000_00
        List<LedgerEvent> events = f.ok(new RunAnnualSettlement(REG, 2025, f.t()));
        PenaltyApplied p = LedgerFixture.first(events, PenaltyApplied.class);
        assertThat(p.penaltyMinor()).isEqualTo(10_000_00);
        assertThat(p.paidMinor()).isEqualTo(980_00);
        assertThat(p.debtMinor()).isEqualTo(9_020_00);
        assertThat(LedgerFixture.first(events, AccountFrozen.class).reason()).isEqualTo(FreezeReason.PENALTY_DEBT);
        // the freeze asks the book to cancel b1; its deposit is released once the book reports the cancel
        assertThat(LedgerFixture.all(events, OrderCancelled.class)).isEmpty();
        assertThat(f.account(E1).status()).isEqualTo(AccountStatus.FROZEN);
        assertThat(f.account(E1).debtMinor()).isEqualTo(9_020_00);
        assertThat(f.account(E1).cashMinor()).isZero();
        OrderCancelled cancelled = LedgerFixture.first(f.ok(new io.carbonx.registry.core.command.LedgerCommand
                .CancelOrder("b1", 10L, io.carbonx.registry.core.model.CancelCause.ACCOUNT_FROZEN, f.t())),
                OrderCancelled.class);
        assertThat(cancelled.cause()).isEqualTo(io.carbonx.registry.core.model.CancelCause.ACCOUNT_FROZEN);
        assertThat(f.account(E1).cashMinor()).isEqualTo(20_00); // the released order deposit
    }

    @Test
    void depositsRepayDebtFirst_thenTheRegulatorMayUnfreeze() {
        emissions(f, E1, 2025, 1); // penalty 100_00, no cash: all debt
        f.ok(new RunAnnualSettlement(REG, 2025, f.t()));
        assertThat(f.account(E1).debtMinor()).isEqualTo(100_00);
        FundsDeposited d = LedgerFixture.first(f.ok(new io.carbonx.registry.core.command.LedgerCommand.DepositFunds(
                "d1", E1, 60_00, f.t())), FundsDeposited.class);
        assertThat(d.debtRepaidMinor()).isEqualTo(60_00);
        assertThat(f.account(E1).cashMinor()).isZero();
        f.refused(new UnfreezeAccount(REG, E1, f.t()), ReasonCode.DEBT_OUTSTANDING);
        f.deposit(E1, 50_00);
        assertThat(f.account(E1).debtMinor()).isZero();
        assertThat(f.account(E1).cashMinor()).isEqualTo(10_00);
        assertThat(f.state().totals().penaltiesPaidMinor()).isEqualTo(100_00);
        f.ok(new UnfreezeAccount(REG, E1, f.t()));
    }

    @Test
    void annualSettlementRunsOncePerYear_inSequence_byTheRegulatorOnly() {
        emissions(f, E1, 2025, 0);
        f.refused(new RunAnnualSettlement(VER, 2025, f.t()), ReasonCode.ACTOR_ROLE_NOT_PERMITTED);
        f.ok(new RunAnnualSettlement(REG, 2025, f.t()));
        f.refused(new RunAnnualSettlement(REG, 2025, f.t()), ReasonCode.YEAR_ALREADY_SETTLED);
        f.refused(new RunAnnualSettlement(REG, 2027, f.t()), ReasonCode.YEAR_OUT_OF_SEQUENCE);
        f.refused(new RecordVerifiedEmissions(VER, E2, 2025, 1, f.t()), ReasonCode.YEAR_ALREADY_SETTLED);
        f.allocate(E1, ALW25, 1);
        f.refused(new SurrenderAllowances("s", E1, 2025, ALW25, 1, f.t()), ReasonCode.YEAR_ALREADY_SETTLED);
        f.ok(new RunAnnualSettlement(REG, 2026, f.t()));
    }
}
