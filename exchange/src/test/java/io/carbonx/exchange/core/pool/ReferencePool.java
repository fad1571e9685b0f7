package io.carbonx.exchange.core.pool;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A deliberately naive second implementation of a pool period with unlimited cycles, written from the documented
 * rules rather than from the production code: consumers, in priority order, buy from compatible suppliers in
 * priority order (the "serial" form of the cycles); or suppliers, in priority order, sell to compatible consumers in
 * priority order. Both must give the production matcher's allocation.
 */
final class ReferencePool {

    private ReferencePool() {
    }

    static List<SupplyOffer> rankSupply(List<SupplyOffer> supply, RankingKey key) {
        List<SupplyOffer> ranked = new ArrayList<>(supply);
        Comparator<SupplyOffer> value = Comparator.comparingLong(s -> s.quantityKwh() * s.priceMinorPerKwh());
        Comparator<SupplyOffer> price = Comparator.comparingLong(SupplyOffer::priceMinorPerKwh);
        ranked.sort((key == RankingKey.UNIT_PRICE ? price.thenComparing(value) : value.thenComparing(price))
                .thenComparingInt(supply::indexOf));
        return ranked;
    }

    static List<DemandBid> rankDemand(List<DemandBid> demand, RankingKey key) {
        List<DemandBid> ranked = new ArrayList<>(demand);
        Comparator<DemandBid> value = Comparator.comparingLong(d -> -d.quantityKwh() * d.limitPriceMinorPerKwh());
        Comparator<DemandBid> price = Comparator.comparingLong(d -> -d.limitPriceMinorPerKwh());
        ranked.sort((key == RankingKey.UNIT_PRICE ? price.thenComparing(value) : value.thenComparing(price))
                .thenComparingInt(demand::indexOf));
        return ranked;
    }

    static boolean compatible(SupplyOffer s, DemandBid d) {
        return s.priceMinorPerKwh() <= d.limitPriceMinorPerKwh() && !s.supplierId().equals(d.consumerId());
    }

    /** Quantity per "supplyOrderId/demandOrderId", consumers choosing in turn. */
    static Map<String, Long> consumerSerial(List<SupplyOffer> supply, List<DemandBid> demand, RankingKey key) {
        List<SupplyOffer> s = rankSupply(supply, key);
        long[] left = s.stream().mapToLong(SupplyOffer::quantityKwh).toArray();
        Map<String, Long> out = new TreeMap<>();
        for (DemandBid d : rankDemand(demand, key)) {
            long need = d.quantityKwh();
            for (int i = 0; i < s.size() && need > 0; i++) {
                if (left[i] > 0 && compatible(s.get(i), d)) {
                    long q = Math.min(left[i], need);
                    left[i] -= q;
                    need -= q;
                    out.merge(s.get(i).orderId() + "/" + d.orderId(), q, Long::sum);
                }
            }
        }
        return out;
    }

    /** Quantity per "supplyOrderId/demandOrderId", suppliers choosing in turn. */
    static Map<String, Long> supplierSerial(List<SupplyOffer> supply, List<DemandBid> demand, RankingKey key) {
        List<DemandBid> d = rankDemand(demand, key);
        long[] need = d.stream().mapToLong(DemandBid::quantityKwh).toArray();
        Map<String, Long> out = new TreeMap<>();
        for (SupplyOffer s : rankSupply(supply, key)) {
            long left = s.quantityKwh();
            for (int j = 0; j < d.size() && left > 0; j++) {
                if (need[j] > 0 && compatible(s, d.get(j))) {
                    long q = Math.min(left, need[j]);
                    left -= q;
                    need[j] -= q;
                    out.merge(s.orderId() + "/" + d.get(j).orderId(), q, Long::sum);
                }
            }
        }
        return out;
    }

    /** The production result's peer allocation in the same form. */
    static Map<String, Long> allocation(PeriodResult r) {
        Map<String, Long> out = new TreeMap<>();
        for (PeerTrade t : r.peerTrades()) {
            out.merge(t.supplyOrderId() + "/" + t.demandOrderId(), t.quantityKwh(), Long::sum);
        }
        return out;
    }
}
