package io.carbonx.exchange.core.pool;

/**
 * An energy consumer's bid for one clearing period (reference §4.2 (3): {@code consumer_id, consumer_price,
 * consumer_consumption}). The price is the consumer's limit: it buys from suppliers, the pool or storage only at
 * a price at or below it.
 *
 * @param orderId              unique within the period (across supply, demand and storage orders)
 * @param consumerId           the consuming participant
 * @param quantityKwh          energy demanded, positive
 * @param limitPriceMinorPerKwh highest price the consumer pays, positive
 */
public record DemandBid(String orderId, String consumerId, long quantityKwh, long limitPriceMinorPerKwh) {
}
