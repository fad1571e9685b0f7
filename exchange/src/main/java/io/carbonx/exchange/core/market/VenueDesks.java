package io.carbonx.exchange.core.market;

import io.carbonx.events.AgreementRegistered;
import io.carbonx.events.AgreementSubmitted;
import io.carbonx.events.AuctionAllocated;
import io.carbonx.events.AuctionBidRequested;
import io.carbonx.events.AuctionCleared;
import io.carbonx.events.AuctionCloseRequested;
import io.carbonx.events.AuctionFill;
import io.carbonx.events.AuctionKind;
import io.carbonx.events.AuctionScheduleRequested;
import io.carbonx.events.Side;
import io.carbonx.exchange.core.agreement.AgreementDecision;
import io.carbonx.exchange.core.agreement.AgreementDesk;
import io.carbonx.exchange.core.agreement.AgreementInstrumentRules;
import io.carbonx.exchange.core.agreement.AgreementRegistration;
import io.carbonx.exchange.core.agreement.AgreementRejectReason;
import io.carbonx.exchange.core.agreement.AgreementTerms;
import io.carbonx.exchange.core.primary.AuctionReply;
import io.carbonx.exchange.core.primary.AuctionResult;
import io.carbonx.exchange.core.primary.AuctionSpec;
import io.carbonx.exchange.core.primary.BidOutcome;
import io.carbonx.exchange.core.primary.BidderAllocation;
import io.carbonx.exchange.core.primary.CloseOutcome;
import io.carbonx.exchange.core.primary.PrimaryAuctionHouse;
import io.carbonx.exchange.core.primary.SealedBid;
import io.carbonx.exchange.core.primary.UndersubscriptionPolicy;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The negotiated and primary venues of one book instrument, on the instrument's partition:
 * <ul>
 *   <li><b>Agreements</b> ({@link AgreementDesk}): AgreementSubmitted (both signatures verified by the gateway)
 *       → the desk checks the terms against the band around the instrument's reference (the last trade price,
 *       else the book's reference price) → AgreementRegistered on the trades topic, with the signed bytes and both
 *       signatures; or RequestRejected AGREEMENT with the desk's reason (MALFORMED when the bytes are not terms for
 *       this instrument).</li>
 *   <li><b>Primary auctions</b> ({@link PrimaryAuctionHouse}): AuctionScheduleRequested, AuctionBidRequested
 *       (SUBMIT, AMEND, WITHDRAW; accepted bids stay sealed: nothing is published) and AuctionCloseRequested (only
 *       the auction's regulator; NOT_AUCTION_REGULATOR otherwise) → AuctionCleared (kind PRIMARY: clearing price,
 *       reserve as reference, allocated quantity as volume, unsold quantity as imbalance, one fill per bid) then
 *       one AuctionAllocated per winning bidder, which the registry turns into QuotaAllocated; refusals are
 *       RequestRejected with the house's reason.</li>
 * </ul>
 */
final class VenueDesks {

    private final String instrumentId;
    private final AgreementDesk desk;
    private final PrimaryAuctionHouse auctions = new PrimaryAuctionHouse();

    VenueDesks(String chainId, MarketDefinition definition) {
        this.instrumentId = definition.instrumentId();
        AgreementInstrumentRules rules = definition.agreementRules();
        this.desk = new AgreementDesk(chainId, rules == null ? List.of() : List.of(rules));
    }

    void agreement(AgreementSubmitted a, long referencePrice, long time, Outputs out) {
        byte[] bytes = bytes(a.getTermsBytes());
        Optional<io.carbonx.requests.AgreementTerms> terms = decode(bytes);
        if (terms.isEmpty() || !terms.get().getInstrumentId().equals(instrumentId)
                || !terms.get().getAgreementId().equals(a.getAgreementId())) {
            Rejections.rejected(out, Rejections.AGREEMENT, a.getSubmittedBy(), a.getAgreementId(),
                    AgreementRejectReason.MALFORMED.name(), "the signed bytes are not these agreement terms", bytes,
                    time);
            return;
        }
        io.carbonx.requests.AgreementTerms t = terms.get();
        if (referencePrice > 0) {
            desk.updateReferencePrice(instrumentId, referencePrice);
        }
        AgreementDecision d = desk.register(new AgreementTerms(t.getChainId(), t.getAgreementId(),
                t.getInstrumentId(), t.getBuyerId(), t.getSellerId(), t.getPriceMinor(), t.getQuantity(),
                t.getSettlementDateMs(), t.getExpiresAtMs()), time);
        if (!d.isRegistered()) {
            Rejections.rejected(out, Rejections.AGREEMENT, a.getSubmittedBy(), a.getAgreementId(),
                    d.reason().name(), d.detail(), bytes, time);
            return;
        }
        AgreementRegistration r = d.registration();
        out.add(Destination.TRADES, instrumentId, AgreementRegistered.newBuilder()
                .setEnvelope(out.envelope("AgreementRegistered", time)).setAgreementId(r.agreementId())
                .setInstrumentId(instrumentId).setBuyerId(r.buyerId()).setSellerId(r.sellerId())
                .setPriceMinor(r.priceMinor()).setQuantity(r.quantity()).setSettlementDateMs(r.settlementDateMs())
                .setTermsBytes(ByteBuffer.wrap(bytes)).setBuyerSignature(a.getBuyerSignature())
                .setSellerSignature(a.getSellerSignature()).build());
    }

