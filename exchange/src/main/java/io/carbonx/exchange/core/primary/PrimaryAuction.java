package io.carbonx.exchange.core.primary;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import io.carbonx.exchange.core.CanonicalDigest;

/**
 * One sealed-bid primary auction. Bids are identified by (bidder, bid id); only their own bidder can see, amend or
 * withdraw them, and nothing about them is visible to anyone else until the result is published.
 *
 * <pre>
 * phase(now):  SCHEDULED (now &lt; openAt) → OPEN (openAt ≤ now &lt; closeAt) → AWAITING_CLEARING (now ≥ closeAt)
 *              → CLEARED (after close)
 * submit/amend/withdraw: accepted only when OPEN, else AUCTION_NOT_OPEN / AUCTION_CLOSED
 * close(now):  accepted only when now ≥ closeAt and not yet cleared, else TOO_EARLY_TO_CLOSE / ALREADY_CLOSED
 * </pre>
 */
final class PrimaryAuction {

    private record BidKey(String bidderId, String bidId) implements Comparable<BidKey> {
        @Override
        public int compareTo(BidKey o) {
            int c = bidderId.compareTo(o.bidderId);
            return c != 0 ? c : bidId.compareTo(o.bidId);
        }
    }

    private final AuctionSpec spec;
    private final TreeMap<BidKey, SealedBid> live = new TreeMap<>();
    private final TreeSet<BidKey> usedIds = new TreeSet<>();
    private final TreeMap<String, Integer> liveCount = new TreeMap<>();
    private AuctionResult result;

    PrimaryAuction(AuctionSpec spec) {
        this.spec = spec;
    }

    AuctionSpec spec() {
        return spec;
    }

    AuctionPhase phase(long nowMs) {
        if (result != null) {
            return AuctionPhase.CLEARED;
        }
        if (nowMs < spec.openAtMs()) {
            return AuctionPhase.SCHEDULED;
        }
        return nowMs < spec.closeAtMs() ? AuctionPhase.OPEN : AuctionPhase.AWAITING_CLEARING;
    }

    AuctionReply submit(SealedBid bid, long nowMs) {
        if (bid == null) {
            return AuctionReply.refused(AuctionRejectReason.MALFORMED, "bid is required");
        }
        AuctionReply refusal = window(nowMs);
        if (refusal == null) {
            refusal = AuctionValidation.checkBid(spec, bid.bidId(), bid.bidderId(), bid.priceMinor(), bid.quantity());
        }
        if (refusal != null) {
            return refusal;
        }
        BidKey key = new BidKey(bid.bidderId(), bid.bidId());
        if (usedIds.contains(key)) {
            return AuctionReply.refused(AuctionRejectReason.DUPLICATE_BID_ID, bid.bidId());
        }
        int count = liveCount.getOrDefault(bid.bidderId(), 0);
        if (count >= spec.maxBidsPerBidder()) {
            return AuctionReply.refused(AuctionRejectReason.TOO_MANY_BIDS, "limit " + spec.maxBidsPerBidder());
        }
        usedIds.add(key);
        live.put(key, bid);
        liveCount.put(bid.bidderId(), count + 1);
        return AuctionReply.OK;
    }

    AuctionReply amend(String bidderId, String bidId, long priceMinor, long quantity, long nowMs) {
        AuctionReply refusal = findOwn(bidderId, bidId, nowMs);
        if (refusal == null) {
            refusal = AuctionValidation.checkBid(spec, bidId, bidderId, priceMinor, quantity);
        }
        if (refusal != null) {
            return refusal;
        }
        live.put(new BidKey(bidderId, bidId), new SealedBid(bidId, bidderId, priceMinor, quantity));
        return AuctionReply.OK;
    }

    AuctionReply withdraw(String bidderId, String bidId, long nowMs) {
        AuctionReply refusal = findOwn(bidderId, bidId, nowMs);
        if (refusal != null) {
            return refusal;
        }
        live.remove(new BidKey(bidderId, bidId));
        liveCount.merge(bidderId, -1, Integer::sum);
        if (liveCount.get(bidderId) == 0) {
            liveCount.remove(bidderId);
        }
        return AuctionReply.OK;
    }

    CloseOutcome close(long nowMs) {
        if (result != null) {
            return CloseOutcome.refused(AuctionRejectReason.ALREADY_CLOSED, spec.auctionId());
        }
        if (nowMs < spec.closeAtMs()) {
            return CloseOutcome.refused(AuctionRejectReason.TOO_EARLY_TO_CLOSE, "window closes at " + spec.closeAtMs());
        }
        result = UniformPriceClearing.clear(spec, live.values(), nowMs);
        return CloseOutcome.cleared(result);
    }

    AuctionResult result() {
        return result;
    }

    /** The bidder's own live bids, by bid id. */
    List<SealedBid> bidsOf(String bidderId) {
        List<SealedBid> own = new ArrayList<>();
        for (Map.Entry<BidKey, SealedBid> e : live.entrySet()) {
            if (e.getKey().bidderId().equals(bidderId)) {
                own.add(e.getValue());
            }
        }
        return own;
    }

    void digestInto(CanonicalDigest d) {
        spec.digestInto(d);
        d.putInt(usedIds.size());
        for (BidKey k : usedIds) {
            d.putString(k.bidderId()).putString(k.bidId());
        }
        d.putInt(live.size());
        for (SealedBid b : live.values()) {
            d.putString(b.bidderId()).putString(b.bidId()).putLong(b.priceMinor()).putLong(b.quantity());
        }
        d.putBoolean(result != null);
        if (result != null) {
            result.digestInto(d);
        }
    }

    private AuctionReply findOwn(String bidderId, String bidId, long nowMs) {
        if (bidderId == null || bidId == null) {
            return AuctionReply.refused(AuctionRejectReason.MALFORMED, "bidderId and bidId are required");
        }
        AuctionReply refusal = window(nowMs);
        if (refusal != null) {
            return refusal;
        }
        if (!live.containsKey(new BidKey(bidderId, bidId))) {
            return AuctionReply.refused(AuctionRejectReason.UNKNOWN_BID, bidId);
        }
        return null;
    }

    private AuctionReply window(long nowMs) {
        return switch (phase(nowMs)) {
            case SCHEDULED -> AuctionReply.refused(AuctionRejectReason.AUCTION_NOT_OPEN,
                    "opens at " + spec.openAtMs());
            case AWAITING_CLEARING, CLEARED -> AuctionReply.refused(AuctionRejectReason.AUCTION_CLOSED,
                    "closed at " + spec.closeAtMs());
            case OPEN -> null;
        };
    }
}
