package io.carbonx.node.metrics.core;

import io.carbonx.events.CreditGrade;
import io.carbonx.events.DefaultKind;
import io.carbonx.events.DefaultRecorded;
import io.carbonx.events.EventEnvelope;
import io.carbonx.events.OrderAccepted;
import io.carbonx.events.OrderCancelled;
import io.carbonx.events.OrderRejected;
import io.carbonx.events.OrderSubmitted;
import io.carbonx.events.OrderType;
import io.carbonx.events.RequestSignature;
import io.carbonx.events.Side;
import io.carbonx.events.TimeInForce;
import io.carbonx.events.TradeExecuted;
import io.carbonx.events.TradeSettled;
import io.carbonx.events.TradeUnwound;
import io.carbonx.events.TradeVenue;
import java.nio.ByteBuffer;

/** Minimal valid events for the metrics tests (the fields metrics read are parameters; the rest plausible). */
public final class SampleEvents {
    public static final String INSTRUMENT = "EUA-2026";

    private SampleEvents() {
    }

    static EventEnvelope envelope(String id, String type) {
        return EventEnvelope.newBuilder().setEventId(id).setType(type).setCauseId(null).setLogicalTime(1)
                .setActor("test").build();
    }

    public static OrderSubmitted submitted(String orderId, Side side) {
        return OrderSubmitted.newBuilder().setEnvelope(envelope("e-" + orderId, "OrderSubmitted"))
                .setOrderId(orderId).setParticipantId("p-" + orderId).setClientOrderId("c-" + orderId).setSequence(1)
                .setInstrumentId(INSTRUMENT).setSide(side).setOrderType(OrderType.LIMIT)
                .setTimeInForce(TimeInForce.GTC).setPriceMinor(8_000L).setQuantity(10)
                .setRequestBytes(ByteBuffer.wrap(new byte[] {1})).setSignature(RequestSignature.newBuilder()
                        .setSignerId("p-" + orderId).setCertificateSerial("01").setAlgorithm("SHA256withECDSA")
                        .setValue(ByteBuffer.wrap(new byte[] {2})).build()).build();
    }

    public static OrderAccepted accepted(String orderId, Side side) {
        return OrderAccepted.newBuilder().setEnvelope(envelope("a-" + orderId, "OrderAccepted")).setOrderId(orderId)
                .setParticipantId("p-" + orderId).setClientOrderId("c-" + orderId).setInstrumentId(INSTRUMENT)
                .setSide(side).setOrderType(OrderType.LIMIT).setTimeInForce(TimeInForce.GTC).setPriceMinor(8_000L)
                .setQuantity(10).setGrade(CreditGrade.UNRATED).setDepositShareBps(1000).setDepositLockedMinor(8_000)
                .setQuantityLocked(0).build();
    }

    public static OrderRejected rejected(String orderId, String reason) {
        return OrderRejected.newBuilder().setEnvelope(envelope("r-" + orderId, "OrderRejected")).setOrderId(orderId)
                .setClientOrderId("c-" + orderId).setParticipantId("p-" + orderId).setInstrumentId(INSTRUMENT)
                .setReasonCode(reason).setDetail(reason).build();
    }

    public static OrderCancelled cancelled(String orderId) {
        return OrderCancelled.newBuilder().setEnvelope(envelope("x-" + orderId, "OrderCancelled")).setOrderId(orderId)
                .setParticipantId("p-" + orderId).setInstrumentId(INSTRUMENT).setRemainingQuantity(10)
                .setReasonCode("REQUESTED").setReleasedDepositMinor(8_000).setReleasedQuantity(0).build();
    }

    /** A continuous-book trade; {@code aggressor} null for an auction fill. */
    public static TradeExecuted trade(String tradeId, String buyOrderId, String sellOrderId, Side aggressor) {
        return TradeExecuted.newBuilder().setEnvelope(envelope("t-" + tradeId, "TradeExecuted")).setTradeId(tradeId)
                .setInstrumentId(INSTRUMENT).setPriceMinor(8_000).setQuantity(7).setBuyOrderId(buyOrderId)
                .setSellOrderId(sellOrderId).setBuyerId("p-" + buyOrderId).setSellerId("p-" + sellOrderId)
                .setAggressorSide(aggressor).setVenue(aggressor == null ? TradeVenue.CALL_AUCTION
                        : TradeVenue.CONTINUOUS).build();
    }

    public static TradeSettled settled(String tradeId) {
        return TradeSettled.newBuilder().setEnvelope(envelope("s-" + tradeId, "TradeSettled")).setTradeId(tradeId)
                .setSettlementWindowId("w-1").setInstrumentId(INSTRUMENT).setBuyerId("b").setSellerId("s")
                .setQuantity(7).setPriceMinor(8_000).setNotionalMinor(56_000).setBuyerCommissionMinor(10)
                .setSellerCommissionMinor(10).build();
    }

    public static TradeUnwound unwound(String tradeId) {
        return TradeUnwound.newBuilder().setEnvelope(envelope("u-" + tradeId, "TradeUnwound")).setTradeId(tradeId)
                .setBuyerId("b").setSellerId("s").setBuyerCashReleasedMinor(0).setSellerCashReleasedMinor(0)
                .setSellerQuantityReleased(7).build();
    }

    public static DefaultRecorded defaulted(String tradeId, DefaultKind kind) {
        return DefaultRecorded.newBuilder().setEnvelope(envelope("d-" + tradeId, "DefaultRecorded"))
                .setDefaultId("d-" + tradeId).setDefaulterId("b").setCounterpartyId("s").setTradeId(tradeId)
                .setAmountMinor(5_600).setKind(kind).setReportedBy("registry").build();
    }
}
