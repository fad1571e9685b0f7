package io.carbonx.registry.journal;

import io.carbonx.events.AgreementRegistered;
import io.carbonx.events.AgreementRejected;
import io.carbonx.events.CreditGrade;
import io.carbonx.events.DefaultKind;
import io.carbonx.events.DefaultRecorded;
import io.carbonx.events.DefaultReported;
import io.carbonx.events.DepositForfeited;
import io.carbonx.events.OrderAccepted;
import io.carbonx.events.OrderCancelled;
import io.carbonx.events.OrderExpired;
import io.carbonx.events.OrderRejected;
import io.carbonx.events.OrderReplaceRequested;
import io.carbonx.events.OrderSubmitted;
import io.carbonx.events.OrderType;
import io.carbonx.events.RequestSignature;
import io.carbonx.events.SettlementWindowClosed;
import io.carbonx.events.TimeInForce;
import io.carbonx.events.TradeRecorded;
import io.carbonx.events.TradeSettled;
import io.carbonx.events.TradeUnwound;
import io.carbonx.registry.core.event.LedgerEvent;
import io.carbonx.registry.core.model.TradeKind;
import io.carbonx.registry.core.state.LedgerState;
import io.carbonx.registry.core.state.Lock;
import io.carbonx.registry.core.state.OpenOrder;
import io.carbonx.registry.core.state.PendingTrade;

/**
 * Journal encodings of the order, trade, settlement and default events. Mappings that are not one-to-one:
 * <ul>
 *   <li>OrderAccepted/Rejected take the order's client id, type, time in force and expiry from the gateway's
 *       OrderSubmitted (or OrderReplaceRequested, which also sets {@code replacesOrderId}); the grade is the
 *       participant's at acceptance, {@code depositShareBps} its grade's share and {@code priorityTier} its grade's
 *       configured priority tier (the one source of the exchange's ranking at equal price). The ledger's order price of a
 *       MARKET order is its protection price: published as {@code protectionPriceMinor} with a null
 *       {@code priceMinor} (and read back the same way).</li>
 *   <li>OrderCancelled/Expired: instrument of the open order and the quantity taken off it (all that remained, or
 *       the part a book cancelled before its earlier fills were recorded); {@code reasonCode} is the cancel cause
 *       (REQUESTED, ACCOUNT_FROZEN) or EXPIRED.</li>
 *   <li>TradeRecorded: the pool side of an energy trade (no order) is written as order id "".</li>
 *   <li>TradeSettled: {@code settlementWindowId} is {@code window-<close ms>}.</li>
 *   <li>DefaultRecorded/DepositForfeited: {@code defaultId = default-<tradeId>} (a trade defaults once); the id
 *       goes to {@code tradeId} or {@code agreementId} by the pending trade's kind.</li>
 * </ul>
 */
final class TradingEncodings {
    private TradingEncodings() {
    }

