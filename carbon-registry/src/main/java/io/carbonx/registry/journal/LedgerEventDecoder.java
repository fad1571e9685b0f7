package io.carbonx.registry.journal;

import io.carbonx.events.AccountCancelled;
import io.carbonx.events.AccountFrozen;
import io.carbonx.events.AccountOpened;
import io.carbonx.events.AccountUnfrozen;
import io.carbonx.events.AgreementRegistered;
import io.carbonx.events.AgreementRejected;
import io.carbonx.events.AllowancesSurrendered;
import io.carbonx.events.AnnualSettlementCompleted;
import io.carbonx.events.ComplianceSettled;
import io.carbonx.events.CreditGradeChanged;
import io.carbonx.events.DefaultRecorded;
import io.carbonx.events.DepositForfeited;
import io.carbonx.events.EmissionsVerified;
import io.carbonx.events.EventEnvelope;
import io.carbonx.events.FundsDeposited;
import io.carbonx.events.FundsWithdrawn;
import io.carbonx.events.HoldingQuantity;
import io.carbonx.events.InstrumentDefined;
import io.carbonx.events.OffsetIssued;
import io.carbonx.events.OrderAccepted;
import io.carbonx.events.OrderCancelled;
import io.carbonx.events.OrderExpired;
import io.carbonx.events.OrderRejected;
import io.carbonx.events.PenaltyApplied;
import io.carbonx.events.QuotaAllocated;
import io.carbonx.events.SettlementWindowClosed;
import io.carbonx.events.SurrenderKind;
import io.carbonx.events.TradeRecorded;
import io.carbonx.events.TradeSettled;
import io.carbonx.events.TradeUnwound;
import io.carbonx.registry.core.ReasonCode;
import io.carbonx.registry.core.event.LedgerEvent;
import io.carbonx.registry.core.model.CancelCause;
import io.carbonx.registry.core.model.PenaltyBasis;
import io.carbonx.registry.core.model.ShortfallTreatment;
import io.carbonx.registry.core.model.TradeKind;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.avro.specific.SpecificRecord;

/**
 * Journal record → ledger event: the inverse of the encodings ({@link AccountEncodings},
 * {@link TradingEncodings}, {@link ComplianceEncodings}); {@code decode(encode(e)) equals e} for every ledger
 * event. The event's {@code time} is {@code envelope.logicalTime}; the regulator of an unfreeze or cancel is
 * {@code envelope.actor}.
 */
public final class LedgerEventDecoder {
    private static final Map<Class<?>, Function<SpecificRecord, LedgerEvent>> DECODERS = new HashMap<>();

