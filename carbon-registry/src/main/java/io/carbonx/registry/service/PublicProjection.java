package io.carbonx.registry.service;

import io.carbonx.events.AccountCancelled;
import io.carbonx.events.AccountFrozen;
import io.carbonx.events.AccountUnfrozen;
import io.carbonx.events.AgreementRegistered;
import io.carbonx.events.AgreementRejected;
import io.carbonx.events.AllowancesSurrendered;
import io.carbonx.events.CertificateRevoked;
import io.carbonx.events.ComplianceSettled;
import io.carbonx.events.DefaultRecorded;
import io.carbonx.events.DepositForfeited;
import io.carbonx.events.DepositLocked;
import io.carbonx.events.DepositReleased;
import io.carbonx.events.EmissionsVerified;
import io.carbonx.events.EventEnvelope;
import io.carbonx.events.FundsDeposited;
import io.carbonx.events.FundsWithdrawn;
import io.carbonx.events.LockPurpose;
import io.carbonx.events.OffsetIssued;
import io.carbonx.events.OrderAccepted;
import io.carbonx.events.OrderCancelled;
import io.carbonx.events.OrderExpired;
import io.carbonx.events.OrderRejected;
import io.carbonx.events.ParticipantRegistered;
import io.carbonx.events.PenaltyApplied;
import io.carbonx.events.QuotaAllocated;
import io.carbonx.events.TradeSettled;
import io.carbonx.events.TradeUnwound;
import io.carbonx.registry.core.state.LedgerState;
import io.carbonx.registry.core.state.Lock;

import io.carbonx.schemas.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;

/**
 * Which of a decision's journal entries the outside world sees, and where:
 * <ul>
 *   <li>the catalogue event itself on its topic: identity events on {@value Topics#IDENTITY}, funds on
 *       {@value Topics#FUNDS}, quotas on {@value Topics#QUOTAS}, order decisions on {@value Topics#ORDERS} (keyed
 *       by instrument; a book's own cancel or expiry is not echoed back), settlement, defaults and account states
 *       on {@value Topics#SETTLEMENT}, compliance on {@value Topics#COMPLIANCE}, each keyed as the catalogue
 *       says;</li>
 *   <li>derived lock events on {@value Topics#SETTLEMENT}: DepositLocked for an accepted order and for both
 *       sides of an agreement; DepositReleased when an order's lock is released, when a trade settles (consumed
 *       and released parts) and when a defaulted trade is unwound;</li>
 *   <li>journal-only decisions (AccountOpened, CreditGradeChanged, InstrumentDefined, TradeRecorded, TradeUnwound,
 *       SettlementWindowClosed, AnnualSettlementCompleted, RegistrationSubmitted/Rejected) and the registry's
 *       copy of an exchange AgreementRegistered are not republished.</li>
 * </ul>
 */
final class PublicProjection {
    private static final Map<Class<?>, String> TOPIC = Map.ofEntries(
            Map.entry(ParticipantRegistered.class, Topics.IDENTITY), Map.entry(CertificateRevoked.class, Topics.IDENTITY),
            Map.entry(FundsDeposited.class, Topics.FUNDS), Map.entry(FundsWithdrawn.class, Topics.FUNDS),
            Map.entry(QuotaAllocated.class, Topics.QUOTAS), Map.entry(OffsetIssued.class, Topics.QUOTAS),
            Map.entry(OrderAccepted.class, Topics.ORDERS), Map.entry(OrderRejected.class, Topics.ORDERS),
            Map.entry(OrderCancelled.class, Topics.ORDERS), Map.entry(OrderExpired.class, Topics.ORDERS),
            Map.entry(AgreementRejected.class, Topics.SETTLEMENT), Map.entry(TradeSettled.class, Topics.SETTLEMENT),
            Map.entry(DefaultRecorded.class, Topics.SETTLEMENT), Map.entry(DepositForfeited.class, Topics.SETTLEMENT),
            Map.entry(AccountFrozen.class, Topics.SETTLEMENT), Map.entry(AccountUnfrozen.class, Topics.SETTLEMENT),
            Map.entry(AccountCancelled.class, Topics.SETTLEMENT),
            Map.entry(EmissionsVerified.class, Topics.COMPLIANCE),
            Map.entry(AllowancesSurrendered.class, Topics.COMPLIANCE),
            Map.entry(ComplianceSettled.class, Topics.COMPLIANCE), Map.entry(PenaltyApplied.class, Topics.COMPLIANCE));

    private PublicProjection() {
    }

    /**
     * @param decision a decision
     * @param after    the ledger state after the decision (what a lock still holds after a partial release)
     * @return its public records, in journal order, followed by the decision's extra records
     */
    static List<Decision.Published> of(Decision decision, LedgerState after) {
        List<Decision.Published> out = new ArrayList<>();
        boolean agreementDefault = false;
        for (SpecificRecord r : decision.journal) {
            String topic = TOPIC.get(r.getClass());
            boolean bookEcho = !decision.echoOrderOutcomes && (r instanceof OrderCancelled || r instanceof OrderExpired);
            if (topic != null && !bookEcho) {
                out.add(new Decision.Published(topic, Topics.byName(topic).keyOf(r), r));
            }
            if (r instanceof DefaultRecorded d) {
                agreementDefault = d.getAgreementId() != null;
            }
            derived(r, agreementDefault, after, out);
        }
        out.addAll(decision.published);
        return out;
    }

