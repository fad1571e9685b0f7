package io.carbonx.exchange.core.pool;

/**
 * Energy an energy-storage device offers to consumers in the second scenario of reference §4.2 (5) (the
 * {@code O} entries with quantity {@code N_O} and price {@code P_O}). Storage does not take part in the
 * peer-to-peer cycles; unsold storage energy stays in storage (returned).
 *
 * @param orderId          unique within the period (across supply, demand and storage orders)
 * @param ownerId          the participant owning the storage device, paid for what it sells
 * @param quantityKwh      energy offered, positive
 * @param priceMinorPerKwh price, positive
 */
public record StorageOffer(String orderId, String ownerId, long quantityKwh, long priceMinorPerKwh) {
}
