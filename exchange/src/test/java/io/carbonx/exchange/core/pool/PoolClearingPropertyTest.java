package io.carbonx.exchange.core.pool;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Invariants of one clearing period over seeded random inputs (the seed is part of the reported sample):
 * conservation of energy and money, price rules, no self-dealing, stability, equality with naive references,
 * determinism.
 */
class PoolClearingPropertyTest {

    @Property(tries = 400)
    void everyKwhIsAccountedFor(@ForAll long seed) {
        RandomPeriods.Case c = RandomPeriods.generate(seed);
        PeriodResult r = c.clear();

        Map<String, Long> soldBySupply = new HashMap<>();
        Map<String, Long> boughtByDemand = new HashMap<>();
        r.peerTrades().forEach(t -> {
            soldBySupply.merge(t.supplyOrderId(), t.quantityKwh(), Long::sum);
            boughtByDemand.merge(t.demandOrderId(), t.quantityKwh(), Long::sum);
        });
        Map<String, Long> pooled = new HashMap<>();
        r.poolPurchases().forEach(p -> pooled.merge(p.supplyOrderId(), p.quantityKwh(), Long::sum));
        assertThat(r.supplyOutcomes()).hasSameSizeAs(c.supply());
        for (SupplyOutcome o : r.supplyOutcomes()) {
            assertThat(o.soldToConsumersKwh() + o.soldToPoolKwh() + o.returnedKwh()).isEqualTo(o.offeredKwh());
            assertThat(o.soldToConsumersKwh()).isEqualTo(soldBySupply.getOrDefault(o.orderId(), 0L));
            assertThat(o.soldToPoolKwh()).isEqualTo(pooled.getOrDefault(o.orderId(), 0L));
            assertThat(o.returnedKwh()).isNotNegative();
        }
        assertThat(r.demandOutcomes()).hasSameSizeAs(c.demand());
        Map<String, Long> fromSources = new HashMap<>();
        r.sourceSales().forEach(s -> fromSources.merge(s.demandOrderId(), s.quantityKwh(), Long::sum));
        for (DemandOutcome o : r.demandOutcomes()) {
            assertThat(o.fromSuppliersKwh() + o.fromPoolKwh() + o.fromStorageKwh() + o.unfilledKwh())
                    .isEqualTo(o.demandedKwh());
            assertThat(o.fromSuppliersKwh()).isEqualTo(boughtByDemand.getOrDefault(o.orderId(), 0L));
            assertThat(o.fromPoolKwh() + o.fromStorageKwh()).isEqualTo(fromSources.getOrDefault(o.orderId(), 0L));
            assertThat(o.unfilledKwh()).isNotNegative();
        }
        for (StorageOutcome o : r.storageOutcomes()) {
            assertThat(o.soldKwh() + o.returnedKwh()).isEqualTo(o.offeredKwh());
            assertThat(o.returnedKwh()).isNotNegative();
        }
        long poolSold = r.sourceSales().stream().filter(s -> s.kind() == SourceSale.Kind.POOL)
                .mapToLong(SourceSale::quantityKwh).sum();
        assertThat(r.poolIntakeKwh()).isEqualTo(pooled.values().stream().mapToLong(Long::longValue).sum())
                .isLessThanOrEqualTo(c.config().poolCapacityKwh());
        assertThat(r.poolSoldKwh()).isEqualTo(poolSold);
        assertThat(r.poolSoldKwh() + r.poolRetainedKwh()).isEqualTo(r.poolIntakeKwh());
    }

