package io.carbonx.exchange.core.pool;

/**
 * What became of one supply offer: {@code offered = soldToConsumers + soldToPool + returned}, always.
 *
 * @param orderId         the offer
 * @param supplierId      the supplier
 * @param rank            its 1-based priority (quantity × price, lowest first)
 * @param priceMinorPerKwh the offer's ask
 * @param offeredKwh      quantity offered
 * @param soldToConsumersKwh sold peer-to-peer
 * @param soldToPoolKwh   taken into the pool at the fixed price
 * @param returnedKwh     neither (opted out of the pool, or pool capacity exhausted)
 */
public record SupplyOutcome(String orderId, String supplierId, int rank, long priceMinorPerKwh,
                            long offeredKwh, long soldToConsumersKwh,
                            long soldToPoolKwh, long returnedKwh) {
}
