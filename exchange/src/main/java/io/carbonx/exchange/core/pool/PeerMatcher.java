package io.carbonx.exchange.core.pool;

import java.util.ArrayList;
import java.util.List;

/**
 * The first scenario of reference §4.2 (4): suppliers and consumers signal each other in cycles.
 *
 * <p>In every cycle each supplier with energy left sends a "tradable signal" to the first consumer in consumer
 * priority order that still has demand and can trade with it, and each consumer with demand left sends one to the
 * first supplier in supplier priority order that still has energy and can trade with it. A pair that signalled
 * each other has "reach[ed] an agreement" and trades {@code min(remaining supply, remaining demand)} at the
 * supplier's ask. A supplier and a consumer can trade when the ask is at most the consumer's limit and they are
 * different participants. Signals are re-evaluated after every cycle ("after each individual transaction is
 * completed, real-time judgment shall be made again"). Matching stops after a cycle without agreement or after
 * {@link PoolConfig#maxCycles()} cycles.
 *
 * <p>Properties (tested): while any compatible pair has energy and demand left, the next cycle agrees at least one
 * trade (the best-ranked consumer that still has a compatible supplier and that supplier always signal each
 * other); so with unlimited cycles matching ends with no compatible pair left, in at most suppliers + consumers
 * cycles. The outcome is stable: no supplier and consumer would both rather have traded more with each other.
 * Each party's cursor only moves forward, so a period costs O(suppliers × consumers) in the worst case.
 */
final class PeerMatcher {

    private final PoolConfig config;
    private final List<SupplyOffer> suppliers;
    private final List<DemandBid> consumers;
    private final long[] supplyLeft;
    private final long[] demandLeft;
    private final int[] supplierCursor;
    private final int[] consumerCursor;
    private final List<PeerTrade> trades = new ArrayList<>();
    private int cycles;

    /** Both lists in priority order: position + 1 is the rank. */
    PeerMatcher(PoolConfig config, List<SupplyOffer> rankedSuppliers, List<DemandBid> rankedConsumers) {
        this.config = config;
        this.suppliers = rankedSuppliers;
        this.consumers = rankedConsumers;
        this.supplyLeft = rankedSuppliers.stream().mapToLong(SupplyOffer::quantityKwh).toArray();
        this.demandLeft = rankedConsumers.stream().mapToLong(DemandBid::quantityKwh).toArray();
        this.supplierCursor = new int[rankedSuppliers.size()];
        this.consumerCursor = new int[rankedConsumers.size()];
    }

    /** Runs the cycles; call once. */
    void run() {
        int[] supplierSignal = new int[suppliers.size()];
        int[] consumerSignal = new int[consumers.size()];
        while (cycles < config.maxCycles()) {
            for (int s = 0; s < supplierSignal.length; s++) {
                supplierSignal[s] = supplyLeft[s] > 0 ? nextConsumer(s) : -1;
            }
            for (int c = 0; c < consumerSignal.length; c++) {
                consumerSignal[c] = demandLeft[c] > 0 ? nextSupplier(c) : -1;
            }
            boolean agreed = false;
            for (int s = 0; s < supplierSignal.length; s++) {
                int c = supplierSignal[s];
                if (c >= 0 && consumerSignal[c] == s) {
                    trade(s, c, cycles + 1);
                    agreed = true;
                }
            }
            if (!agreed) {
                return;
            }
            cycles++;
        }
    }

    List<PeerTrade> trades() {
        return trades;
    }

    int cycles() {
        return cycles;
    }

    /** Energy supplier {@code rankIndex} (0-based) has left after matching. */
    long supplyLeft(int rankIndex) {
        return supplyLeft[rankIndex];
    }

    /** Demand consumer {@code rankIndex} (0-based) has left after matching. */
    long demandLeft(int rankIndex) {
        return demandLeft[rankIndex];
    }

    static boolean compatible(SupplyOffer s, DemandBid c) {
        return s.priceMinorPerKwh() <= c.limitPriceMinorPerKwh() && !s.supplierId().equals(c.consumerId());
    }

    private int nextConsumer(int s) {
        int c = supplierCursor[s];
        while (c < consumers.size() && (demandLeft[c] == 0 || !compatible(suppliers.get(s), consumers.get(c)))) {
            c++;
        }
        supplierCursor[s] = c;
        return c < consumers.size() ? c : -1;
    }

    private int nextSupplier(int c) {
        int s = consumerCursor[c];
        while (s < suppliers.size() && (supplyLeft[s] == 0 || !compatible(suppliers.get(s), consumers.get(c)))) {
            s++;
        }
        consumerCursor[c] = s;
        return s < suppliers.size() ? s : -1;
    }

    private void trade(int s, int c, int cycle) {
        SupplyOffer supply = suppliers.get(s);
        DemandBid demand = consumers.get(c);
        long quantity = Math.min(supplyLeft[s], demandLeft[c]);
        long price = supply.priceMinorPerKwh();
        long notional = Math.multiplyExact(quantity, price);
        int supplierRank = s + 1;
        int consumerRank = c + 1;
        trades.add(new PeerTrade(cycle, supply.orderId(), supply.supplierId(), supplierRank, demand.orderId(),
                demand.consumerId(), consumerRank, quantity, price, notional,
                config.commission().commissionMinor(notional, supplierRank),
                config.commission().commissionMinor(notional, consumerRank)));
        supplyLeft[s] -= quantity;
        demandLeft[c] -= quantity;
    }
}
