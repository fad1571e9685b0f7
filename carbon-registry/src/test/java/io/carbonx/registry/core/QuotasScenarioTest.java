package io.carbonx.registry.core;

import static io.carbonx.registry.core.LedgerFixture.ALW25;
import static io.carbonx.registry.core.LedgerFixture.E1;
import static io.carbonx.registry.core.LedgerFixture.E2;
import static io.carbonx.registry.core.LedgerFixture.OFS;
import static io.carbonx.registry.core.LedgerFixture.OPS;
import static io.carbonx.registry.core.LedgerFixture.REG;
import static io.carbonx.registry.core.LedgerFixture.VER;
import static org.assertj.core.api.Assertions.assertThat;

import io.carbonx.events.InstrumentKind;
import io.carbonx.events.Role;
import io.carbonx.registry.core.command.LedgerCommand.AllocateAllowances;
import io.carbonx.registry.core.command.LedgerCommand.DefineInstrument;
import io.carbonx.registry.core.command.LedgerCommand.FreezeAccount;
import io.carbonx.registry.core.command.LedgerCommand.IssueOffsets;
import io.carbonx.registry.core.command.LedgerCommand.OpenAccount;
import io.carbonx.registry.core.event.LedgerEvent.OffsetIssued;
import io.carbonx.registry.core.event.LedgerEvent.QuotaAllocated;
import org.junit.jupiter.api.Test;

class QuotasScenarioTest {
    private final LedgerFixture f = new LedgerFixture();

    @Test
    void allocationCreditsTheVintageInstrumentToTheEnterprise() {
        var events = f.ok(new AllocateAllowances("a1", REG, E1, ALW25, 1_000, f.t()));
        QuotaAllocated q = LedgerFixture.first(events, QuotaAllocated.class);
        assertThat(q.credited()).isEqualTo(1_000);
        assertThat(q.vintage()).isEqualTo(2025);
        assertThat(f.account(E1).holding(ALW25)).isEqualTo(1_000);
        assertThat(f.state().totals().created()).containsEntry(ALW25, 1_000L);
    }

    @Test
    void onlyRegulatorCanAllocateAllowances() {
        f.refused(new AllocateAllowances("a1", VER, E1, ALW25, 10, f.t()), ReasonCode.ACTOR_ROLE_NOT_PERMITTED);
        f.refused(new AllocateAllowances("a2", E2, E1, ALW25, 10, f.t()), ReasonCode.ACTOR_ROLE_NOT_PERMITTED);
        f.refused(new AllocateAllowances("a3", OPS, E1, ALW25, 10, f.t()), ReasonCode.ACTOR_ROLE_NOT_PERMITTED);
        f.refused(new AllocateAllowances("a4", "NOBODY", E1, ALW25, 10, f.t()), ReasonCode.UNKNOWN_ACTOR);
        f.refused(new AllocateAllowances("a5", f.state().escrowAccountId(), E1, ALW25, 10, f.t()),
                ReasonCode.SYSTEM_ACCOUNT);
        f.ok(new OpenAccount("REG2", Role.REGULATOR, f.t()));
        f.ok(new FreezeAccount(REG, "REG2", f.t()));
        f.refused(new AllocateAllowances("a6", "REG2", E1, ALW25, 10, f.t()), ReasonCode.ACTOR_NOT_ACTIVE);
        assertThat(f.account(E1).holding(ALW25)).isZero();
    }

    @Test
    void allowancesGoOnlyToEnterprisesAndOnlyOnAllowanceInstruments() {
        f.refused(new AllocateAllowances("a1", REG, VER, ALW25, 10, f.t()), ReasonCode.NOT_AN_ENTERPRISE);
        f.refused(new AllocateAllowances("a2", REG, E1, OFS, 10, f.t()), ReasonCode.INSTRUMENT_KIND_MISMATCH);
        f.refused(new AllocateAllowances("a3", REG, E1, "ALW-1999", 10, f.t()), ReasonCode.UNKNOWN_INSTRUMENT);
        f.refused(new AllocateAllowances("a4", REG, E1, ALW25, 0, f.t()), ReasonCode.NON_POSITIVE_QUANTITY);
    }

    @Test
    void allocationIdCanNeverBeUsedTwice() {
        f.ok(new AllocateAllowances("a1", REG, E1, ALW25, 10, f.t()));
        f.refused(new AllocateAllowances("a1", REG, E2, ALW25, 10, f.t()), ReasonCode.DUPLICATE_REFERENCE);
    }