    static {
        on(AccountOpened.class, r -> new LedgerEvent.AccountOpened(r.getParticipantId(), r.getRole(), t(r.getEnvelope())));
        on(CreditGradeChanged.class, r -> new LedgerEvent.CreditGradeChanged(r.getParticipantId(), r.getPreviousGrade(),
                r.getGrade(), t(r.getEnvelope())));
        on(FundsDeposited.class, r -> new LedgerEvent.FundsDeposited(r.getTransferId(), r.getParticipantId(),
                r.getAmountMinor(), r.getDebtRepaidMinor(), t(r.getEnvelope())));
        on(FundsWithdrawn.class, r -> new LedgerEvent.FundsWithdrawn(r.getTransferId(), r.getParticipantId(),
                r.getAmountMinor(), t(r.getEnvelope())));
        on(AccountFrozen.class, r -> new LedgerEvent.AccountFrozen(r.getParticipantId(),
                AccountEncodings.freezeReason(r.getReasonCode()), t(r.getEnvelope())));
        on(AccountUnfrozen.class, r -> new LedgerEvent.AccountUnfrozen(r.getParticipantId(), r.getEnvelope().getActor(),
                t(r.getEnvelope())));
        on(AccountCancelled.class, LedgerEventDecoder::cancelled);
        on(InstrumentDefined.class, r -> new LedgerEvent.InstrumentDefined(r.getInstrumentId(), r.getKind(),
                r.getVintage(), t(r.getEnvelope())));
        on(QuotaAllocated.class, r -> new LedgerEvent.QuotaAllocated(r.getAllocationId(), r.getParticipantId(),
                r.getInstrumentId(), r.getVintage(), Math.addExact(r.getQuantity(), r.getDeductedQuantity()),
                r.getDeductedQuantity(), r.getQuantity(), r.getSource(), r.getReferenceId(), r.getPaidMinor(),
                t(r.getEnvelope())));
        on(OffsetIssued.class, r -> new LedgerEvent.OffsetIssued(r.getIssuanceId(), r.getParticipantId(),
                r.getInstrumentId(), r.getSerialFrom(), r.getSerialTo(), r.getQuantity(), t(r.getEnvelope())));
        on(OrderAccepted.class, r -> new LedgerEvent.OrderAccepted(r.getOrderId(), r.getParticipantId(),
                r.getInstrumentId(), r.getSide(), r.getPriceMinor() != null ? r.getPriceMinor()
                        : r.getProtectionPriceMinor(), r.getQuantity(), r.getDepositLockedMinor(),
                r.getQuantityLocked(), t(r.getEnvelope())));
        on(OrderRejected.class, r -> new LedgerEvent.OrderRejected(r.getOrderId(), r.getParticipantId(),
                ReasonCode.valueOf(r.getReasonCode()), t(r.getEnvelope())));
        on(OrderCancelled.class, r -> new LedgerEvent.OrderCancelled(r.getOrderId(), r.getParticipantId(),
                r.getReleasedDepositMinor(), r.getReleasedQuantity(), CancelCause.valueOf(r.getReasonCode()),
                r.getRemainingQuantity(), t(r.getEnvelope())));
        on(OrderExpired.class, r -> new LedgerEvent.OrderExpired(r.getOrderId(), r.getParticipantId(),
                r.getReleasedDepositMinor(), r.getReleasedQuantity(), r.getRemainingQuantity(), t(r.getEnvelope())));
        on(TradeRecorded.class, r -> new LedgerEvent.TradeRecorded(r.getTradeId(), orderId(r.getBuyOrderId()),
                orderId(r.getSellOrderId()), r.getBuyerId(), r.getSellerId(), r.getInstrumentId(), r.getPriceMinor(),
                r.getQuantity(), r.getBuyerDepositMinor(), r.getSellerDepositMinor(), r.getBuyerCommissionBps(),
                r.getSellerCommissionBps(), r.getDueAtMs(), t(r.getEnvelope())));
        on(AgreementRegistered.class, r -> new LedgerEvent.AgreementRegistered(r.getAgreementId(), r.getBuyerId(),
                r.getSellerId(), r.getInstrumentId(), r.getPriceMinor(), r.getQuantity(), r.getBuyerDepositMinor(),
                r.getSellerDepositMinor(), r.getSettlementDateMs(), t(r.getEnvelope())));
        on(AgreementRejected.class, r -> new LedgerEvent.AgreementRejected(r.getAgreementId(),
                ReasonCode.valueOf(r.getReasonCode()), r.getDetail(), t(r.getEnvelope())));
        on(TradeSettled.class, LedgerEventDecoder::settled);
        on(DefaultRecorded.class, r -> new LedgerEvent.DefaultRecorded(
                r.getTradeId() != null ? r.getTradeId() : r.getAgreementId(), r.getDefaulterId(),
                r.getCounterpartyId(), r.getKind(), r.getAmountMinor(), r.getLossMinor(), t(r.getEnvelope())));
        on(DepositForfeited.class, r -> new LedgerEvent.DepositForfeited(r.getTradeId(), r.getFromParticipantId(),
                r.getToParticipantId(), r.getAmountMinor(), t(r.getEnvelope())));
        on(TradeUnwound.class, r -> new LedgerEvent.TradeUnwound(r.getTradeId(), r.getBuyerId(), r.getSellerId(),
                r.getBuyerCashReleasedMinor(), r.getSellerCashReleasedMinor(), r.getSellerQuantityReleased(),
                t(r.getEnvelope())));
        on(SettlementWindowClosed.class, r -> new LedgerEvent.SettlementWindowClosed(t(r.getEnvelope()),
                r.getSettledCount(), r.getDefaultedCount()));
        on(EmissionsVerified.class, r -> new LedgerEvent.EmissionsVerified(r.getParticipantId(), r.getYear(),
                r.getEmissionsTonnes(), r.getVerifierId(), t(r.getEnvelope())));
        on(AllowancesSurrendered.class, r -> new LedgerEvent.AllowancesSurrendered(r.getSurrenderId(),
                r.getParticipantId(), r.getYear(), r.getInstrumentId(), r.getKind() == SurrenderKind.OFFSET,
                r.getQuantity(), t(r.getEnvelope())));
        on(ComplianceSettled.class, r -> new LedgerEvent.ComplianceSettled(r.getParticipantId(), r.getYear(),
                r.getEmissionsTonnes(), r.getCarriedForwardTonnes(), r.getObligationTonnes(),
                Math.addExact(r.getSurrenderedAllowances(), r.getSurrenderedOffsets()), r.getShortfallTonnes(),
                ShortfallTreatment.valueOf(r.getTreatment().name()), t(r.getEnvelope())));
        on(PenaltyApplied.class, r -> new LedgerEvent.PenaltyApplied(r.getParticipantId(), r.getYear(),
                r.getShortfallTonnes(), PenaltyBasis.valueOf(r.getBasis()), r.getRatePerTonneMinor(),
                r.getAmountMinor(), r.getPaidMinor(), r.getDebtMinor(), t(r.getEnvelope())));
        on(AnnualSettlementCompleted.class, r -> new LedgerEvent.AnnualSettlementCompleted(r.getYear(),
                r.getEnterpriseCount(), t(r.getEnvelope())));
    }

