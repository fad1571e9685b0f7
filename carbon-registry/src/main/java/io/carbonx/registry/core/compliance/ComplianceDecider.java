package io.carbonx.registry.core.compliance;

import static io.carbonx.registry.core.Refusal.require;

import io.carbonx.events.InstrumentKind;
import io.carbonx.events.Role;
import io.carbonx.registry.core.Amounts;
import io.carbonx.registry.core.DeciderTable;
import io.carbonx.registry.core.Emitter;
import io.carbonx.registry.core.Guards;
import io.carbonx.registry.core.LedgerConfig;
import io.carbonx.registry.core.LedgerConfig.CompliancePolicy;
import io.carbonx.registry.core.ReasonCode;
import io.carbonx.registry.core.Refusal;
import io.carbonx.registry.core.command.LedgerCommand.RecordVerifiedEmissions;
import io.carbonx.registry.core.command.LedgerCommand.RunAnnualSettlement;
import io.carbonx.registry.core.command.LedgerCommand.SurrenderAllowances;
import io.carbonx.registry.core.compliance.Penalties.Penalty;
import io.carbonx.registry.core.defaults.Freezing;
import io.carbonx.registry.core.event.LedgerEvent.AllowancesSurrendered;
import io.carbonx.registry.core.event.LedgerEvent.AnnualSettlementCompleted;
import io.carbonx.registry.core.event.LedgerEvent.ComplianceSettled;
import io.carbonx.registry.core.event.LedgerEvent.EmissionsVerified;
import io.carbonx.registry.core.event.LedgerEvent.PenaltyApplied;
import io.carbonx.registry.core.model.AccountStatus;
import io.carbonx.registry.core.model.CalendarYears;
import io.carbonx.registry.core.model.FreezeReason;
import io.carbonx.registry.core.state.Account;
import io.carbonx.registry.core.state.ComplianceRecord;
import io.carbonx.registry.core.state.Instrument;
import io.carbonx.registry.core.state.LedgerState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * Annual compliance use case.
 * <ul>
 *   <li>A VERIFIER records an enterprise's verified emissions once per unsettled year.
 *   <li>Surrender (after emissions are recorded): allowances of vintage <= year, offsets while the year's
 *       offsets stay within {@code floor(obligation x offsetCapBps / 10000)}; never beyond the remaining
 *       obligation; only unlocked holdings.
 *   <li>The annual settlement of a year (REGULATOR; the year after the last settled one, any year the first
 *       time) emits, per enterprise with a position that year in id order, ComplianceSettled and for a
 *       shortfall PenaltyApplied ({@link Penalties}): paid from unlocked cash, the rest recorded as debt,
 *       which freezes an ACTIVE account (PENALTY_DEBT). The shortfall is carried into the next year's
 *       obligation or withheld from the next year's allocation, as configured. All penalties are computed
 *       before the first event, so an overflow refuses the whole settlement.
 * </ul>
 */
public final class ComplianceDecider {
    private final CompliancePolicy policy;

    private ComplianceDecider(CompliancePolicy policy) {
        this.policy = policy;
    }

    /**
     * @param table  decider table
     * @param config rules
     */
    public static void register(DeciderTable table, LedgerConfig config) {
        ComplianceDecider d = new ComplianceDecider(config.compliance());
        table.on(RecordVerifiedEmissions.class, ComplianceDecider::emissions);
        table.on(SurrenderAllowances.class, d::surrender);
        table.on(RunAnnualSettlement.class, d::settle);
    }

    private static void emissions(RecordVerifiedEmissions c, LedgerState s, Emitter out) {
        Guards.actor(s, c.actorId(), Role.VERIFIER);
        require(CalendarYears.isValid(c.year()), ReasonCode.INVALID_YEAR, "year " + c.year());
        require(c.tonnes() >= 0, ReasonCode.NEGATIVE_QUANTITY, "tonnes " + c.tonnes());
        Account a = Guards.enterprise(s, c.participantId());
        Guards.notCancelled(a);
        require(!s.compliance().isSettled(c.year()), ReasonCode.YEAR_ALREADY_SETTLED, "year " + c.year());
        Optional<ComplianceRecord> existing = s.compliance().record(a.id(), c.year());
        require(existing.map(r -> !r.emissionsRecorded()).orElse(true), ReasonCode.EMISSIONS_ALREADY_RECORDED,
                a.id() + " " + c.year());
        Amounts.add(c.tonnes(), existing.map(ComplianceRecord::carriedIn).orElse(0L));
        out.emit(new EmissionsVerified(a.id(), c.year(), c.tonnes(), c.actorId(), c.time()));
    }

