package io.carbonx.exchange.core.pool;

import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The two priority orders of reference §4.2 (4), computed once per period from the quantities as submitted. With
 * {@link RankingKey#QUANTITY_TIMES_PRICE} (default):
 * <ul>
 *   <li>Consumers: "sort value = max (energy consumption quantity N_Cx × energy consumption price P_Cx) from high
 *       to low" — quantity × limit price descending, then limit price descending, then submission order.</li>
 *   <li>Suppliers: "sort value = min (energy supply quantity N_Sx × energy supply price P_Sx) from low to high" —
 *       quantity × ask ascending, then ask ascending, then submission order.</li>
 * </ul>
 * With {@link RankingKey#UNIT_PRICE} price comes first and quantity × price breaks ties. The orders are total
 * (submission order breaks every remaining tie), so ranks are deterministic.
 */
final class Ranking {

    private Ranking() {
    }

    /** Indices into {@code offers} in supplier priority order. */
    static int[] suppliers(List<SupplyOffer> offers, RankingKey key) {
        Comparator<Integer> byValue = Comparator.comparingLong(i -> notional(offers.get(i).quantityKwh(),
                offers.get(i).priceMinorPerKwh()));
        Comparator<Integer> byPrice = Comparator.comparingLong(i -> offers.get(i).priceMinorPerKwh());
        return sorted(offers.size(), key == RankingKey.QUANTITY_TIMES_PRICE ? byValue.thenComparing(byPrice)
                : byPrice.thenComparing(byValue));
    }

    /** Indices into {@code bids} in consumer priority order. */
    static int[] consumers(List<DemandBid> bids, RankingKey key) {
        Comparator<Integer> byValue = Comparator.comparingLong(i -> -notional(bids.get(i).quantityKwh(),
                bids.get(i).limitPriceMinorPerKwh()));
        Comparator<Integer> byPrice = Comparator.comparingLong(i -> -bids.get(i).limitPriceMinorPerKwh());
        return sorted(bids.size(), key == RankingKey.QUANTITY_TIMES_PRICE ? byValue.thenComparing(byPrice)
                : byPrice.thenComparing(byValue));
    }

    static long notional(long quantity, long price) {
        return Math.multiplyExact(quantity, price);
    }

    /** Sorts indices 0..n-1; submission order (the index) breaks every remaining tie. */
    private static int[] sorted(int n, Comparator<Integer> order) {
        return IntStream.range(0, n).boxed().sorted(order.thenComparingInt(i -> i)).mapToInt(Integer::intValue)
                .toArray();
    }
}