    static void register(EncoderTable t) {
        t.on(LedgerEvent.OrderAccepted.class, TradingEncodings::accepted);
        t.on(LedgerEvent.OrderRejected.class, TradingEncodings::rejected);
        t.on(LedgerEvent.OrderCancelled.class, (e, s, c) -> {
            OpenOrder o = s.openOrder(e.orderId()).orElseThrow();
            return OrderCancelled.newBuilder().setEnvelope(c.nextEnvelope("OrderCancelled", e.time()))
                    .setOrderId(e.orderId()).setParticipantId(e.participantId()).setInstrumentId(o.instrumentId())
                    .setRemainingQuantity(e.cancelledQuantity()).setReasonCode(e.cause().name())
                    .setReleasedDepositMinor(e.depositReleasedMinor()).setReleasedQuantity(e.quantityReleased())
                    .build();
        });
        t.on(LedgerEvent.OrderExpired.class, (e, s, c) -> {
            OpenOrder o = s.openOrder(e.orderId()).orElseThrow();
            return OrderExpired.newBuilder().setEnvelope(c.nextEnvelope("OrderExpired", e.time()))
                    .setOrderId(e.orderId()).setParticipantId(e.participantId()).setInstrumentId(o.instrumentId())
                    .setRemainingQuantity(e.expiredQuantity()).setReasonCode("EXPIRED")
                    .setReleasedDepositMinor(e.depositReleasedMinor()).setReleasedQuantity(e.quantityReleased())
                    .build();
        });
        t.on(LedgerEvent.TradeRecorded.class, (e, s, c) -> TradeRecorded.newBuilder()
                .setEnvelope(c.nextEnvelope("TradeRecorded", e.time())).setTradeId(e.tradeId())
                .setBuyOrderId(e.buyOrderId() == null ? "" : e.buyOrderId())
                .setSellOrderId(e.sellOrderId() == null ? "" : e.sellOrderId()).setBuyerId(e.buyerId())
                .setSellerId(e.sellerId()).setInstrumentId(e.instrumentId()).setPriceMinor(e.priceMinor())
                .setQuantity(e.quantity()).setBuyerDepositMinor(e.buyerDepositMinor())
                .setSellerDepositMinor(e.sellerDepositMinor()).setBuyerCommissionBps(e.buyerCommissionBps())
                .setSellerCommissionBps(e.sellerCommissionBps()).setDueAtMs(e.dueTime()).build());
        t.on(LedgerEvent.AgreementRegistered.class, TradingEncodings::agreement);
        t.on(LedgerEvent.AgreementRejected.class, (e, s, c) -> {
            AgreementRegistered in = c.source(AgreementRegistered.class);
            return AgreementRejected.newBuilder().setEnvelope(c.nextEnvelope("AgreementRejected", e.time()))
                    .setAgreementId(e.agreementId()).setInstrumentId(in == null ? "" : in.getInstrumentId())
                    .setBuyerId(in == null ? "" : in.getBuyerId()).setSellerId(in == null ? "" : in.getSellerId())
                    .setFailingParticipantId(null).setReasonCode(e.reason().name()).setDetail(e.detail()).build();
        });
        t.on(LedgerEvent.TradeSettled.class, TradingEncodings::settled);
        t.on(LedgerEvent.DefaultRecorded.class, TradingEncodings::defaulted);
        t.on(LedgerEvent.DepositForfeited.class, (e, s, c) -> {
            PendingTrade p = s.pendingTrade(e.tradeId()).orElseThrow();
            String lock = p.buyerId().equals(e.fromId()) ? Lock.buyerLockId(e.tradeId()) : Lock.sellerLockId(e.tradeId());
            return DepositForfeited.newBuilder().setEnvelope(c.nextEnvelope("DepositForfeited", e.time(),
                            DecisionContext.REGISTRY_ACTOR)).setDefaultId(defaultId(e.tradeId())).setLockId(lock)
                    .setFromParticipantId(e.fromId()).setToParticipantId(e.toId()).setAmountMinor(e.amountMinor())
                    .setUncoveredLossMinor(Math.max(0, c.lastLossMinor() - e.amountMinor()))
                    .setTradeId(e.tradeId()).build();
        });
        t.on(LedgerEvent.TradeUnwound.class, (e, s, c) -> TradeUnwound.newBuilder()
                .setEnvelope(c.nextEnvelope("TradeUnwound", e.time(), DecisionContext.REGISTRY_ACTOR))
                .setTradeId(e.tradeId()).setBuyerId(e.buyerId()).setSellerId(e.sellerId())
                .setBuyerCashReleasedMinor(e.buyerCashReleasedMinor())
                .setSellerCashReleasedMinor(e.sellerCashReleasedMinor())
                .setSellerQuantityReleased(e.sellerQuantityReleased()).build());
        t.on(LedgerEvent.SettlementWindowClosed.class, (e, s, c) -> SettlementWindowClosed.newBuilder()
                .setEnvelope(c.nextEnvelope("SettlementWindowClosed", e.time(), DecisionContext.REGISTRY_ACTOR))
                .setWindowId(windowId(e.time())).setSettledCount(e.settled()).setDefaultedCount(e.defaulted())
                .build());
    }

    /** @return the placeholder signature of an event with no signed request behind it */
    static RequestSignature noSignature() {
        return new RequestSignature("", "", "", Bytes.wrap(new byte[0]));
    }

    /**
     * @param tradeId a trade or agreement id
     * @return the id of its (only possible) default
     */
    static String defaultId(String tradeId) {
        return "default-" + tradeId;
    }

    /**
     * @param closeTime a window close time
     * @return the window's id
     */
    static String windowId(long closeTime) {
        return "window-" + closeTime;
    }

    private static OrderAccepted accepted(LedgerEvent.OrderAccepted e, LedgerState s, DecisionContext c) {
        OrderSubmitted sub = c.source(OrderSubmitted.class);
        OrderReplaceRequested rep = c.source(OrderReplaceRequested.class);
        CreditGrade grade = s.account(e.participantId()).orElseThrow().grade();
        OrderAccepted.Builder b = OrderAccepted.newBuilder().setEnvelope(c.nextEnvelope("OrderAccepted", e.time()))
                .setOrderId(e.orderId()).setParticipantId(e.participantId()).setInstrumentId(e.instrumentId())
                .setSide(e.side()).setPriceMinor(e.priceMinor()).setQuantity(e.quantity()).setGrade(grade)
                .setDepositShareBps(c.config().terms(grade).depositBps())
                .setPriorityTier(c.config().terms(grade).priorityTier()).setDepositLockedMinor(e.depositLockedMinor())
                .setQuantityLocked(e.quantityLocked()).setReplacesOrderId(null)
                .setClientOrderId(e.orderId()).setOrderType(OrderType.LIMIT).setTimeInForce(TimeInForce.GTC)
                .setExpiresAtMs(null);
        if (sub != null) {
            b.setClientOrderId(sub.getClientOrderId()).setOrderType(sub.getOrderType())
                    .setTimeInForce(sub.getTimeInForce()).setExpiresAtMs(sub.getExpiresAtMs());
            if (sub.getOrderType() == OrderType.MARKET) {
                b.setPriceMinor(null).setProtectionPriceMinor(e.priceMinor());
            }
        } else if (rep != null) {
            b.setClientOrderId(rep.getClientOrderId()).setExpiresAtMs(rep.getExpiresAtMs())
                    .setReplacesOrderId(rep.getOrderId());
        }
        return b.build();
    }