    @Test
    void offsetIssuanceCreditsTheQuantityOfTheSerialRange() {
        var events = f.ok(new IssueOffsets("i1", REG, E1, OFS, 100, 199, f.t()));
        assertThat(LedgerFixture.first(events, OffsetIssued.class).quantity()).isEqualTo(100);
        assertThat(f.account(E1).holding(OFS)).isEqualTo(100);
    }

    @Test
    void offsetSerialCanNeverBeIssuedTwice() {
        f.ok(new IssueOffsets("i1", REG, E1, OFS, 100, 199, f.t()));
        f.refused(new IssueOffsets("i2", REG, E2, OFS, 100, 199, f.t()), ReasonCode.SERIAL_ALREADY_ISSUED);
        f.refused(new IssueOffsets("i3", REG, E2, OFS, 150, 250, f.t()), ReasonCode.SERIAL_ALREADY_ISSUED);
        f.refused(new IssueOffsets("i4", REG, E2, OFS, 50, 100, f.t()), ReasonCode.SERIAL_ALREADY_ISSUED);
        f.refused(new IssueOffsets("i5", REG, E2, OFS, 199, 199, f.t()), ReasonCode.SERIAL_ALREADY_ISSUED);
        f.refused(new IssueOffsets("i6", REG, E2, OFS, 120, 130, f.t()), ReasonCode.SERIAL_ALREADY_ISSUED);
        f.refused(new IssueOffsets("i7", REG, E2, OFS, 0, 1_000, f.t()), ReasonCode.SERIAL_ALREADY_ISSUED);
        // adjacent ranges are fine
        f.ok(new IssueOffsets("i8", REG, E2, OFS, 0, 99, f.t()));
        f.ok(new IssueOffsets("i9", REG, E2, OFS, 200, 200, f.t()));
        // a second offset instrument shares the serial space: still refused
        f.ok(new DefineInstrument(REG, "OFS-B", InstrumentKind.OFFSET, 2025, f.t()));
        f.refused(new IssueOffsets("i10", REG, E2, "OFS-B", 150, 150, f.t()), ReasonCode.SERIAL_ALREADY_ISSUED);
        assertThat(f.account(E1).holding(OFS)).isEqualTo(100);
        assertThat(f.account(E2).holding(OFS)).isEqualTo(101);
    }

    @Test
    void offsetIssuanceRulesRefuseBadRangesRolesAndKinds() {
        f.refused(new IssueOffsets("i1", REG, E1, OFS, 10, 9, f.t()), ReasonCode.INVALID_SERIAL_RANGE);
        f.refused(new IssueOffsets("i2", REG, E1, OFS, -1, 9, f.t()), ReasonCode.INVALID_SERIAL_RANGE);
        f.refused(new IssueOffsets("i3", VER, E1, OFS, 1, 9, f.t()), ReasonCode.ACTOR_ROLE_NOT_PERMITTED);
        f.refused(new IssueOffsets("i4", REG, E1, ALW25, 1, 9, f.t()), ReasonCode.INSTRUMENT_KIND_MISMATCH);
        f.refused(new IssueOffsets("i5", REG, E1, OFS, 0, Long.MAX_VALUE, f.t()), ReasonCode.ARITHMETIC_OVERFLOW);
    }

    @Test
    void instrumentsAreDefinedOnceByTheRegulator_energyIsAllocatedOnlyAsStoredEnergy_neverIssuedOrSurrendered() {
        f.refused(new DefineInstrument(REG, ALW25, InstrumentKind.ALLOWANCE, 2025, f.t()),
                ReasonCode.INSTRUMENT_EXISTS);
        f.ok(new DefineInstrument(REG, "PWR", InstrumentKind.ENERGY, 2025, f.t()));
        f.ok(new AllocateAllowances("a-pwr", REG, E1, "PWR", 10, f.t())); // stored energy, metered into storage
        org.assertj.core.api.Assertions.assertThat(f.account(E1).holding("PWR")).isEqualTo(10);
        f.refused(new IssueOffsets("i-pwr", REG, E1, "PWR", 1, 10, f.t()), ReasonCode.INSTRUMENT_KIND_MISMATCH);
        f.refused(new DefineInstrument(E1, "ALW-2030", InstrumentKind.ALLOWANCE, 2030, f.t()),
                ReasonCode.ACTOR_ROLE_NOT_PERMITTED);
        f.refused(new DefineInstrument(REG, "ALW-0", InstrumentKind.ALLOWANCE, 0, f.t()), ReasonCode.INVALID_YEAR);
    }
}
