package io.carbonx.registry.journal;

import io.carbonx.commands.RecordEmissions;
import io.carbonx.commands.SurrenderAllowances;
import io.carbonx.events.AllowancesSurrendered;
import io.carbonx.events.AnnualSettlementCompleted;
import io.carbonx.events.ComplianceSettled;
import io.carbonx.events.EmissionsVerified;
import io.carbonx.events.PenaltyApplied;
import io.carbonx.events.PenaltyPolicy;
import io.carbonx.events.ShortfallTreatment;
import io.carbonx.events.SurrenderKind;
import io.carbonx.registry.core.event.LedgerEvent;
import io.carbonx.registry.core.model.PenaltyBasis;
import io.carbonx.registry.core.state.ComplianceRecord;
import io.carbonx.registry.core.state.LedgerState;
import io.carbonx.requests.SurrenderRequest;
import io.carbonx.schemas.EventCodec;
import io.carbonx.schemas.EventDecodingException;
import java.math.BigInteger;

/**
 * Journal encodings of the compliance events. Mappings that are not one-to-one:
 * <ul>
 *   <li>EmissionsVerified: the report hash comes from the command (32 zero bytes without one).</li>
 *   <li>AllowancesSurrendered: the signed request bytes, signature and sequence come from the command.</li>
 *   <li>ComplianceSettled: {@code carriedForwardTonnes} is the shortfall carried in; the surrendered total is
 *       split into allowances and offsets from the year's record.</li>
 *   <li>PenaltyApplied: {@code basis} names the {@link PenaltyBasis}; {@code policy} is FIXED_PER_TONNE for the
 *       fixed basis and AVERAGE_PRICE_MULTIPLE otherwise; {@code penaltyId = penalty-<participant>-<year>}.</li>
 * </ul>
 */
final class ComplianceEncodings {
    private ComplianceEncodings() {
    }

    static void register(EncoderTable t) {
        t.on(LedgerEvent.EmissionsVerified.class, (e, s, c) -> {
            RecordEmissions cmd = c.source(RecordEmissions.class);
            return EmissionsVerified.newBuilder()
                    .setEnvelope(c.nextEnvelope("EmissionsVerified", e.time(), e.verifierId()))
                    .setParticipantId(e.participantId()).setYear(e.year()).setEmissionsTonnes(e.tonnes())
                    .setVerifierId(e.verifierId())
                    .setReportSha256(cmd == null ? Bytes.wrap(new byte[32]) : cmd.getReportSha256()).build();
        });
        t.on(LedgerEvent.AllowancesSurrendered.class, ComplianceEncodings::surrendered);
        t.on(LedgerEvent.ComplianceSettled.class, (e, s, c) -> {
            long offsets = s.compliance().record(e.participantId(), e.year())
                    .map(ComplianceRecord::surrenderedOffsets).orElse(0L);
            return ComplianceSettled.newBuilder().setEnvelope(c.nextEnvelope("ComplianceSettled", e.time()))
                    .setParticipantId(e.participantId()).setYear(e.year()).setEmissionsTonnes(e.emissions())
                    .setCarriedForwardTonnes(e.carriedIn()).setObligationTonnes(e.obligation())
                    .setSurrenderedAllowances(e.surrendered() - offsets).setSurrenderedOffsets(offsets)
                    .setShortfallTonnes(e.shortfall()).setTreatment(ShortfallTreatment.valueOf(e.treatment().name()))
                    .build();
        });
        t.on(LedgerEvent.PenaltyApplied.class, ComplianceEncodings::penalty);
        t.on(LedgerEvent.AnnualSettlementCompleted.class, (e, s, c) -> AnnualSettlementCompleted.newBuilder()
                .setEnvelope(c.nextEnvelope("AnnualSettlementCompleted", e.time())).setYear(e.year())
                .setEnterpriseCount(e.enterprises()).build());
    }

    /**
     * @param participantId an enterprise
     * @param year          a compliance year
     * @return the id of its penalty for that year (one at most)
     */
    static String penaltyId(String participantId, int year) {
        return "penalty-" + participantId + "-" + year;
    }

    private static AllowancesSurrendered surrendered(LedgerEvent.AllowancesSurrendered e, LedgerState s,
                                                     DecisionContext c) {
        SurrenderAllowances cmd = c.source(SurrenderAllowances.class);
        long sequence = 0;
        if (cmd != null) {
            try {
                sequence = EventCodec.standard().decode(Bytes.of(cmd.getRequestBytes()), SurrenderRequest.class)
                        .getSequence();
            } catch (EventDecodingException ignored) {
                sequence = 0; // the decision decoded it already; unreachable in practice
            }
        }
        return AllowancesSurrendered.newBuilder().setEnvelope(c.nextEnvelope("AllowancesSurrendered", e.time()))
                .setSurrenderId(e.surrenderId()).setParticipantId(e.participantId()).setYear(e.year())
                .setInstrumentId(e.instrumentId()).setQuantity(e.quantity())
                .setKind(e.offset() ? SurrenderKind.OFFSET : SurrenderKind.ALLOWANCE).setSequence(sequence)
                .setRequestBytes(cmd == null ? Bytes.wrap(new byte[0]) : cmd.getRequestBytes())
                .setSignature(cmd == null ? TradingEncodings.noSignature() : cmd.getSignature()).build();
    }

    private static PenaltyApplied penalty(LedgerEvent.PenaltyApplied e, LedgerState s, DecisionContext c) {
        String id = penaltyId(e.participantId(), e.year());
        c.rememberPenalty(id);
        boolean fixed = e.basis() == PenaltyBasis.FIXED_PER_TONNE;
        Long average = null;
        if (e.basis() == PenaltyBasis.AVERAGE_PRICE_MULTIPLE) {
            BigInteger[] stats = s.compliance().allowancePriceStats(e.year());
            average = stats[1].signum() == 0 ? null : stats[0].divide(stats[1]).longValue();
        }
        long multiple = c.config().compliance().priceMultipleBps();
        return PenaltyApplied.newBuilder().setEnvelope(c.nextEnvelope("PenaltyApplied", e.time()))
                .setPenaltyId(id).setParticipantId(e.participantId()).setYear(e.year())
                .setShortfallTonnes(e.shortfall())
                .setPolicy(fixed ? PenaltyPolicy.FIXED_PER_TONNE : PenaltyPolicy.AVERAGE_PRICE_MULTIPLE)
                .setRatePerTonneMinor(e.pricePerTonneMinor()).setAveragePriceMinor(average)
                .setMultipleBps(fixed ? null : (int) Math.min(Integer.MAX_VALUE, multiple))
                .setAmountMinor(e.penaltyMinor()).setPaidMinor(e.paidMinor()).setDebtMinor(e.debtMinor())
                .setTreatment(ShortfallTreatment.valueOf(c.config().compliance().shortfallTreatment().name()))
                .setBasis(e.basis().name()).build();
    }
}
