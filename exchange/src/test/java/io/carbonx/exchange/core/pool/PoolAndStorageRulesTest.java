package io.carbonx.exchange.core.pool;

import static io.carbonx.exchange.core.pool.PoolFixtures.clear;
import static io.carbonx.exchange.core.pool.PoolFixtures.demand;
import static io.carbonx.exchange.core.pool.PoolFixtures.demandOutcome;
import static io.carbonx.exchange.core.pool.PoolFixtures.noCommission;
import static io.carbonx.exchange.core.pool.PoolFixtures.storage;
import static io.carbonx.exchange.core.pool.PoolFixtures.supply;
import static io.carbonx.exchange.core.pool.PoolFixtures.supplyOutcome;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Pool intake after the cycles, and the second scenario of reference §4.2 (5). */
class PoolAndStorageRulesTest {

    @Test
    void defaultPoolPrice_isTheReferenceFixedPrice043PerKwh() {
        assertThat(PoolFixtures.config().poolPriceMinorPerKwh()).isEqualTo(43);
        assertThat(PoolFixtures.config().periodMs()).isEqualTo(30_000);
    }

    @Test
    void unsoldSupplyGoesToPoolAtFixedPrice() {
        PeriodResult r = clear(noCommission(), List.of(supply("s1", "S1", 100, 60)),
                List.of(demand("c1", "C1", 50, 55)));

        assertThat(r.peerTrades()).isEmpty();
        assertThat(r.poolPurchases()).singleElement().satisfies(p -> {
            assertThat(p.supplyOrderId()).isEqualTo("s1");
            assertThat(p.quantityKwh()).isEqualTo(100);
            assertThat(p.priceMinorPerKwh()).isEqualTo(43);
            assertThat(p.amountMinor()).isEqualTo(4_300);
        });
        assertThat(r.poolIntakeKwh()).isEqualTo(100);
        assertThat(supplyOutcome(r, "s1").soldToPoolKwh()).isEqualTo(100);
    }

    @Test
    void poolPriceIsConfigurable() {
        PeriodResult r = clear(noCommission().withPoolPrice(51), List.of(supply("s1", "S1", 10, 60)), List.of());

        assertThat(r.poolPurchases()).extracting(PoolPurchase::priceMinorPerKwh, PoolPurchase::amountMinor)
                .containsExactly(tuple(51L, 510L));
    }

    @Test
    void consumersThenBuyFromThePool_atThePoolPrice_andThePlatformKeepsTheIncome() {
        PeriodResult r = clear(noCommission(), List.of(supply("s1", "S1", 100, 60)),
                List.of(demand("c1", "C1", 50, 55)));

        assertThat(r.sourceSales()).singleElement().satisfies(s -> {
            assertThat(s.kind()).isEqualTo(SourceSale.Kind.POOL);
            assertThat(s.sellerId()).isEqualTo(PoolConfig.DEFAULT_PLATFORM_ID);
            assertThat(s.quantityKwh()).isEqualTo(50);
            assertThat(s.amountMinor()).isEqualTo(50 * 43);
        });
        assertThat(r.poolSoldKwh()).isEqualTo(50);
        assertThat(r.poolRetainedKwh()).isEqualTo(50);
        assertThat(r.platformNetMinor()).isEqualTo(50 * 43 - 100 * 43);
    }

    @Test
    void consumersBuyFromPoolAndStorageCheapestFirst_rankedByQuantityTimesPrice() {
        // sources: pool 100x43 = 4300, storage a 20x50 = 1000, storage b 200x40 = 8000 -> a, pool, b
        PeriodResult r = clear(noCommission(), List.of(supply("s1", "S1", 100, 70)),
                List.of(demand("c1", "C1", 150, 60)),
                List.of(storage("a", "ST-A", 20, 50), storage("b", "ST-B", 200, 40)));

        assertThat(r.sourceSales()).extracting(SourceSale::sourceOrderId, SourceSale::quantityKwh,
                SourceSale::priceMinorPerKwh).containsExactly(tuple("a", 20L, 50L), tuple("POOL", 100L, 43L),
                tuple("b", 30L, 40L));
        assertThat(demandOutcome(r, "c1")).satisfies(o -> {
            assertThat(o.fromPoolKwh()).isEqualTo(100);
            assertThat(o.fromStorageKwh()).isEqualTo(50);
            assertThat(o.unfilledKwh()).isZero();
        });
        assertThat(r.storageOutcomes()).extracting(StorageOutcome::orderId, StorageOutcome::soldKwh,
                StorageOutcome::returnedKwh).containsExactly(tuple("a", 20L, 0L), tuple("b", 30L, 170L));
    }

