package io.carbonx.exchange.core.pool;

import java.util.ArrayList;
import java.util.TreeSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Clears one period of pool bidding — a pure function of the configuration and the period's orders. The list
 * order of each kind of order is its submission order, used only to break ties.
 *
 * <ol>
 *   <li><b>Scenario 1, peer to peer</b> ({@link PeerMatcher}): suppliers ranked by quantity × ask (lowest
 *       first), consumers by quantity × limit (highest first); cycles of mutual signals; trades at the supplier's
 *       ask with commissions by rank ({@link CommissionSchedule}).</li>
 *   <li><b>Pool intake</b>: energy still unsold goes to the pool at the fixed pool price, in supplier rank order,
 *       up to the pool capacity, unless the offer opted out; the rest is returned to its supplier.</li>
 *   <li><b>Scenario 2, pool and storage</b> ({@link SourceAllocator}): consumers with demand left buy from the
 *       pool and storage, cheapest (quantity × price) first.</li>
 * </ol>
 * Pool energy not sold to consumers is retained by the platform; nothing carries over to the next period.
 *
 * <p><b>Interpretation choices</b> where reference §4.2 is silent or ambiguous (quoted and argued in
 * {@code exchange/POOL_BIDDING.md}, each pinned by a test):
 * <ol>
 *   <li>C1 — formulas (1) and (2) are capacity constraints: trades are partial, {@code min(supply, demand)}.</li>
 *   <li>C2 — ranking keys are the reference's quantity × price, fixed at period start; ties by price, then
 *       submission order ({@link RankingKey#UNIT_PRICE} optional).</li>
 *   <li>C3 — a trade needs mutual "tradable signals" in the same cycle; cycles until none agree (or
 *       {@code maxCycles}).</li>
 *   <li>C4 — trades at the supplier's ask; the consumer's price is a limit (ask ≤ limit).</li>
 *   <li>C5 — nobody buys its own energy (peer or storage).</li>
 *   <li>C6 — unsold supply goes to the pool at the fixed price whatever its ask, unless the offer opted out or the
 *       pool's capacity is reached; the rest is returned.</li>
 *   <li>C7 — commission in basis points for each party at its own rank's rate, peer trades only, floored.</li>
 *   <li>C8 — scenario 2: sources by quantity × price ascending, pool before storage on ties; consumers served in
 *       their scenario-1 priority order, at the source's price, within their limit; no commission.</li>
 *   <li>C9 — 30 s periods of logical time, no carry-over of supply, demand or pool energy.</li>
 * </ol>
 */
public final class PoolClearing {

    private PoolClearing() {
    }

    /**
     * Clears a period.
     *
     * @throws IllegalArgumentException if an order fails validation, an order id repeats, or there are more orders
     *                                  than {@link PoolConfig#maxOrdersPerPeriod()} (the venue never passes such
     *                                  input)
     */
    public static PeriodResult clear(PoolConfig config, long periodIndex, long periodStartMs,
                                     List<SupplyOffer> supply, List<DemandBid> demand, List<StorageOffer> storage) {
        validate(config, supply, demand, storage);
        List<SupplyOffer> rankedSupply = reorder(supply, Ranking.suppliers(supply, config.rankingKey()));
        List<DemandBid> rankedDemand = reorder(demand, Ranking.consumers(demand, config.rankingKey()));
        PeerMatcher matcher = new PeerMatcher(config, rankedSupply, rankedDemand);
        matcher.run();

        List<PoolPurchase> purchases = new ArrayList<>();
        List<SupplyOutcome> supplyOutcomes = new ArrayList<>();
        long capacityLeft = config.poolCapacityKwh();
        long intake = 0;
        for (int s = 0; s < rankedSupply.size(); s++) {
            SupplyOffer o = rankedSupply.get(s);
            long unsold = matcher.supplyLeft(s);
            long toPool = o.sellUnsoldToPool() ? Math.min(unsold, capacityLeft) : 0;
            if (toPool > 0) {
                capacityLeft -= toPool;
                intake = Math.addExact(intake, toPool);
                purchases.add(new PoolPurchase(o.orderId(), o.supplierId(), toPool, config.poolPriceMinorPerKwh(),
                        Math.multiplyExact(toPool, config.poolPriceMinorPerKwh())));
            }
            supplyOutcomes.add(new SupplyOutcome(o.orderId(), o.supplierId(), s + 1, o.priceMinorPerKwh(),
                    o.quantityKwh(),
                    o.quantityKwh() - unsold, toPool, unsold - toPool));
        }

        SourceAllocator sources = new SourceAllocator(config, intake, storage);
        List<DemandOutcome> demandOutcomes = new ArrayList<>();
        for (int c = 0; c < rankedDemand.size(); c++) {
            DemandBid b = rankedDemand.get(c);
            long left = matcher.demandLeft(c);
            long[] bought = sources.serve(b, left);
            demandOutcomes.add(new DemandOutcome(b.orderId(), b.consumerId(), c + 1, b.limitPriceMinorPerKwh(),
                    b.quantityKwh(),
                    b.quantityKwh() - left, bought[0], bought[1], left - bought[0] - bought[1]));
        }
        long start = periodStartMs;
        return new PeriodResult(config.instrumentId(), periodIndex, start, Math.addExact(start, config.periodMs()),
                matcher.cycles(), matcher.trades(), purchases, sources.sales(), supplyOutcomes, demandOutcomes,
                sources.storageOutcomes(storage), intake, sources.poolSoldKwh(), intake - sources.poolSoldKwh());
    }

    private static void validate(PoolConfig config, List<SupplyOffer> supply, List<DemandBid> demand,
                                 List<StorageOffer> storage) {
        if ((long) supply.size() + demand.size() + storage.size() > config.maxOrdersPerPeriod()) {
            throw new IllegalArgumentException("more orders than maxOrdersPerPeriod " + config.maxOrdersPerPeriod());
        }
        Set<String> ids = new TreeSet<>();
        for (SupplyOffer o : supply) {
            require(PoolOrderValidator.check(config, o), o);
            requireUnique(ids, o.orderId());
        }
        for (DemandBid b : demand) {
            require(PoolOrderValidator.check(config, b), b);
            requireUnique(ids, b.orderId());
        }
        for (StorageOffer s : storage) {
            require(PoolOrderValidator.check(config, s), s);
            requireUnique(ids, s.orderId());
        }
    }

    private static void require(Optional<PoolRejectReason> reason, Object order) {
        reason.ifPresent(r -> {
            throw new IllegalArgumentException(r + ": " + order);
        });
    }

    private static void requireUnique(Set<String> ids, String orderId) {
        if (!ids.add(orderId)) {
            throw new IllegalArgumentException(PoolRejectReason.DUPLICATE_ORDER_ID + ": " + orderId);
        }
    }

    private static <T> List<T> reorder(List<T> items, int[] order) {
        List<T> out = new ArrayList<>(order.length);
        for (int i : order) {
            out.add(items.get(i));
        }
        return out;
    }
}