    private LedgerEventDecoder() {
    }

    /**
     * @param type an Avro record type
     * @return true if it is the journal form of a ledger event
     */
    public static boolean isLedgerEvent(Class<?> type) {
        return DECODERS.containsKey(type);
    }

    /**
     * @param record a journal record
     * @return the ledger event it holds, empty for a record that is not a ledger event (an identity record)
     * @throws IllegalArgumentException if a field does not name a known reason, cause or basis (a corrupt
     *                                  journal)
     */
    public static Optional<LedgerEvent> decode(SpecificRecord record) {
        Function<SpecificRecord, LedgerEvent> d = DECODERS.get(record.getClass());
        return d == null ? Optional.empty() : Optional.of(d.apply(record));
    }

    private static <R extends SpecificRecord> void on(Class<R> type, Function<R, LedgerEvent> decoder) {
        DECODERS.put(type, r -> decoder.apply(type.cast(r)));
    }

    private static long t(EventEnvelope envelope) {
        return envelope.getLogicalTime();
    }

    private static LedgerEvent cancelled(AccountCancelled r) {
        TreeMap<String, Long> holdings = new TreeMap<>();
        for (HoldingQuantity h : r.getMovedHoldings()) {
            holdings.put(h.getInstrumentId(), h.getQuantity());
        }
        return new LedgerEvent.AccountCancelled(r.getParticipantId(), r.getEnvelope().getActor(),
                r.getEscrowAccountId(), r.getMovedCashMinor(), holdings, t(r.getEnvelope()));
    }

    /** The journal writes "" for the pool side of an energy trade, which has no order. */
    private static String orderId(String journalled) {
        return journalled.isEmpty() ? null : journalled;
    }

    private static LedgerEvent settled(TradeSettled r) {
        return new LedgerEvent.TradeSettled(r.getTradeId(), r.getAgreement() ? TradeKind.AGREEMENT : TradeKind.EXCHANGE,
                r.getBuyerId(), r.getSellerId(), r.getInstrumentId(), r.getQuantity(), r.getPriceMinor(),
                r.getNotionalMinor(), r.getSellerCommissionMinor(), r.getBuyerCommissionMinor(),
                r.getBuyerDepositAppliedMinor(),
                r.getBuyerCashPaidMinor(), r.getBuyerDepositReleasedMinor(), r.getSellerDepositReleasedMinor(),
                r.getQuantityFromLock(), r.getTradeTimeMs(), t(r.getEnvelope()));
    }
}
