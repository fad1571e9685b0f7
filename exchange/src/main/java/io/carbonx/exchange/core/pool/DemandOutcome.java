package io.carbonx.exchange.core.pool;

/**
 * What became of one demand bid: {@code demanded = fromSuppliers + fromPool + fromStorage + unfilled}, always.
 *
 * @param orderId           the bid
 * @param consumerId        the consumer
 * @param rank              its 1-based priority (quantity × price, highest first)
 * @param limitPriceMinorPerKwh the bid's limit
 * @param demandedKwh       quantity demanded
 * @param fromSuppliersKwh  bought peer-to-peer
 * @param fromPoolKwh       bought from the pool
 * @param fromStorageKwh    bought from storage
 * @param unfilledKwh       not bought (reported in {@code consumer_id_rest})
 */
public record DemandOutcome(String orderId, String consumerId, int rank, long limitPriceMinorPerKwh,
                            long demandedKwh, long fromSuppliersKwh,
                            long fromPoolKwh, long fromStorageKwh, long unfilledKwh) {
}