    @Test
    void withUnitPriceRanking_poolAndStorageAreCheapestPerKwhFirst() {
        PeriodResult r = clear(noCommission().withRankingKey(RankingKey.UNIT_PRICE),
                List.of(supply("s1", "S1", 100, 70)), List.of(demand("c1", "C1", 150, 60)),
                List.of(storage("a", "ST-A", 20, 50), storage("b", "ST-B", 200, 40)));

        assertThat(r.sourceSales()).extracting(SourceSale::sourceOrderId, SourceSale::quantityKwh)
                .containsExactly(tuple("b", 150L));
    }

    @Test
    void consumersAreServedFromPoolAndStorageInTheirPriorityOrder() {
        // pool gets 30 kWh; C2 (40x50 = 2000) ranks before C1 (10x60 = 600) and takes the pool first.
        PeriodResult r = clear(noCommission(), List.of(supply("s1", "S1", 30, 90)),
                List.of(demand("c1", "C1", 10, 60), demand("c2", "C2", 40, 50)));

        assertThat(demandOutcome(r, "c2").fromPoolKwh()).isEqualTo(30);
        assertThat(demandOutcome(r, "c1").fromPoolKwh()).isZero();
        assertThat(demandOutcome(r, "c1").unfilledKwh()).isEqualTo(10);
    }

    @Test
    void consumersLimitAppliesToPoolAndStorage() {
        PeriodResult r = clear(noCommission(), List.of(supply("s1", "S1", 100, 60)),
                List.of(demand("c1", "C1", 50, 42)), List.of(storage("a", "ST-A", 10, 45)));

        assertThat(r.sourceSales()).isEmpty();
        assertThat(demandOutcome(r, "c1").unfilledKwh()).isEqualTo(50);
        assertThat(r.poolRetainedKwh()).isEqualTo(100);
    }

    @Test
    void storageOwnerDoesNotBuyItsOwnEnergy() {
        PeriodResult r = clear(noCommission(), List.of(), List.of(demand("c1", "OWNER", 10, 60)),
                List.of(storage("a", "OWNER", 10, 40)));

        assertThat(r.sourceSales()).isEmpty();
        assertThat(r.storageOutcomes()).extracting(StorageOutcome::returnedKwh).containsExactly(10L);
    }

    @Test
    void supplyOptingOutOfThePool_isReturned() {
        PeriodResult r = clear(noCommission(), List.of(new SupplyOffer("s1", "S1", 100, 60, false)), List.of());

        assertThat(r.poolPurchases()).isEmpty();
        assertThat(supplyOutcome(r, "s1").returnedKwh()).isEqualTo(100);
    }

    @Test
    void poolCapacityLimitsIntake_inSupplierRankOrder_restReturned() {
        // unsold: s1 10x90 = 900 (rank 1), s2 50x80 = 4000 (rank 2); capacity 30
        PeriodResult r = clear(noCommission().withPoolCapacity(30),
                List.of(supply("s2", "S2", 50, 80), supply("s1", "S1", 10, 90)), List.of());

        assertThat(supplyOutcome(r, "s1")).extracting(SupplyOutcome::soldToPoolKwh, SupplyOutcome::returnedKwh)
                .containsExactly(10L, 0L);
        assertThat(supplyOutcome(r, "s2")).extracting(SupplyOutcome::soldToPoolKwh, SupplyOutcome::returnedKwh)
                .containsExactly(20L, 30L);
        assertThat(r.poolIntakeKwh()).isEqualTo(30);
    }

    @Test
    void unfilledDemand_isReported() {
        PeriodResult r = clear(noCommission(), List.of(supply("s1", "S1", 10, 20)),
                List.of(demand("c1", "C1", 25, 30)));

        assertThat(demandOutcome(r, "c1")).extracting(DemandOutcome::fromSuppliersKwh, DemandOutcome::unfilledKwh)
                .containsExactly(10L, 15L);
    }
}