    private void surrender(SurrenderAllowances c, LedgerState s, Emitter out) {
        Guards.freshReference(s, "surrender", c.surrenderId());
        Guards.positiveQuantity(c.quantity(), "quantity");
        require(CalendarYears.isValid(c.year()), ReasonCode.INVALID_YEAR, "year " + c.year());
        Account a = Guards.enterprise(s, c.participantId());
        Guards.notCancelled(a);
        Instrument i = Guards.instrument(s, c.instrumentId());
        require(i.kind() != InstrumentKind.ENERGY, ReasonCode.INSTRUMENT_KIND_MISMATCH,
                c.instrumentId() + " is energy, not an allowance or offset");
        require(!s.compliance().isSettled(c.year()), ReasonCode.YEAR_ALREADY_SETTLED, "year " + c.year());
        boolean offset = i.kind() == InstrumentKind.OFFSET;
        require(offset || i.vintage() <= c.year(), ReasonCode.VINTAGE_AFTER_COMPLIANCE_YEAR,
                "vintage " + i.vintage() + " > " + c.year());
        ComplianceRecord r = s.compliance().record(a.id(), c.year()).filter(ComplianceRecord::emissionsRecorded)
                .orElseThrow(() -> new Refusal(ReasonCode.EMISSIONS_NOT_RECORDED,
                        a.id() + " " + c.year()));
        require(c.quantity() <= r.remainingObligation(), ReasonCode.SURRENDER_EXCEEDS_OBLIGATION,
                c.quantity() + " > remaining " + r.remainingObligation());
        if (offset) {
            long cap = Amounts.floorShare(r.obligation(), policy.offsetCapBps());
            require(r.surrenderedOffsets() + c.quantity() <= cap, ReasonCode.OFFSET_CAP_EXCEEDED,
                    "offsets " + (r.surrenderedOffsets() + c.quantity()) + " > cap " + cap);
        }
        require(a.holding(i.instrumentId()) >= c.quantity(), ReasonCode.INSUFFICIENT_HOLDINGS,
                "holds " + a.holding(i.instrumentId()) + " unlocked");
        out.emit(new AllowancesSurrendered(c.surrenderId(), a.id(), c.year(), i.instrumentId(), offset,
                c.quantity(), c.time()));
    }

    private void settle(RunAnnualSettlement c, LedgerState s, Emitter out) {
        Guards.actor(s, c.actorId(), Role.REGULATOR);
        int year = c.year();
        require(CalendarYears.isValid(year) && CalendarYears.isValid(year + 1), ReasonCode.INVALID_YEAR,
                "year " + year);
        require(!s.compliance().isSettled(year), ReasonCode.YEAR_ALREADY_SETTLED, "year " + year);
        require(!s.compliance().anySettled() || year == s.compliance().lastSettledYear() + 1,
                ReasonCode.YEAR_OUT_OF_SEQUENCE, "next year to settle is " + (s.compliance().lastSettledYear() + 1));
        List<ComplianceSettled> results = new ArrayList<>();
        List<Penalty> penalties = new ArrayList<>();
        for (Map.Entry<String, SortedMap<Integer, ComplianceRecord>> e : s.compliance().records().entrySet()) {
            ComplianceRecord r = e.getValue().get(year);
            if (r == null) {
                continue;
            }
            long shortfall = Math.max(0, r.obligation() - r.surrendered());
            results.add(new ComplianceSettled(e.getKey(), year, r.emissions(), r.carriedIn(), r.obligation(),
                    r.surrendered(), shortfall, policy.shortfallTreatment(), c.time()));
            penalties.add(shortfall == 0 ? null
                    : Penalties.of(policy, s.compliance().allowancePriceStats(year), shortfall));
        }
        for (int k = 0; k < results.size(); k++) {
            emitResult(s, results.get(k), penalties.get(k), c.time(), out);
        }
        out.emit(new AnnualSettlementCompleted(year, results.size(), c.time()));
    }

    private static void emitResult(LedgerState s, ComplianceSettled result, Penalty p, long time, Emitter out) {
        out.emit(result);
        if (p == null) {
            return;
        }
        Account a = s.account(result.participantId()).orElseThrow();
        long paid = Math.min(p.penaltyMinor(), a.cashMinor());
        long debt = p.penaltyMinor() - paid;
        out.emit(new PenaltyApplied(a.id(), result.year(), result.shortfall(), p.basis(), p.pricePerTonneMinor(),
                p.penaltyMinor(), paid, debt, time));
        if (debt > 0 && a.status() == AccountStatus.ACTIVE) {
            Freezing.freeze(s, a, FreezeReason.PENALTY_DEBT, time, out);
        }
    }
}
