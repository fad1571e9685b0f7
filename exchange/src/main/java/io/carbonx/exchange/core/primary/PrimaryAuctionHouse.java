package io.carbonx.exchange.core.primary;

import io.carbonx.events.Role;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import io.carbonx.exchange.core.CanonicalDigest;

/**
 * The regulator's primary allocation auctions: a pure, deterministic state machine fed with commands that carry
 * their logical time. Not thread-safe: one writer.
 *
 * <p>Rules (see {@link UniformPriceClearing} for clearing and {@link DrawOrder} for the draw):
 * <ul>
 *   <li>Only an actor with role REGULATOR schedules an auction; the regulator named in the spec cannot bid.</li>
 *   <li>Sealed bids are accepted in the window {@code [openAtMs, closeAtMs)}; a bidder may hold several bids
 *       (up to {@code maxBidsPerBidder}), amend their price and quantity, or withdraw them, until the window
 *       closes. Amending keeps the bid's identity (bidder, bid id) and so its place in the draw; there is no time
 *       priority. Bids, amendments and withdrawals at or after {@code closeAtMs} are refused with
 *       {@code AUCTION_CLOSED}.</li>
 *   <li>A bid is visible only to its bidder ({@link #bidsOf}) until the result is published; a command naming
 *       another bidder's bid gets {@code UNKNOWN_BID}, exactly as a non-existent bid would.</li>
 *   <li>Bids below the reserve are accepted during the window (the reserve is not disclosed) and rejected at
 *       close.</li>
 *   <li>{@link #close} at or after {@code closeAtMs} clears the auction once and for all.</li>
 * </ul>
 * Every refused command changes nothing.
 */
public final class PrimaryAuctionHouse {

    private final TreeMap<String, PrimaryAuction> auctions = new TreeMap<>();

    /**
     * Schedules an auction.
     *
     * @param spec      what is auctioned
     * @param actorRole role from the actor's certificate (checked by the adapter); must be REGULATOR
     * @param nowMs     logical time of the command
     */
    public AuctionReply schedule(AuctionSpec spec, Role actorRole, long nowMs) {
        AuctionReply refusal = AuctionValidation.checkSpec(spec, actorRole, nowMs);
        if (refusal != null) {
            return refusal;
        }
        if (auctions.containsKey(spec.auctionId())) {
            return AuctionReply.refused(AuctionRejectReason.DUPLICATE_AUCTION_ID, spec.auctionId());
        }
        auctions.put(spec.auctionId(), new PrimaryAuction(spec));
        return AuctionReply.OK;
    }

    /** Submits a sealed bid. */
    public AuctionReply submitBid(String auctionId, SealedBid bid, long nowMs) {
        PrimaryAuction a = auctions.get(auctionId);
        return a == null ? unknown(auctionId) : a.submit(bid, nowMs);
    }

    /** Replaces the price and quantity of the bidder's live bid. */
    public AuctionReply amendBid(String auctionId, String bidderId, String bidId, long priceMinor, long quantity,
                                 long nowMs) {
        PrimaryAuction a = auctions.get(auctionId);
        return a == null ? unknown(auctionId) : a.amend(bidderId, bidId, priceMinor, quantity, nowMs);
    }

    /** Withdraws the bidder's live bid; its id stays used. */
    public AuctionReply withdrawBid(String auctionId, String bidderId, String bidId, long nowMs) {
        PrimaryAuction a = auctions.get(auctionId);
        return a == null ? unknown(auctionId) : a.withdraw(bidderId, bidId, nowMs);
    }

    /** Clears the auction if its window has closed. */
    public CloseOutcome close(String auctionId, long nowMs) {
        PrimaryAuction a = auctions.get(auctionId);
        return a == null ? CloseOutcome.refused(AuctionRejectReason.UNKNOWN_AUCTION, String.valueOf(auctionId))
                : a.close(nowMs);
    }

    /** The auction's phase at {@code nowMs}, if it exists. */
    public Optional<AuctionPhase> phase(String auctionId, long nowMs) {
        return Optional.ofNullable(auctions.get(auctionId)).map(a -> a.phase(nowMs));
    }

    /** The published result, once cleared. */
    public Optional<AuctionResult> result(String auctionId) {
        return Optional.ofNullable(auctions.get(auctionId)).map(PrimaryAuction::result);
    }

    /** The spec of an auction (public once scheduled, except that bidders are not told the reserve). */
    public Optional<AuctionSpec> spec(String auctionId) {
        return Optional.ofNullable(auctions.get(auctionId)).map(PrimaryAuction::spec);
    }

    /** A bidder's own live bids in an auction, by bid id; empty for an unknown auction. */
    public List<SealedBid> bidsOf(String auctionId, String bidderId) {
        PrimaryAuction a = auctions.get(auctionId);
        return a == null ? List.of() : a.bidsOf(bidderId);
    }

    /** SHA-256 (hex) of every auction, by auction id: spec, used bid ids, live bids, result. */
    public String stateHash() {
        CanonicalDigest d = new CanonicalDigest("carbonx.primary.house-state.v1");
        d.putInt(auctions.size());
        for (PrimaryAuction a : auctions.values()) {
            a.digestInto(d);
        }
        return d.hex();
    }

    private static AuctionReply unknown(String auctionId) {
        return AuctionReply.refused(AuctionRejectReason.UNKNOWN_AUCTION, String.valueOf(auctionId));
    }
}
