package io.carbonx.exchange.core.primary;

/**
 * A bidder's total allocation from one auction — one QuotaAllocated (source PRIMARY_AUCTION, reference = the
 * auction id) in the registry, paid at the uniform clearing price.
 *
 * @param allocationId  {@code auctionId + "/" + bidderId}, unique per auction and bidder
 * @param auctionId     the auction
 * @param bidderId      the enterprise receiving the allowances
 * @param instrumentId  the allowance instrument
 * @param vintage       compliance year
 * @param quantity      tonnes allocated (sum over the bidder's bids), positive
 * @param priceMinor    the clearing price per tonne
 * @param amountMinor   quantity × clearing price, owed by the bidder
 */
public record BidderAllocation(String allocationId, String auctionId, String bidderId, String instrumentId,
                               int vintage, long quantity, long priceMinor, long amountMinor) {
}
