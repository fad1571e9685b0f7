package io.carbonx.exchange.core.pool;

/**
 * An energy supplier's offer for one clearing period (reference §4.2 (3): {@code supply_id, supply_price,
 * supply_output}). The price is the supplier's ask: a peer-to-peer trade happens at this price and only with a
 * consumer whose limit is at least this price.
 *
 * @param orderId              unique within the period (across supply, demand and storage orders)
 * @param supplierId           the supplying participant
 * @param quantityKwh          energy offered, positive
 * @param priceMinorPerKwh     ask, positive
 * @param sellUnsoldToPool     whether energy still unsold after the matching cycles goes to the pool at the
 *                             fixed pool price (reference default behaviour); {@code false} returns it instead
 */
public record SupplyOffer(String orderId, String supplierId, long quantityKwh, long priceMinorPerKwh,
                          boolean sellUnsoldToPool) {

    /** An offer whose unsold energy goes to the pool, as the reference describes. */
    public static SupplyOffer of(String orderId, String supplierId, long quantityKwh, long priceMinorPerKwh) {
        return new SupplyOffer(orderId, supplierId, quantityKwh, priceMinorPerKwh, true);
    }
}
