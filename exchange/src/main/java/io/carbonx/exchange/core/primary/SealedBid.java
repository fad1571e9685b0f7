package io.carbonx.exchange.core.primary;

/**
 * One sealed bid: buy up to {@code quantity} tonnes at a price of at most {@code priceMinor} per tonne. A bidder
 * may hold several bids (at different or equal prices); each is cleared on its own.
 *
 * @param bidId      unique per bidder within the auction (also after withdrawal); a bid is identified by
 *                   (bidderId, bidId)
 * @param bidderId   the bidding enterprise
 * @param priceMinor limit price per tonne, positive multiple of the auction's tick
 * @param quantity   tonnes, positive multiple of the auction's lot, at most the quantity auctioned
 */
public record SealedBid(String bidId, String bidderId, long priceMinor, long quantity) {
}
