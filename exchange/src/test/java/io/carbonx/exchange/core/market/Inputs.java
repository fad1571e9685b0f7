package io.carbonx.exchange.core.market;

import io.carbonx.events.ClockTicked;
import io.carbonx.events.CreditGrade;
import io.carbonx.events.EventEnvelope;
import io.carbonx.events.OrderAccepted;
import io.carbonx.events.OrderCancelRequested;
import io.carbonx.events.OrderType;
import io.carbonx.events.Side;
import io.carbonx.events.TimeInForce;
import java.nio.ByteBuffer;

/** Builders of the exchange's input events, as the registry and the clock write them. */
public final class Inputs {

    private static long ids;

    private Inputs() {
    }

    public static EventEnvelope envelope(String id, String type, long timeMs, String actor) {
        return EventEnvelope.newBuilder().setEventId(id).setType(type).setCauseId(null).setLogicalTime(timeMs)
                .setActor(actor).build();
    }

    /** A LIMIT GTC order accepted by the registry. */
    public static OrderAccepted.Builder accepted(String orderId, String participant, String instrument, Side side,
                                                 long price, long quantity, CreditGrade grade, long timeMs) {
        return OrderAccepted.newBuilder()
                .setEnvelope(envelope("acc-" + orderId + "-" + (++ids), "OrderAccepted", timeMs, "registry"))
                .setOrderId(orderId).setParticipantId(participant).setClientOrderId("c-" + orderId)
                .setInstrumentId(instrument).setSide(side).setOrderType(OrderType.LIMIT)
                .setTimeInForce(TimeInForce.GTC).setPriceMinor(price).setQuantity(quantity).setExpiresAtMs(null)
                .setGrade(grade).setDepositShareBps(1000).setDepositLockedMinor(0).setQuantityLocked(0)
                .setReplacesOrderId(null);
    }

    public static OrderAccepted buy(String orderId, String participant, String instrument, long price, long quantity,
                                    long timeMs) {
        return accepted(orderId, participant, instrument, Side.BUY, price, quantity, CreditGrade.UNRATED, timeMs)
                .build();
    }

    public static OrderAccepted sell(String orderId, String participant, String instrument, long price,
                                     long quantity, long timeMs) {
        return accepted(orderId, participant, instrument, Side.SELL, price, quantity, CreditGrade.UNRATED, timeMs)
                .build();
    }

    public static OrderCancelRequested cancel(String orderId, String participant, String instrument, long timeMs) {
        return OrderCancelRequested.newBuilder()
                .setEnvelope(envelope("cxl-" + orderId + "-" + (++ids), "OrderCancelRequested", timeMs, participant))
                .setOrderId(orderId).setParticipantId(participant).setInstrumentId(instrument).setSequence(ids)
                .setRequestBytes(ByteBuffer.wrap(new byte[] {1})).setSignature(io.carbonx.events.RequestSignature
                        .newBuilder().setSignerId(participant).setCertificateSerial("1").setAlgorithm("Ed25519")
                        .setValue(ByteBuffer.wrap(new byte[] {2})).build())
                .build();
    }

    public static ClockTicked tick(String scope, long sequence, long timeMs) {
        return ClockTicked.newBuilder()
                .setEnvelope(envelope("tick-" + scope + "-" + sequence, "ClockTicked", timeMs, "exchange-clock"))
                .setScope(scope).setTickSequence(sequence).build();
    }

    public static io.carbonx.events.RequestSignature signature(String signer) {
        return io.carbonx.events.RequestSignature.newBuilder().setSignerId(signer).setCertificateSerial("1f")
                .setAlgorithm("SHA256withECDSA").setValue(ByteBuffer.wrap(new byte[] {7})).build();
    }

    /** Agreement terms as the gateway forwards them (signatures already verified there). */
    public static io.carbonx.events.AgreementSubmitted agreement(io.carbonx.requests.AgreementTerms terms,
                                                                  String submittedBy, long timeMs) {
        byte[] bytes;
        try {
            bytes = terms.toByteBuffer().array();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return io.carbonx.events.AgreementSubmitted.newBuilder()
                .setEnvelope(envelope("agr-" + terms.getAgreementId() + "-" + (++ids), "AgreementSubmitted", timeMs,
                        submittedBy))
                .setAgreementId(terms.getAgreementId()).setInstrumentId(terms.getInstrumentId())
                .setBuyerId(terms.getBuyerId()).setSellerId(terms.getSellerId()).setSubmittedBy(submittedBy)
                .setTermsBytes(ByteBuffer.wrap(bytes)).setBuyerSignature(signature(terms.getBuyerId()))
                .setSellerSignature(signature(terms.getSellerId())).build();
    }

    public static io.carbonx.events.AuctionScheduleRequested schedule(String auctionId, String instrument,
                                                                       String regulator,
                                                                       io.carbonx.events.Role role, long total,
                                                                       long reserve, long openAt, long closeAt,
                                                                       long timeMs) {
        return io.carbonx.events.AuctionScheduleRequested.newBuilder()
                .setEnvelope(envelope("sch-" + auctionId + "-" + (++ids), "AuctionScheduleRequested", timeMs,
                        regulator))
                .setAuctionId(auctionId).setInstrumentId(instrument).setVintage(2026).setRegulatorId(regulator)
                .setActorRole(role).setTotalQuantity(total).setReservePriceMinor(reserve).setOpenAtMs(openAt)
                .setCloseAtMs(closeAt).setLotSize(1).setTickSizeMinor(1).setMaxBidsPerBidder(20)
                .setCancelIfUndersubscribed(false).build();
    }

    public static io.carbonx.events.AuctionBidRequested bid(String auctionId, String instrument, String bidder,
                                                             String bidId, String action, long price, long quantity,
                                                             long timeMs) {
        return io.carbonx.events.AuctionBidRequested.newBuilder()
                .setEnvelope(envelope("bid-" + bidId + "-" + (++ids), "AuctionBidRequested", timeMs, bidder))
                .setAuctionId(auctionId).setInstrumentId(instrument).setBidderId(bidder).setBidId(bidId)
                .setAction(action).setPriceMinor(price).setQuantity(quantity).build();
    }

    public static io.carbonx.events.AuctionCloseRequested close(String auctionId, String instrument, String who,
                                                                 long timeMs) {
        return io.carbonx.events.AuctionCloseRequested.newBuilder()
                .setEnvelope(envelope("close-" + auctionId + "-" + (++ids), "AuctionCloseRequested", timeMs, who))
                .setAuctionId(auctionId).setInstrumentId(instrument).setRequestedBy(who).build();
    }
}