    private static OrderRejected rejected(LedgerEvent.OrderRejected e, LedgerState s, DecisionContext c) {
        OrderSubmitted sub = c.source(OrderSubmitted.class);
        OrderReplaceRequested rep = c.source(OrderReplaceRequested.class);
        String clientOrderId = sub != null ? sub.getClientOrderId() : rep != null ? rep.getClientOrderId() : "";
        String instrumentId = sub != null ? sub.getInstrumentId() : rep != null ? rep.getInstrumentId() : "";
        return OrderRejected.newBuilder().setEnvelope(c.nextEnvelope("OrderRejected", e.time()))
                .setOrderId(e.orderId()).setClientOrderId(clientOrderId)
                .setParticipantId(e.participantId() == null ? "" : e.participantId()).setInstrumentId(instrumentId)
                .setReasonCode(e.reason().name()).setDetail("").build();
    }

    private static AgreementRegistered agreement(LedgerEvent.AgreementRegistered e, LedgerState s,
                                                 DecisionContext c) {
        AgreementRegistered in = c.source(AgreementRegistered.class);
        return AgreementRegistered.newBuilder().setEnvelope(c.nextEnvelope("AgreementRegistered", e.time()))
                .setAgreementId(e.agreementId()).setInstrumentId(e.instrumentId()).setBuyerId(e.buyerId())
                .setSellerId(e.sellerId()).setPriceMinor(e.priceMinor()).setQuantity(e.quantity())
                .setSettlementDateMs(e.settleAt())
                .setTermsBytes(in == null ? Bytes.wrap(new byte[0]) : in.getTermsBytes())
                .setBuyerSignature(in == null ? noSignature() : in.getBuyerSignature())
                .setSellerSignature(in == null ? noSignature() : in.getSellerSignature())
                .setBuyerDepositMinor(e.buyerDepositMinor()).setSellerDepositMinor(e.sellerDepositMinor()).build();
    }

    private static TradeSettled settled(LedgerEvent.TradeSettled e, LedgerState s, DecisionContext c) {
        return TradeSettled.newBuilder()
                .setEnvelope(c.nextEnvelope("TradeSettled", e.time(), DecisionContext.REGISTRY_ACTOR))
                .setTradeId(e.tradeId()).setSettlementWindowId(windowId(e.time())).setInstrumentId(e.instrumentId())
                .setBuyerId(e.buyerId()).setSellerId(e.sellerId()).setQuantity(e.quantity())
                .setPriceMinor(e.priceMinor()).setNotionalMinor(e.notionalMinor())
                .setBuyerCommissionMinor(e.buyerCommissionMinor())
                .setSellerCommissionMinor(e.commissionMinor()).setAgreement(e.kind() == TradeKind.AGREEMENT)
                .setBuyerDepositAppliedMinor(e.buyerDepositAppliedMinor()).setBuyerCashPaidMinor(e.buyerCashPaidMinor())
                .setBuyerDepositReleasedMinor(e.buyerDepositReleasedMinor())
                .setSellerDepositReleasedMinor(e.sellerDepositReleasedMinor())
                .setQuantityFromLock(e.quantityFromLock()).setTradeTimeMs(e.tradeTime()).build();
    }

    private static DefaultRecorded defaulted(LedgerEvent.DefaultRecorded e, LedgerState s, DecisionContext c) {
        PendingTrade p = s.pendingTrade(e.tradeId()).orElseThrow();
        boolean external = e.kind() == DefaultKind.EXTERNAL_BANK || e.kind() == DefaultKind.ARBITRATION_RULING;
        DefaultReported report = c.source(DefaultReported.class);
        String reporter = external ? c.actor() : DecisionContext.REGISTRY_ACTOR;
        String id = defaultId(e.tradeId());
        c.rememberDefault(id, e.lossMinor());
        boolean agreement = p.kind() == TradeKind.AGREEMENT;
        return DefaultRecorded.newBuilder().setEnvelope(c.nextEnvelope("DefaultRecorded", e.time(), reporter))
                .setDefaultId(id).setDefaulterId(e.defaulterId()).setCounterpartyId(e.counterpartyId())
                .setTradeId(agreement ? null : e.tradeId()).setAgreementId(agreement ? e.tradeId() : null)
                .setAmountMinor(e.amountMinor()).setKind(e.kind()).setReportedBy(reporter)
                .setReportId(external && report != null ? report.getReportId() : null)
                .setLossMinor(e.lossMinor()).build();
    }
}
