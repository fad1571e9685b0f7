package io.carbonx.registry.it;

import io.carbonx.events.ClockTicked;
import io.carbonx.events.EventEnvelope;
import io.carbonx.events.OrderSubmitted;
import io.carbonx.events.OrderType;
import io.carbonx.events.RequestSignature;
import io.carbonx.events.Side;
import io.carbonx.events.TimeInForce;
import io.carbonx.events.TradeExecuted;
import io.carbonx.events.TradeVenue;
import java.nio.ByteBuffer;
import java.util.UUID;

/** The other services' events, as the gateway, the matcher and the clock would publish them. */
final class Inputs {
    private Inputs() {
    }

    static EventEnvelope envelope(String type, long time, String actor) {
        return EventEnvelope.newBuilder().setEventId(type + "-" + UUID.randomUUID()).setType(type).setCauseId(null)
                .setLogicalTime(time).setActor(actor).build();
    }

    static OrderSubmitted order(String orderId, String participantId, String instrumentId, Side side, long priceMinor,
                                long quantity, long time) {
        return OrderSubmitted.newBuilder().setEnvelope(envelope("OrderSubmitted", time, "gateway"))
                .setOrderId(orderId).setParticipantId(participantId).setClientOrderId("c-" + orderId).setSequence(1)
                .setInstrumentId(instrumentId).setSide(side).setOrderType(OrderType.LIMIT)
                .setTimeInForce(TimeInForce.GTC).setPriceMinor(priceMinor).setQuantity(quantity).setExpiresAtMs(null)
                .setRequestBytes(ByteBuffer.allocate(0))
                .setSignature(new RequestSignature(participantId, "1", "SHA256withECDSA", ByteBuffer.allocate(0)))
                .build();
    }

    static TradeExecuted trade(String tradeId, String instrumentId, String buyOrderId, String sellOrderId,
                               String buyerId, String sellerId, long priceMinor, long quantity, long time) {
        return TradeExecuted.newBuilder().setEnvelope(envelope("TradeExecuted", time, "matcher")).setTradeId(tradeId)
                .setInstrumentId(instrumentId).setPriceMinor(priceMinor).setQuantity(quantity)
                .setBuyOrderId(buyOrderId).setSellOrderId(sellOrderId).setBuyerId(buyerId).setSellerId(sellerId)
                .setAggressorSide(Side.BUY).setVenue(TradeVenue.CONTINUOUS).setAuctionId(null)
                .setBuyerCommissionBps(null).setSellerCommissionBps(null).build();
    }

    /** The book's OrderCancelled of {@code remaining} units (no locks released: the registry works them out). */
    static io.carbonx.events.OrderCancelled bookCancelled(String orderId, String participantId, String instrumentId,
                                                          long remaining, String reasonCode, long time) {
        return io.carbonx.events.OrderCancelled.newBuilder().setEnvelope(envelope("OrderCancelled", time, "exchange"))
                .setOrderId(orderId).setParticipantId(participantId).setInstrumentId(instrumentId)
                .setRemainingQuantity(remaining).setReasonCode(reasonCode).setReleasedDepositMinor(0)
                .setReleasedQuantity(0).build();
    }

    static ClockTicked tick(long time, long sequence) {
        return ClockTicked.newBuilder().setEnvelope(envelope("ClockTicked", time, "carbonx-registry"))
                .setScope("settlement").setTickSequence(sequence).build();
    }
}
