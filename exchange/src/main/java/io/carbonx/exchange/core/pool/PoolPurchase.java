package io.carbonx.exchange.core.pool;

/**
 * Unsold supply taken into the energy pool at the fixed pool price (reference §4.2 (4): "the unsuccessful traded
 * idle energy is integrated into the energy pool at a fixed price"). The platform pays the supplier
 * {@code amountMinor}; no commission applies.
 *
 * @param supplyOrderId     the supply offer
 * @param supplierId        the supplier paid
 * @param quantityKwh       energy taken into the pool, positive
 * @param priceMinorPerKwh  the fixed pool price
 * @param amountMinor       quantity × pool price, paid by the platform
 */
public record PoolPurchase(String supplyOrderId, String supplierId, long quantityKwh, long priceMinorPerKwh,
                           long amountMinor) {
}
