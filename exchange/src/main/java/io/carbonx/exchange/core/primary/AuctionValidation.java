package io.carbonx.exchange.core.primary;

import io.carbonx.events.Role;

/** Stateless checks of an auction spec and of a bid's terms; the first failing check is reported. */
final class AuctionValidation {

    static final int MAX_ID_LENGTH = 128;

    private AuctionValidation() {
    }

    static boolean isValidId(String id) {
        return id != null && !id.isBlank() && id.length() <= MAX_ID_LENGTH
                && id.chars().noneMatch(Character::isISOControl);
    }

    /** Checks a spec scheduled by an actor with {@code role} at logical time {@code nowMs}; null when valid. */
    static AuctionReply checkSpec(AuctionSpec s, Role role, long nowMs) {
        if (s == null || role == null || s.undersubscription() == null) {
            return AuctionReply.refused(AuctionRejectReason.MALFORMED, "spec, policy and role are required");
        }
        if (role != Role.REGULATOR) {
            return AuctionReply.refused(AuctionRejectReason.NOT_REGULATOR, "role " + role + " cannot run auctions");
        }
        if (!isValidId(s.auctionId()) || !isValidId(s.instrumentId()) || !isValidId(s.regulatorId())) {
            return AuctionReply.refused(AuctionRejectReason.INVALID_ID, "auctionId, instrumentId, regulatorId");
        }
        if (s.lotSize() <= 0 || s.tickSizeMinor() <= 0 || s.maxBidsPerBidder() <= 0) {
            return AuctionReply.refused(AuctionRejectReason.INVALID_LIMITS, "lot, tick and bids per bidder > 0");
        }
        if (s.totalQuantity() <= 0) {
            return AuctionReply.refused(AuctionRejectReason.QUANTITY_NOT_POSITIVE, "totalQuantity " + s.totalQuantity());
        }
        if (s.totalQuantity() % s.lotSize() != 0) {
            return AuctionReply.refused(AuctionRejectReason.OFF_LOT, "totalQuantity not a multiple of the lot");
        }
        if (s.reservePriceMinor() <= 0) {
            return AuctionReply.refused(AuctionRejectReason.PRICE_NOT_POSITIVE, "reserve " + s.reservePriceMinor());
        }
        if (s.reservePriceMinor() % s.tickSizeMinor() != 0) {
            return AuctionReply.refused(AuctionRejectReason.OFF_TICK, "reserve not a multiple of the tick");
        }
        if (s.closeAtMs() <= s.openAtMs()) {
            return AuctionReply.refused(AuctionRejectReason.INVALID_WINDOW, "closeAtMs must be after openAtMs");
        }
        if (s.closeAtMs() <= nowMs) {
            return AuctionReply.refused(AuctionRejectReason.WINDOW_IN_PAST, "window closed at " + s.closeAtMs());
        }
        return null;
    }

    /** Checks a bid's own terms against the spec; null when valid. */
    static AuctionReply checkBid(AuctionSpec s, String bidId, String bidderId, long price, long quantity) {
        if (!isValidId(bidId) || !isValidId(bidderId)) {
            return AuctionReply.refused(AuctionRejectReason.INVALID_ID, "bidId, bidderId");
        }
        if (bidderId.equals(s.regulatorId())) {
            return AuctionReply.refused(AuctionRejectReason.REGULATOR_CANNOT_BID, bidderId);
        }
        if (price <= 0) {
            return AuctionReply.refused(AuctionRejectReason.PRICE_NOT_POSITIVE, "price " + price);
        }
        if (price % s.tickSizeMinor() != 0) {
            return AuctionReply.refused(AuctionRejectReason.OFF_TICK, "price " + price + ", tick " + s.tickSizeMinor());
        }
        if (quantity <= 0) {
            return AuctionReply.refused(AuctionRejectReason.QUANTITY_NOT_POSITIVE, "quantity " + quantity);
        }
        if (quantity % s.lotSize() != 0) {
            return AuctionReply.refused(AuctionRejectReason.OFF_LOT, "quantity " + quantity + ", lot " + s.lotSize());
        }
        if (quantity > s.totalQuantity()) {
            return AuctionReply.refused(AuctionRejectReason.QUANTITY_EXCEEDS_SUPPLY,
                    "quantity " + quantity + " > offered " + s.totalQuantity());
        }
        if (Math.multiplyHigh(price, quantity) != 0 || price * quantity < 0) {
            return AuctionReply.refused(AuctionRejectReason.NOTIONAL_OVERFLOW, price + " x " + quantity);
        }
        return null;
    }
}