    @Property(tries = 400)
    void moneyIsConserved_andCommissionFollowsTheSchedule(@ForAll long seed) {
        RandomPeriods.Case c = RandomPeriods.generate(seed);
        PeriodResult r = c.clear();
        String platform = c.config().platformId();
        Map<String, Long> cash = new TreeMap<>();

        for (PeerTrade t : r.peerTrades()) {
            assertThat(t.notionalMinor()).isEqualTo(t.quantityKwh() * t.priceMinorPerKwh());
            assertThat(t.supplierCommissionMinor()).isEqualTo(t.notionalMinor()
                    * c.config().commission().bpsForRank(t.supplierRank()) / 10_000);
            assertThat(t.consumerCommissionMinor()).isEqualTo(t.notionalMinor()
                    * c.config().commission().bpsForRank(t.consumerRank()) / 10_000);
            assertThat(t.consumerPaysMinor()).isEqualTo(t.supplierReceivesMinor() + t.commissionMinor());
            cash.merge(t.consumerId(), -t.consumerPaysMinor(), Long::sum);
            cash.merge(t.supplierId(), t.supplierReceivesMinor(), Long::sum);
            cash.merge(platform, t.commissionMinor(), Long::sum);
        }
        for (PoolPurchase p : r.poolPurchases()) {
            assertThat(p.priceMinorPerKwh()).isEqualTo(c.config().poolPriceMinorPerKwh());
            assertThat(p.amountMinor()).isEqualTo(p.quantityKwh() * p.priceMinorPerKwh());
            cash.merge(platform, -p.amountMinor(), Long::sum);
            cash.merge(p.supplierId(), p.amountMinor(), Long::sum);
        }
        for (SourceSale s : r.sourceSales()) {
            assertThat(s.amountMinor()).isEqualTo(s.quantityKwh() * s.priceMinorPerKwh());
            cash.merge(s.consumerId(), -s.amountMinor(), Long::sum);
            cash.merge(s.sellerId(), s.amountMinor(), Long::sum);
        }
        assertThat(cash.values().stream().mapToLong(Long::longValue).sum()).isZero();
        assertThat(cash.getOrDefault(platform, 0L)).isEqualTo(r.platformNetMinor());
    }

    @Property(tries = 400)
    void pricesRespectAsksAndLimits_andNobodyBuysItsOwnEnergy(@ForAll long seed) {
        RandomPeriods.Case c = RandomPeriods.generate(seed);
        PeriodResult r = c.clear();
        Map<String, SupplyOffer> supply = new HashMap<>();
        c.supply().forEach(s -> supply.put(s.orderId(), s));
        Map<String, DemandBid> demand = new HashMap<>();
        c.demand().forEach(d -> demand.put(d.orderId(), d));
        Map<String, StorageOffer> storage = new HashMap<>();
        c.storage().forEach(s -> storage.put(s.orderId(), s));

        for (PeerTrade t : r.peerTrades()) {
            assertThat(t.priceMinorPerKwh()).isEqualTo(supply.get(t.supplyOrderId()).priceMinorPerKwh())
                    .isLessThanOrEqualTo(demand.get(t.demandOrderId()).limitPriceMinorPerKwh());
            assertThat(t.supplierId()).isNotEqualTo(t.consumerId());
            assertThat(t.quantityKwh()).isPositive();
        }
        for (SourceSale s : r.sourceSales()) {
            long expected = s.kind() == SourceSale.Kind.POOL ? c.config().poolPriceMinorPerKwh()
                    : storage.get(s.sourceOrderId()).priceMinorPerKwh();
            assertThat(s.priceMinorPerKwh()).isEqualTo(expected)
                    .isLessThanOrEqualTo(demand.get(s.demandOrderId()).limitPriceMinorPerKwh());
            assertThat(s.sellerId()).isNotEqualTo(s.consumerId());
            assertThat(s.quantityKwh()).isPositive();
        }
    }

    @Property(tries = 400)
    void withUnlimitedCycles_theCyclesEqualBothSerialReferences(@ForAll long seed) {
        RandomPeriods.Case c = RandomPeriods.generate(seed);
        if (!c.unlimitedCycles()) {
            return;
        }
        Map<String, Long> actual = ReferencePool.allocation(c.clear());

        RankingKey key = c.config().rankingKey();
        assertThat(actual).isEqualTo(ReferencePool.consumerSerial(c.supply(), c.demand(), key));
        assertThat(actual).isEqualTo(ReferencePool.supplierSerial(c.supply(), c.demand(), key));
    }