    private static void derived(SpecificRecord r, boolean agreementDefault, LedgerState after,
                                List<Decision.Published> out) {
        if (r instanceof OrderAccepted o) {
            out.add(locked(o.getEnvelope(), "", Lock.orderLockId(o.getOrderId()), o.getParticipantId(),
                    LockPurpose.ORDER, o.getOrderId(), o.getInstrumentId(), o.getDepositLockedMinor(),
                    o.getQuantityLocked()));
        } else if (r instanceof AgreementRegistered a) {
            out.add(locked(a.getEnvelope(), "-buyer", Lock.buyerLockId(a.getAgreementId()), a.getBuyerId(),
                    LockPurpose.AGREEMENT, a.getAgreementId(), a.getInstrumentId(), a.getBuyerDepositMinor(), 0));
            out.add(locked(a.getEnvelope(), "-seller", Lock.sellerLockId(a.getAgreementId()), a.getSellerId(),
                    LockPurpose.AGREEMENT, a.getAgreementId(), a.getInstrumentId(), a.getSellerDepositMinor(), 0));
        } else if (r instanceof OrderCancelled c) {
            Lock left = after.lock(Lock.orderLockId(c.getOrderId())).orElse(null);
            out.add(released(c.getEnvelope(), "", Lock.orderLockId(c.getOrderId()), c.getParticipantId(),
                    LockPurpose.ORDER, c.getOrderId(), c.getInstrumentId(), new long[] {c.getReleasedDepositMinor(),
                        c.getReleasedQuantity(), 0, 0, cash(left), quantity(left)}, c.getReasonCode()));
        } else if (r instanceof OrderExpired x) {
            Lock left = after.lock(Lock.orderLockId(x.getOrderId())).orElse(null);
            out.add(released(x.getEnvelope(), "", Lock.orderLockId(x.getOrderId()), x.getParticipantId(),
                    LockPurpose.ORDER, x.getOrderId(), x.getInstrumentId(), new long[] {x.getReleasedDepositMinor(),
                        x.getReleasedQuantity(), 0, 0, cash(left), quantity(left)}, x.getReasonCode()));
        } else if (r instanceof TradeSettled s) {
            LockPurpose p = s.getAgreement() ? LockPurpose.AGREEMENT : LockPurpose.ORDER;
            out.add(released(s.getEnvelope(), "-buyer", Lock.buyerLockId(s.getTradeId()), s.getBuyerId(), p,
                    s.getTradeId(), s.getInstrumentId(), new long[] {s.getBuyerDepositReleasedMinor(), 0,
                        s.getBuyerDepositAppliedMinor(), 0}, "SETTLED"));
            out.add(released(s.getEnvelope(), "-seller", Lock.sellerLockId(s.getTradeId()), s.getSellerId(), p,
                    s.getTradeId(), s.getInstrumentId(), new long[] {s.getSellerDepositReleasedMinor(), 0, 0,
                        s.getQuantityFromLock()}, "SETTLED"));
        } else if (r instanceof TradeUnwound u) {
            LockPurpose p = agreementDefault ? LockPurpose.AGREEMENT : LockPurpose.ORDER;
            out.add(released(u.getEnvelope(), "-buyer", Lock.buyerLockId(u.getTradeId()), u.getBuyerId(), p,
                    u.getTradeId(), null, new long[] {u.getBuyerCashReleasedMinor(), 0, 0, 0}, "UNWOUND"));
            out.add(released(u.getEnvelope(), "-seller", Lock.sellerLockId(u.getTradeId()), u.getSellerId(), p,
                    u.getTradeId(), null, new long[] {u.getSellerCashReleasedMinor(), u.getSellerQuantityReleased(),
                        0, 0}, "UNWOUND"));
        }
    }

    private static Decision.Published locked(EventEnvelope cause, String suffix, String lockId, String participantId,
                                             LockPurpose purpose, String referenceId, String instrumentId,
                                             long amountMinor, long quantity) {
        DepositLocked e = DepositLocked.newBuilder().setEnvelope(derive(cause, "DepositLocked", ".locked" + suffix))
                .setLockId(lockId).setParticipantId(participantId).setPurpose(purpose).setReferenceId(referenceId)
                .setInstrumentId(instrumentId).setAmountMinor(amountMinor).setQuantity(quantity).build();
        return new Decision.Published(Topics.SETTLEMENT, participantId, e);
    }

    private static long cash(Lock l) {
        return l == null ? 0 : l.cashMinor();
    }

    private static long quantity(Lock l) {
        return l == null ? 0 : l.quantity();
    }

    /**
     * {@code amounts} = released cash, released quantity, consumed cash, consumed quantity and, if given, what the
     * lock still holds (cash, quantity; a partial release of an order still open for fills); else nothing remains.
     */
    private static Decision.Published released(EventEnvelope cause, String suffix, String lockId, String participantId,
                                               LockPurpose purpose, String referenceId, String instrumentId,
                                               long[] amounts, String reason) {
        DepositReleased e = DepositReleased.newBuilder()
                .setEnvelope(derive(cause, "DepositReleased", ".released" + suffix)).setLockId(lockId)
                .setParticipantId(participantId).setPurpose(purpose).setReferenceId(referenceId)
                .setInstrumentId(instrumentId).setReleasedAmountMinor(amounts[0]).setReleasedQuantity(amounts[1])
                .setConsumedAmountMinor(amounts[2]).setConsumedQuantity(amounts[3])
                .setRemainingAmountMinor(amounts.length > 4 ? amounts[4] : 0L)
                .setRemainingQuantity(amounts.length > 4 ? amounts[5] : 0L).setReasonCode(reason).build();
        return new Decision.Published(Topics.SETTLEMENT, participantId, e);
    }

    private static EventEnvelope derive(EventEnvelope cause, String type, String suffix) {
        return EventEnvelope.newBuilder(cause).setEventId(cause.getEventId() + suffix).setType(type)
                .setCauseId(cause.getEventId()).build();
    }

}