    void schedule(AuctionScheduleRequested s, long time, Outputs out) {
        AuctionSpec spec = new AuctionSpec(s.getAuctionId(), instrumentId, s.getVintage(), s.getRegulatorId(),
                s.getTotalQuantity(), s.getReservePriceMinor(), s.getOpenAtMs(), s.getCloseAtMs(), s.getLotSize(),
                s.getTickSizeMinor(), s.getMaxBidsPerBidder(), s.getCancelIfUndersubscribed()
                        ? UndersubscriptionPolicy.CANCEL : UndersubscriptionPolicy.CLEAR_AT_RESERVE);
        refused(auctions.schedule(spec, s.getActorRole(), time), Rejections.AUCTION_SCHEDULE, s.getRegulatorId(),
                s.getAuctionId(), time, out);
    }

    void bid(AuctionBidRequested b, long time, Outputs out) {
        AuctionReply reply = switch (b.getAction()) {
            case "SUBMIT" -> auctions.submitBid(b.getAuctionId(), new SealedBid(b.getBidId(), b.getBidderId(),
                    b.getPriceMinor(), b.getQuantity()), time);
            case "AMEND" -> auctions.amendBid(b.getAuctionId(), b.getBidderId(), b.getBidId(), b.getPriceMinor(),
                    b.getQuantity(), time);
            case "WITHDRAW" -> auctions.withdrawBid(b.getAuctionId(), b.getBidderId(), b.getBidId(), time);
            default -> null;
        };
        if (reply == null) {
            Rejections.rejected(out, Rejections.AUCTION_BID, b.getBidderId(), b.getBidId(), "MALFORMED",
                    "action must be SUBMIT, AMEND or WITHDRAW, was " + b.getAction(), null, time);
            return;
        }
        refused(reply, Rejections.AUCTION_BID, b.getBidderId(), b.getBidId(), time, out);
    }

    void close(AuctionCloseRequested c, long time, Outputs out) {
        Optional<AuctionSpec> spec = auctions.spec(c.getAuctionId());
        if (spec.isPresent() && !spec.get().regulatorId().equals(c.getRequestedBy())) {
            Rejections.rejected(out, Rejections.AUCTION_CLOSE, c.getRequestedBy(), c.getAuctionId(),
                    "NOT_AUCTION_REGULATOR", "only " + spec.get().regulatorId() + " closes " + c.getAuctionId(), null,
                    time);
            return;
        }
        CloseOutcome outcome = auctions.close(c.getAuctionId(), time);
        if (!outcome.cleared()) {
            refused(outcome.reply(), Rejections.AUCTION_CLOSE, c.getRequestedBy(), c.getAuctionId(), time, out);
            return;
        }
        publish(outcome.result(), time, out);
    }

    private void publish(AuctionResult r, long time, Outputs out) {
        List<AuctionFill> fills = new ArrayList<>();
        for (BidOutcome b : r.bids()) {
            fills.add(AuctionFill.newBuilder().setOrderId(b.bidId()).setParticipantId(b.bidderId()).setSide(Side.BUY)
                    .setLimitPriceMinor(b.priceMinor()).setRequestedQuantity(b.quantity())
                    .setFilledQuantity(b.allocatedQuantity()).build());
        }
        out.add(Destination.TRADES, instrumentId, AuctionCleared.newBuilder()
                .setEnvelope(out.envelope("AuctionCleared", time)).setAuctionId(r.auctionId())
                .setInstrumentId(instrumentId).setKind(AuctionKind.PRIMARY)
                .setClearingPriceMinor(r.status() == AuctionResult.Status.CANCELLED ? null : r.clearingPriceMinor())
                .setReferencePriceMinor(r.reservePriceMinor()).setExecutedQuantity(r.allocatedQuantity())
                .setImbalanceQuantity(r.unsoldQuantity()).setImbalanceSide(r.unsoldQuantity() > 0 ? Side.SELL : null)
                .setFills(fills).build());
        for (BidderAllocation a : r.allocations()) {
            out.add(Destination.TRADES, instrumentId, AuctionAllocated.newBuilder()
                    .setEnvelope(out.envelope("AuctionAllocated", time)).setAllocationId(a.allocationId())
                    .setAuctionId(a.auctionId()).setInstrumentId(instrumentId).setVintage(a.vintage())
                    .setParticipantId(a.bidderId()).setQuantity(a.quantity()).setPriceMinor(a.priceMinor())
                    .setAmountMinor(a.amountMinor()).build());
        }
    }

    private static void refused(AuctionReply reply, String requestType, String participantId, String requestId,
                                long time, Outputs out) {
        if (!reply.accepted()) {
            Rejections.rejected(out, requestType, participantId, requestId, reply.reason().name(), reply.detail(),
                    null, time);
        }
    }

    private static Optional<io.carbonx.requests.AgreementTerms> decode(byte[] bytes) {
        try {
            return Optional.of(io.carbonx.requests.AgreementTerms.getDecoder().decode(bytes));
        } catch (java.io.IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer b = buffer.duplicate();
        byte[] out = new byte[b.remaining()];
        b.get(out);
        return out;
    }

    void digestInto(MessageDigest d) {
        Hashing.putString(d, desk.stateHash());
        Hashing.putString(d, auctions.stateHash());
    }
}
