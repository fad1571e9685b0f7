package io.carbonx.exchange.core.pool;

/**
 * A peer-to-peer trade of the first scenario (reference §4.2 (4)): a supplier and a consumer that signalled each
 * other in the same cycle trade {@code min(remaining supply, remaining demand)} at the supplier's ask.
 *
 * <p>Money: the consumer pays {@link #consumerPaysMinor()} = notional + consumer commission; the supplier
 * receives {@link #supplierReceivesMinor()} = notional − supplier commission; the platform receives both
 * commissions. Hence paid = received + commission, exactly.
 *
 * @param cycle                 1-based matching cycle in which the trade was agreed
 * @param supplyOrderId         the supply offer
 * @param supplierId            the supplier
 * @param supplierRank          the supplier's 1-based priority (quantity × price, lowest first)
 * @param demandOrderId         the demand bid
 * @param consumerId            the consumer
 * @param consumerRank          the consumer's 1-based priority (quantity × price, highest first)
 * @param quantityKwh           energy traded, positive
 * @param priceMinorPerKwh      trade price (the supplier's ask)
 * @param notionalMinor         quantity × price
 * @param supplierCommissionMinor commission charged to the supplier at its rank's rate
 * @param consumerCommissionMinor commission charged to the consumer at its rank's rate
 */
public record PeerTrade(int cycle, String supplyOrderId, String supplierId, int supplierRank,
                        String demandOrderId, String consumerId, int consumerRank, long quantityKwh,
                        long priceMinorPerKwh, long notionalMinor, long supplierCommissionMinor,
                        long consumerCommissionMinor) {

    /** What the consumer pays: notional plus its commission. */
    public long consumerPaysMinor() {
        return Math.addExact(notionalMinor, consumerCommissionMinor);
    }

    /** What the supplier receives: notional minus its commission. */
    public long supplierReceivesMinor() {
        return Math.subtractExact(notionalMinor, supplierCommissionMinor);
    }

    /** What the platform receives: both commissions. */
    public long commissionMinor() {
        return Math.addExact(supplierCommissionMinor, consumerCommissionMinor);
    }
}
