package io.carbonx.exchange.core.primary;

import io.carbonx.exchange.core.CanonicalDigest;

/**
 * What a regulator puts up for a primary allocation auction. Checked by {@link PrimaryAuctionHouse#schedule} (the
 * record itself accepts any values so that bad input can be refused with a reason).
 *
 * @param auctionId         unique id; also seeds the tie-break draw
 * @param instrumentId      the allowance instrument auctioned
 * @param vintage           compliance year of the allowances (carried into the allocations)
 * @param regulatorId       the regulator running the auction (cannot bid in it)
 * @param totalQuantity     whole tonnes offered, a positive multiple of {@code lotSize}
 * @param reservePriceMinor lowest acceptable price per tonne; not disclosed to bidders, bids below it are rejected
 *                          at close
 * @param openAtMs          bids accepted from this logical time (inclusive)
 * @param closeAtMs         bids refused from this logical time (exclusive end of the window)
 * @param lotSize           bid quantities and allocations are multiples of this
 * @param tickSizeMinor     bid prices and the reserve are multiples of this
 * @param maxBidsPerBidder  live bids one bidder may hold
 * @param undersubscription what happens when valid demand is below {@code totalQuantity}
 */
public record AuctionSpec(String auctionId, String instrumentId, int vintage, String regulatorId, long totalQuantity,
                          long reservePriceMinor, long openAtMs, long closeAtMs, long lotSize, long tickSizeMinor,
                          int maxBidsPerBidder, UndersubscriptionPolicy undersubscription) {

    /** Default number of live bids per bidder. */
    public static final int DEFAULT_MAX_BIDS_PER_BIDDER = 20;

    /** A spec with lot and tick 1, 20 bids per bidder, clearing at the reserve when undersubscribed. */
    public static AuctionSpec of(String auctionId, String instrumentId, int vintage, String regulatorId,
                                 long totalQuantity, long reservePriceMinor, long openAtMs, long closeAtMs) {
        return new AuctionSpec(auctionId, instrumentId, vintage, regulatorId, totalQuantity, reservePriceMinor,
                openAtMs, closeAtMs, 1, 1, DEFAULT_MAX_BIDS_PER_BIDDER, UndersubscriptionPolicy.CLEAR_AT_RESERVE);
    }

    /** A copy with another lot and tick size. */
    public AuctionSpec withLotAndTick(long lot, long tick) {
        return new AuctionSpec(auctionId, instrumentId, vintage, regulatorId, totalQuantity, reservePriceMinor,
                openAtMs, closeAtMs, lot, tick, maxBidsPerBidder, undersubscription);
    }

    /** A copy with another bid limit per bidder. */
    public AuctionSpec withMaxBidsPerBidder(int max) {
        return new AuctionSpec(auctionId, instrumentId, vintage, regulatorId, totalQuantity, reservePriceMinor,
                openAtMs, closeAtMs, lotSize, tickSizeMinor, max, undersubscription);
    }

    /** A copy with another undersubscription policy. */
    public AuctionSpec withUndersubscription(UndersubscriptionPolicy policy) {
        return new AuctionSpec(auctionId, instrumentId, vintage, regulatorId, totalQuantity, reservePriceMinor,
                openAtMs, closeAtMs, lotSize, tickSizeMinor, maxBidsPerBidder, policy);
    }

    void digestInto(CanonicalDigest d) {
        d.putString(auctionId).putString(instrumentId).putInt(vintage).putString(regulatorId).putLong(totalQuantity)
                .putLong(reservePriceMinor).putLong(openAtMs).putLong(closeAtMs).putLong(lotSize)
                .putLong(tickSizeMinor).putInt(maxBidsPerBidder).putString(undersubscription.name());
    }
}
