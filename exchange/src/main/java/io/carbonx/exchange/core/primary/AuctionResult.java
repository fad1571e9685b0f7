package io.carbonx.exchange.core.primary;

import java.util.List;
import io.carbonx.exchange.core.CanonicalDigest;

/**
 * The record of a cleared primary auction (published as AuctionCleared, kind PRIMARY; the allocations become
 * QuotaAllocated events).
 *
 * <p>Invariants (tested): {@code allocatedQuantity + unsoldQuantity = totalQuantity}; allocated = sum of bid
 * allocations = sum of bidder allocations; no bid gets more than it asked; every allocation is a multiple of the
 * lot size; every amount is quantity × clearing price.
 *
 * @param auctionId         the auction
 * @param instrumentId      the instrument
 * @param vintage           compliance year
 * @param status            cleared, undersubscribed or cancelled
 * @param clearingPriceMinor uniform price per tonne; 0 when cancelled
 * @param reservePriceMinor the reserve (disclosed with the result)
 * @param totalQuantity     tonnes offered
 * @param allocatedQuantity tonnes allocated
 * @param unsoldQuantity    tonnes not allocated (they stay with the regulator)
 * @param closedAtMs        logical time of the close
 * @param drawSeedHex       the tie-break draw seed ({@link DrawOrder#seed}), hex, so anyone can recheck the draw
 * @param bids              every live bid's outcome: valid bids by price descending then draw order, then bids
 *                          below the reserve in the same order
 * @param allocations       per bidder, by bidder id, bidders with a positive allocation only
 */
public record AuctionResult(String auctionId, String instrumentId, int vintage, Status status,
                            long clearingPriceMinor, long reservePriceMinor, long totalQuantity,
                            long allocatedQuantity, long unsoldQuantity, long closedAtMs, String drawSeedHex,
                            List<BidOutcome> bids,
                            List<BidderAllocation> allocations) {

    /** How the auction ended. */
    public enum Status {
        /** Valid demand reached the quantity offered: one uniform price, everything allocated. */
        CLEARED,
        /** Valid demand fell short: every valid bid filled at the reserve, the rest unsold. */
        UNDERSUBSCRIBED,
        /** Valid demand fell short and the policy cancels: nothing allocated. */
        CANCELLED
    }

    /** Copies the lists. */
    public AuctionResult {
        bids = List.copyOf(bids);
        allocations = List.copyOf(allocations);
    }

    /** SHA-256 (hex) of the canonical encoding of every field. */
    public String digest() {
        CanonicalDigest d = new CanonicalDigest("carbonx.primary.auction-result.v1");
        digestInto(d);
        return d.hex();
    }

    void digestInto(CanonicalDigest d) {
        d.putString(auctionId).putString(instrumentId).putInt(vintage).putString(status.name())
                .putLong(clearingPriceMinor).putLong(reservePriceMinor).putLong(totalQuantity)
                .putLong(allocatedQuantity).putLong(unsoldQuantity).putLong(closedAtMs).putString(drawSeedHex)
                .putInt(bids.size());
        for (BidOutcome b : bids) {
            d.putString(b.bidId()).putString(b.bidderId()).putLong(b.priceMinor()).putLong(b.quantity())
                    .putLong(b.allocatedQuantity()).putString(b.status().name());
        }
        d.putInt(allocations.size());
        for (BidderAllocation a : allocations) {
            d.putString(a.allocationId()).putString(a.bidderId()).putLong(a.quantity()).putLong(a.priceMinor())
                    .putLong(a.amountMinor());
        }
    }
}
