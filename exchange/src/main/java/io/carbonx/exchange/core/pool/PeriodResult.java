package io.carbonx.exchange.core.pool;

import java.util.List;
import io.carbonx.exchange.core.CanonicalDigest;

/**
 * Everything one clearing period produced, in a deterministic order: peer trades in execution order (cycle, then
 * supplier rank), pool purchases in supplier rank order, source sales in consumer rank order then source order,
 * supply and demand outcomes in rank order, storage outcomes in source order.
 *
 * <p>Conservation holds by construction and is checked by the property tests: every offered kWh is sold to a
 * consumer, sold to the pool or returned; every demanded kWh is bought or reported unfilled; every pool kWh is
 * sold to a consumer or retained by the platform ({@code poolIntake = poolSold + poolRetained}); and money is
 * conserved: what consumers and the platform pay equals what suppliers, storage owners and the platform receive.
 *
 * @param instrumentId     the energy instrument
 * @param periodIndex      0-based index of the period since the venue's first period
 * @param periodStartMs    inclusive start (logical time)
 * @param periodEndMs      exclusive end (logical time)
 * @param cycles           number of matching cycles that produced at least one trade
 * @param peerTrades       first-scenario trades
 * @param poolPurchases    unsold supply taken into the pool
 * @param sourceSales      second-scenario sales from pool and storage
 * @param supplyOutcomes   one per supply offer
 * @param demandOutcomes   one per demand bid
 * @param storageOutcomes  one per storage offer
 * @param poolIntakeKwh    energy taken into the pool this period
 * @param poolSoldKwh      pool energy sold to consumers this period
 * @param poolRetainedKwh  pool energy left unsold (kept by the platform; the pool carries nothing over)
 */
public record PeriodResult(String instrumentId, long periodIndex, long periodStartMs, long periodEndMs, int cycles,
                           List<PeerTrade> peerTrades, List<PoolPurchase> poolPurchases,
                           List<SourceSale> sourceSales, List<SupplyOutcome> supplyOutcomes,
                           List<DemandOutcome> demandOutcomes, List<StorageOutcome> storageOutcomes,
                           long poolIntakeKwh, long poolSoldKwh, long poolRetainedKwh) {

    /** Copies the lists (the result is immutable). */
    public PeriodResult {
        peerTrades = List.copyOf(peerTrades);
        poolPurchases = List.copyOf(poolPurchases);
        sourceSales = List.copyOf(sourceSales);
        supplyOutcomes = List.copyOf(supplyOutcomes);
        demandOutcomes = List.copyOf(demandOutcomes);
        storageOutcomes = List.copyOf(storageOutcomes);
    }

    /** Commission the platform earned on peer trades. */
    public long totalCommissionMinor() {
        long sum = 0;
        for (PeerTrade t : peerTrades) {
            sum = Math.addExact(sum, t.commissionMinor());
        }
        return sum;
    }

    /** The platform's net cash: commissions + pool sales − pool purchases (may be negative). */
    public long platformNetMinor() {
        long net = totalCommissionMinor();
        for (SourceSale s : sourceSales) {
            if (s.kind() == SourceSale.Kind.POOL) {
                net = Math.addExact(net, s.amountMinor());
            }
        }
        for (PoolPurchase p : poolPurchases) {
            net = Math.subtractExact(net, p.amountMinor());
        }
        return net;
    }

    /** SHA-256 (hex) of the canonical encoding of every field, in declaration and list order. */
    public String digest() {
        CanonicalDigest d = new CanonicalDigest("carbonx.pool.period-result.v1");
        d.putString(instrumentId).putLong(periodIndex).putLong(periodStartMs).putLong(periodEndMs).putInt(cycles);
        d.putInt(peerTrades.size());
        for (PeerTrade t : peerTrades) {
            d.putInt(t.cycle()).putString(t.supplyOrderId()).putString(t.supplierId()).putInt(t.supplierRank())
                    .putString(t.demandOrderId()).putString(t.consumerId()).putInt(t.consumerRank())
                    .putLong(t.quantityKwh()).putLong(t.priceMinorPerKwh()).putLong(t.notionalMinor())
                    .putLong(t.supplierCommissionMinor()).putLong(t.consumerCommissionMinor());
        }
        d.putInt(poolPurchases.size());
        for (PoolPurchase p : poolPurchases) {
            d.putString(p.supplyOrderId()).putString(p.supplierId()).putLong(p.quantityKwh())
                    .putLong(p.priceMinorPerKwh()).putLong(p.amountMinor());
        }
        d.putInt(sourceSales.size());
        for (SourceSale s : sourceSales) {
            d.putString(s.kind().name()).putString(s.sourceOrderId()).putString(s.sellerId())
                    .putString(s.demandOrderId()).putString(s.consumerId()).putLong(s.quantityKwh())
                    .putLong(s.priceMinorPerKwh()).putLong(s.amountMinor());
        }
        digestOutcomes(d);
        d.putLong(poolIntakeKwh).putLong(poolSoldKwh).putLong(poolRetainedKwh);
        return d.hex();
    }

    private void digestOutcomes(CanonicalDigest d) {
        d.putInt(supplyOutcomes.size());
        for (SupplyOutcome o : supplyOutcomes) {
            d.putString(o.orderId()).putString(o.supplierId()).putInt(o.rank()).putLong(o.priceMinorPerKwh())
                    .putLong(o.offeredKwh())
                    .putLong(o.soldToConsumersKwh()).putLong(o.soldToPoolKwh()).putLong(o.returnedKwh());
        }
        d.putInt(demandOutcomes.size());
        for (DemandOutcome o : demandOutcomes) {
            d.putString(o.orderId()).putString(o.consumerId()).putInt(o.rank()).putLong(o.limitPriceMinorPerKwh())
                    .putLong(o.demandedKwh())
                    .putLong(o.fromSuppliersKwh()).putLong(o.fromPoolKwh()).putLong(o.fromStorageKwh())
                    .putLong(o.unfilledKwh());
        }
        d.putInt(storageOutcomes.size());
        for (StorageOutcome o : storageOutcomes) {
            d.putString(o.orderId()).putString(o.ownerId()).putLong(o.priceMinorPerKwh()).putLong(o.offeredKwh()).putLong(o.soldKwh())
                    .putLong(o.returnedKwh());
        }
    }
}