    @Property(tries = 400)
    void withUnlimitedCycles_theOutcomeIsStable_noPairWouldRatherTradeMoreWithEachOther(@ForAll long seed) {
        RandomPeriods.Case c = RandomPeriods.generate(seed);
        if (!c.unlimitedCycles()) {
            return;
        }
        PeriodResult r = c.clear();
        Map<String, SupplyOutcome> so = new HashMap<>();
        r.supplyOutcomes().forEach(o -> so.put(o.orderId(), o));
        Map<String, DemandOutcome> dOut = new HashMap<>();
        r.demandOutcomes().forEach(o -> dOut.put(o.orderId(), o));

        for (SupplyOffer s : c.supply()) {
            for (DemandBid d : c.demand()) {
                if (!ReferencePool.compatible(s, d)) {
                    continue;
                }
                int sRank = so.get(s.orderId()).rank();
                int dRank = dOut.get(d.orderId()).rank();
                boolean supplierWants = so.get(s.orderId()).soldToConsumersKwh() < s.quantityKwh()
                        || r.peerTrades().stream().anyMatch(t -> t.supplyOrderId().equals(s.orderId())
                        && t.consumerRank() > dRank);
                boolean consumerWants = dOut.get(d.orderId()).fromSuppliersKwh() < d.quantityKwh()
                        || r.peerTrades().stream().anyMatch(t -> t.demandOrderId().equals(d.orderId())
                        && t.supplierRank() > sRank);
                assertThat(supplierWants && consumerWants)
                        .as("blocking pair %s / %s", s.orderId(), d.orderId()).isFalse();
            }
        }
    }

    @Property(tries = 300)
    void cyclesAreBounded(@ForAll long seed) {
        RandomPeriods.Case c = RandomPeriods.generate(seed);
        PeriodResult r = c.clear();

        assertThat(r.cycles()).isLessThanOrEqualTo(c.supply().size() + c.demand().size())
                .isLessThanOrEqualTo(c.config().maxCycles());
        assertThat(r.peerTrades()).allSatisfy(t -> assertThat(t.cycle()).isBetween(1, r.cycles()));
    }

    @Property(tries = 200)
    void clearingIsDeterministic(@ForAll long seed) {
        RandomPeriods.Case c = RandomPeriods.generate(seed);
        PeriodResult a = c.clear();
        PeriodResult b = RandomPeriods.generate(seed).clear();

        assertThat(a).isEqualTo(b);
        assertThat(a.digest()).isEqualTo(b.digest());
    }

    @Property(tries = 200)
    void rejectedOrdersNeverReachTheClearing(@ForAll long seed) {
        RandomPeriods.Case c = RandomPeriods.generate(seed);
        PoolBiddingVenue venue = new PoolBiddingVenue(c.config(), 0);
        c.supply().forEach(s -> assertThat(venue.submitSupply(s, 1).accepted()).isTrue());
        c.demand().forEach(d -> assertThat(venue.submitDemand(d, 2).accepted()).isTrue());
        c.storage().forEach(s -> assertThat(venue.submitStorage(s, 3).accepted()).isTrue());
        String hash = venue.stateHash();
        c.supply().forEach(s -> assertThat(venue.submitSupply(s, 4).reason())
                .isEqualTo(PoolRejectReason.DUPLICATE_ORDER_ID));
        assertThat(venue.stateHash()).isEqualTo(hash);

        List<PeriodResult> results = venue.advanceTo(c.config().periodMs()).stream().toList();

        if (c.supply().isEmpty() && c.demand().isEmpty() && c.storage().isEmpty()) {
            assertThat(results).isEmpty();
        } else {
            assertThat(results).singleElement().extracting(PeriodResult::digest)
                    .isEqualTo(PoolClearing.clear(c.config(), 0, 0, c.supply(), c.demand(), c.storage()).digest());
        }
    }
}
