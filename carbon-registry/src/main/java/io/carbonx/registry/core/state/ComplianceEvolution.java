package io.carbonx.registry.core.state;

import io.carbonx.registry.core.event.LedgerEvent.AllowancesSurrendered;
import io.carbonx.registry.core.event.LedgerEvent.AnnualSettlementCompleted;
import io.carbonx.registry.core.event.LedgerEvent.ComplianceSettled;
import io.carbonx.registry.core.event.LedgerEvent.EmissionsVerified;
import io.carbonx.registry.core.event.LedgerEvent.PenaltyApplied;
import io.carbonx.registry.core.model.ShortfallTreatment;

/** Evolution of compliance events. */
final class ComplianceEvolution {
    private ComplianceEvolution() {
    }

    static void register(Evolver ev) {
        ev.on(EmissionsVerified.class,
                (s, e) -> s.compliance.recordFor(e.participantId(), e.year()).recordEmissions(e.tonnes()));
        ev.on(AllowancesSurrendered.class, ComplianceEvolution::surrendered);
        ev.on(ComplianceSettled.class, ComplianceEvolution::settled);
        ev.on(PenaltyApplied.class, ComplianceEvolution::penalty);
        ev.on(AnnualSettlementCompleted.class, (s, e) -> s.compliance.markYearSettled(e.year()));
    }

    private static void surrendered(LedgerState s, AllowancesSurrendered e) {
        s.requireAccount(e.participantId()).addHolding(e.instrumentId(), -e.quantity());
        s.compliance.recordFor(e.participantId(), e.year()).surrender(e.offset(), e.quantity());
        s.totals.surrendered(e.instrumentId(), e.quantity());
        s.usedReferences.add(LedgerState.referenceKey("surrender", e.surrenderId()));
    }

    private static void settled(LedgerState s, ComplianceSettled e) {
        s.compliance.recordFor(e.participantId(), e.year()).markSettled();
        if (e.shortfall() > 0) {
            if (e.treatment() == ShortfallTreatment.CARRY_FORWARD) {
                s.compliance.recordFor(e.participantId(), e.year() + 1).carryIn(e.shortfall());
            } else {
                s.compliance.addPendingDeduction(e.participantId(), e.year() + 1, e.shortfall());
            }
        }
    }

    private static void penalty(LedgerState s, PenaltyApplied e) {
        Account a = s.requireAccount(e.participantId());
        a.addCash(-e.paidMinor());
        a.addDebt(e.debtMinor());
        s.totals.penalty(e.paidMinor(), e.debtMinor());
    }
}
