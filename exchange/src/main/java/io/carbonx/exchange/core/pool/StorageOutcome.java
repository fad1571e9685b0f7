package io.carbonx.exchange.core.pool;

/**
 * What became of one storage offer: {@code offered = sold + returned}, always.
 *
 * @param orderId     the offer
 * @param ownerId     the storage owner
 * @param priceMinorPerKwh the offer's price
 * @param offeredKwh  quantity offered
 * @param soldKwh     sold to consumers
 * @param returnedKwh left in storage
 */
public record StorageOutcome(String orderId, String ownerId, long priceMinorPerKwh, long offeredKwh, long soldKwh, long returnedKwh) {
}
