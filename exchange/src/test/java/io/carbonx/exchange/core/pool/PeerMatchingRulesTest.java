package io.carbonx.exchange.core.pool;

import static io.carbonx.exchange.core.pool.PoolFixtures.clear;
import static io.carbonx.exchange.core.pool.PoolFixtures.demand;
import static io.carbonx.exchange.core.pool.PoolFixtures.demandOutcome;
import static io.carbonx.exchange.core.pool.PoolFixtures.noCommission;
import static io.carbonx.exchange.core.pool.PoolFixtures.supply;
import static io.carbonx.exchange.core.pool.PoolFixtures.supplyOutcome;
import static io.carbonx.exchange.core.pool.PoolFixtures.traded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The first scenario of reference §4.2 (4): ranking, signals in cycles, price rule. */
class PeerMatchingRulesTest {

    @Test
    void suppliersOfferToConsumersRankedByQuantityTimesPrice_highestFirst() {
        // sort values: C1 60x40 = 2400, C2 50x50 = 2500, C3 80x35 = 2800
        PeriodResult r = clear(noCommission(), List.of(supply("s1", "S1", 100, 30)),
                List.of(demand("c1", "C1", 60, 40), demand("c2", "C2", 50, 50), demand("c3", "C3", 80, 35)));

        assertThat(demandOutcome(r, "c3").rank()).isEqualTo(1);
        assertThat(demandOutcome(r, "c2").rank()).isEqualTo(2);
        assertThat(demandOutcome(r, "c1").rank()).isEqualTo(3);
        assertThat(traded(r, "s1", "c3")).isEqualTo(80);
        assertThat(traded(r, "s1", "c2")).isEqualTo(20);
        assertThat(traded(r, "s1", "c1")).isZero();
        assertThat(r.peerTrades()).extracting(PeerTrade::demandOrderId).containsExactly("c3", "c2");
    }

    @Test
    void consumersBuyFromCheapestSupplierFirst_rankedByQuantityTimesPrice() {
        // sort values: S1 60x40 = 2400, S2 30x45 = 1350, S3 50x30 = 1500 -> S2, S3, S1 (literal reading of §4.2:
        // the sort value is quantity x price, so the small S2 ranks before the lower-priced S3)
        PeriodResult r = clear(noCommission(),
                List.of(supply("s1", "S1", 60, 40), supply("s2", "S2", 30, 45), supply("s3", "S3", 50, 30)),
                List.of(demand("c1", "C1", 100, 50)));

        assertThat(r.peerTrades()).extracting(PeerTrade::supplyOrderId).containsExactly("s2", "s3", "s1");
        assertThat(traded(r, "s2", "c1")).isEqualTo(30);
        assertThat(traded(r, "s3", "c1")).isEqualTo(50);
        assertThat(traded(r, "s1", "c1")).isEqualTo(20);
        assertThat(supplyOutcome(r, "s2").rank()).isEqualTo(1);
        assertThat(supplyOutcome(r, "s3").rank()).isEqualTo(2);
        assertThat(supplyOutcome(r, "s1").rank()).isEqualTo(3);
    }

    @Test
    void rankingByUnitPrice_isAnOption_cheapestAskFirstWhateverItsSize() {
        PeriodResult r = clear(noCommission().withRankingKey(RankingKey.UNIT_PRICE),
                List.of(supply("s1", "S1", 60, 40), supply("s2", "S2", 30, 45), supply("s3", "S3", 50, 30)),
                List.of(demand("c1", "C1", 100, 50), demand("c2", "C2", 10, 90)));

        assertThat(r.supplyOutcomes()).extracting(SupplyOutcome::orderId).containsExactly("s3", "s1", "s2");
        assertThat(r.demandOutcomes()).extracting(DemandOutcome::orderId).containsExactly("c2", "c1");
        assertThat(traded(r, "s3", "c2")).isEqualTo(10);
        assertThat(traded(r, "s3", "c1")).isEqualTo(40);
        assertThat(traded(r, "s1", "c1")).isEqualTo(60);
    }

    @Test
    void equalSortValues_areBrokenByPriceThenSubmissionOrder() {
        // suppliers: a 20x30 = 600, b 30x20 = 600 -> b (lower ask) first; c 30x20 = 600 submitted after b
        PeriodResult r = clear(noCommission(),
                List.of(supply("a", "A", 20, 30), supply("b", "B", 30, 20), supply("c", "C", 30, 20)),
                List.of(demand("d1", "D1", 10, 40), demand("d2", "D2", 10, 40), demand("d3", "D3", 5, 80)));

        assertThat(r.supplyOutcomes()).extracting(SupplyOutcome::orderId).containsExactly("b", "c", "a");
        // consumers: d1 400, d2 400 (tie on value and price -> submission order), d3 400 at a higher price first
        assertThat(r.demandOutcomes()).extracting(DemandOutcome::orderId).containsExactly("d3", "d1", "d2");
    }

