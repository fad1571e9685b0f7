package io.carbonx.exchange.core.pool;

/**
 * A consumer's purchase in the second scenario (reference §4.2 (5)) from the energy pool or from a storage device,
 * at the source's price; no commission. A pool sale is paid to the platform ("the income from the transaction
 * between the energy consuming individual and the platform belongs to the platform enterprise"); a storage sale
 * to the storage owner.
 *
 * @param kind             pool or storage
 * @param sourceOrderId    the storage offer's order id, or {@link #POOL_SOURCE_ID} for the pool
 * @param sellerId         the platform (pool) or the storage owner
 * @param demandOrderId    the demand bid
 * @param consumerId       the consumer paying
 * @param quantityKwh      energy bought, positive
 * @param priceMinorPerKwh the source's price (pool price or storage price)
 * @param amountMinor      quantity × price, paid by the consumer to the seller
 */
public record SourceSale(Kind kind, String sourceOrderId, String sellerId, String demandOrderId, String consumerId,
                         long quantityKwh, long priceMinorPerKwh, long amountMinor) {

    /** Source order id used for the energy pool. */
    public static final String POOL_SOURCE_ID = "POOL";

    /** Where the energy came from. */
    public enum Kind {
        /** The platform's energy pool. */
        POOL,
        /** A storage device's offer. */
        STORAGE
    }
}
