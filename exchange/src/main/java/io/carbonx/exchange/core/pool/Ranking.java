package io.carbonx.exchange.core.pool;

import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The two priority orders of reference §4.2 (4), computed once per period from the quantities as submitted.
 * <ul>
 *   <li>Consumers: "sort value = max (energy consumption quantity N_Cx × energy consumption price P_Cx) from high
 *       to low" — quantity × limit price descending, then limit price descending, then submission order.</li>
 *   <li>Suppliers: "sort value = min (energy supply quantity N_Sx × energy supply price P_Sx) from low to high" —
 *       quantity × ask ascending, then ask ascending, then submission order.</li>
 * </ul>
 * The orders are total (submission order breaks every remaining tie), so ranks are deterministic.
 */
final class Ranking {

    private Ranking() {
    }

    /** Indices into {@code offers} in supplier priority order. */
    static int[] suppliers(List<SupplyOffer> offers) {
        Comparator<Integer> order = Comparator
                .comparingLong((Integer i) -> Math.multiplyExact(offers.get(i).quantityKwh(),
                        offers.get(i).priceMinorPerKwh()))
                .thenComparingLong(i -> offers.get(i).priceMinorPerKwh())
                .thenComparingInt(i -> i);
        return sorted(offers.size(), order);
    }

    /** Indices into {@code bids} in consumer priority order. */
    static int[] consumers(List<DemandBid> bids) {
        Comparator<Integer> order = Comparator
                .comparingLong((Integer i) -> -Math.multiplyExact(bids.get(i).quantityKwh(),
                        bids.get(i).limitPriceMinorPerKwh()))
                .thenComparingLong(i -> -bids.get(i).limitPriceMinorPerKwh())
                .thenComparingInt(i -> i);
        return sorted(bids.size(), order);
    }

    private static int[] sorted(int n, Comparator<Integer> order) {
        return IntStream.range(0, n).boxed().sorted(order).mapToInt(Integer::intValue).toArray();
    }
}