    @Test
    void tradesHappenAtTheSuppliersAsk_andNeverAboveTheConsumersLimit() {
        PeriodResult r = clear(noCommission(), List.of(supply("s1", "S1", 10, 30), supply("s2", "S2", 10, 60)),
                List.of(demand("c1", "C1", 20, 50)));

        assertThat(r.peerTrades()).singleElement().satisfies(t -> {
            assertThat(t.supplyOrderId()).isEqualTo("s1");
            assertThat(t.priceMinorPerKwh()).isEqualTo(30);
            assertThat(t.notionalMinor()).isEqualTo(300);
        });
        assertThat(supplyOutcome(r, "s2").soldToConsumersKwh()).isZero();
    }

    @Test
    void pairsTradeOnlyWhenTheySignalEachOther_inCycles() {
        // S1 (10x10 = 100) and S2 (20x20 = 400) both signal C1 (30x50) first; C1 signals only its best, S1.
        // cycle 1: S1-C1 trade 10; cycle 2: S2 now is C1's best -> S2-C1 trade 20. C2 (5x25 = 125, rank 2)
        // gets nothing peer to peer: both suppliers are sold out.
        PeriodResult r = clear(noCommission(), List.of(supply("s1", "S1", 10, 10), supply("s2", "S2", 20, 20)),
                List.of(demand("c1", "C1", 30, 50), demand("c2", "C2", 5, 25)));

        assertThat(r.peerTrades()).extracting(PeerTrade::cycle, PeerTrade::supplyOrderId, PeerTrade::quantityKwh)
                .containsExactly(tuple(1, "s1", 10L), tuple(2, "s2", 20L));
        assertThat(r.cycles()).isEqualTo(2);
        assertThat(demandOutcome(r, "c2").fromSuppliersKwh()).isZero();
    }

    @Test
    void severalDisjointPairsAgreeInTheSameCycle() {
        // suppliers: S2 5x30 = 150 (rank 1), S1 20x10 = 200 (rank 2); consumers: C1 20x15 = 300 (rank 1),
        // C2 5x40 = 200 (rank 2). S2's ask is above C1's limit, so S2 signals C2 while S1 signals C1; C1 signals
        // S1 and C2 signals S2: two agreements in cycle 1.
        PeriodResult r = clear(noCommission(), List.of(supply("s2", "S2", 5, 30), supply("s1", "S1", 20, 10)),
                List.of(demand("c1", "C1", 20, 15), demand("c2", "C2", 5, 40)));

        assertThat(r.cycles()).isEqualTo(1);
        assertThat(r.peerTrades()).extracting(PeerTrade::cycle).containsExactly(1, 1);
        assertThat(traded(r, "s1", "c1")).isEqualTo(20);
        assertThat(traded(r, "s2", "c2")).isEqualTo(5);
    }

    @Test
    void maxCyclesBoundsTheMatching_restGoesToThePool() {
        List<SupplyOffer> supplies = List.of(supply("s1", "S1", 10, 10), supply("s2", "S2", 20, 20));
        List<DemandBid> demands = List.of(demand("c1", "C1", 30, 50));

        PeriodResult oneCycle = clear(noCommission().withMaxCycles(1), supplies, demands);

        assertThat(oneCycle.cycles()).isEqualTo(1);
        assertThat(oneCycle.peerTrades()).extracting(PeerTrade::supplyOrderId).containsExactly("s1");
        assertThat(supplyOutcome(oneCycle, "s2").soldToPoolKwh()).isEqualTo(20);
        // C1 then buys the pooled energy at the pool price in the second scenario
        assertThat(demandOutcome(oneCycle, "c1").fromPoolKwh()).isEqualTo(20);
    }

    @Test
    void aParticipantNeverTradesWithItself() {
        PeriodResult r = clear(noCommission(), List.of(supply("s1", "P", 10, 10), supply("s2", "Q", 10, 20)),
                List.of(demand("c1", "P", 10, 50)));

        assertThat(traded(r, "s1", "c1")).isZero();
        assertThat(traded(r, "s2", "c1")).isEqualTo(10);
    }

    @Test
    void noCompatiblePair_meansNoTradeAndNoCycle() {
        PeriodResult r = clear(noCommission(), List.of(supply("s1", "S1", 10, 60)),
                List.of(demand("c1", "C1", 10, 50)));

        assertThat(r.peerTrades()).isEmpty();
        assertThat(r.cycles()).isZero();
    }
}
