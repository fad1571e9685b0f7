package io.carbonx.exchange.core.primary;

/**
 * What the auction did with one live bid.
 *
 * @param bidId             the bid
 * @param bidderId          its bidder
 * @param priceMinor        its limit price
 * @param quantity          tonnes asked for
 * @param allocatedQuantity tonnes allocated at the clearing price
 * @param status            how the allocation came about
 */
public record BidOutcome(String bidId, String bidderId, long priceMinor, long quantity, long allocatedQuantity,
                         Status status) {

    /** How a bid fared. */
    public enum Status {
        /** Allocated in full. */
        FILLED,
        /** At the clearing price, rationed pro rata (and possibly one lot from the draw); may be zero. */
        PRO_RATED,
        /** Priced below the clearing price: nothing allocated. */
        OUTBID,
        /** Priced below the reserve: rejected at close. */
        REJECTED_BELOW_RESERVE,
        /** Valid, but the auction was cancelled for undersubscription. */
        AUCTION_CANCELLED
    }
}
