package io.carbonx.exchange.core.pool;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The second scenario of reference §4.2 (5): consumers with demand left buy from the energy pool and storage
 * devices. Sources are ordered as formula (3) says — "sorting value = min (energy supply quantity N_Ox × energy
 * supply price P_Ox) ... from low to high" — then by price (with {@link RankingKey#UNIT_PRICE}: price first, then
 * quantity × price), then the pool before storage, then storage submission order. Consumers are served one after another in their first-scenario priority order; each buys from the sources
 * in order, at the source's price, while its demand lasts, from every source whose price is at most its limit and
 * whose seller is not itself. No commission applies.
 */
final class SourceAllocator {

    /** One pool or storage entry; {@code inputIndex} -1 for the pool. */
    private record Source(SourceSale.Kind kind, String orderId, String sellerId, long quantityKwh, long price,
                          int inputIndex) {
    }

    private final List<Source> sources = new ArrayList<>();
    private final long[] sold;
    private final List<SourceSale> sales = new ArrayList<>();
    private long poolSold;

    SourceAllocator(PoolConfig config, long poolIntakeKwh, List<StorageOffer> storage) {
        if (poolIntakeKwh > 0) {
            sources.add(new Source(SourceSale.Kind.POOL, SourceSale.POOL_SOURCE_ID, config.platformId(),
                    poolIntakeKwh, config.poolPriceMinorPerKwh(), -1));
        }
        for (int i = 0; i < storage.size(); i++) {
            StorageOffer o = storage.get(i);
            sources.add(new Source(SourceSale.Kind.STORAGE, o.orderId(), o.ownerId(), o.quantityKwh(),
                    o.priceMinorPerKwh(), i));
        }
        Comparator<Source> byValue = Comparator.comparingLong(s -> Ranking.notional(s.quantityKwh(), s.price()));
        Comparator<Source> byPrice = Comparator.comparingLong(Source::price);
        sources.sort((config.rankingKey() == RankingKey.QUANTITY_TIMES_PRICE ? byValue.thenComparing(byPrice)
                : byPrice.thenComparing(byValue)).thenComparingInt(Source::inputIndex));
        this.sold = new long[sources.size()];
    }

    /**
     * Serves one consumer; returns {@code [fromPool, fromStorage]}.
     *
     * @param demandLeft the consumer's demand still open after the first scenario
     */
    long[] serve(DemandBid bid, long demandLeft) {
        long left = demandLeft;
        long fromPool = 0;
        long fromStorage = 0;
        for (int i = 0; i < sources.size() && left > 0; i++) {
            Source src = sources.get(i);
            long available = src.quantityKwh() - sold[i];
            if (available == 0 || src.price() > bid.limitPriceMinorPerKwh()
                    || src.sellerId().equals(bid.consumerId())) {
                continue;
            }
            long q = Math.min(available, left);
            sold[i] += q;
            left -= q;
            sales.add(new SourceSale(src.kind(), src.orderId(), src.sellerId(), bid.orderId(), bid.consumerId(), q,
                    src.price(), Math.multiplyExact(q, src.price())));
            if (src.kind() == SourceSale.Kind.POOL) {
                fromPool += q;
                poolSold += q;
            } else {
                fromStorage += q;
            }
        }
        return new long[] {fromPool, fromStorage};
    }

    List<SourceSale> sales() {
        return sales;
    }

    long poolSoldKwh() {
        return poolSold;
    }

    /** Storage outcomes in storage submission order. */
    List<StorageOutcome> storageOutcomes(List<StorageOffer> storage) {
        long[] soldByInput = new long[storage.size()];
        for (int i = 0; i < sources.size(); i++) {
            if (sources.get(i).kind() == SourceSale.Kind.STORAGE) {
                soldByInput[sources.get(i).inputIndex()] = sold[i];
            }
        }
        List<StorageOutcome> out = new ArrayList<>(storage.size());
        for (int i = 0; i < storage.size(); i++) {
            StorageOffer o = storage.get(i);
            out.add(new StorageOutcome(o.orderId(), o.ownerId(), o.priceMinorPerKwh(), o.quantityKwh(), soldByInput[i],
                    o.quantityKwh() - soldByInput[i]));
        }
        return out;
    }
}
