package io.carbonx.exchange.core.pool;

import static io.carbonx.exchange.core.pool.PoolFixtures.clear;
import static io.carbonx.exchange.core.pool.PoolFixtures.config;
import static io.carbonx.exchange.core.pool.PoolFixtures.demand;
import static io.carbonx.exchange.core.pool.PoolFixtures.supply;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Commission by priority (reference §4.2 (4), last paragraph) and the money it moves. */
class CommissionRulesTest {

    @Test
    void defaultSchedule_lowersTheRateForBetterPriority() {
        CommissionSchedule s = CommissionSchedule.defaults();

        assertThat(s.bpsForRank(1)).isEqualTo(20);
        assertThat(s.bpsForRank(3)).isEqualTo(20);
        assertThat(s.bpsForRank(4)).isEqualTo(30);
        assertThat(s.bpsForRank(10)).isEqualTo(30);
        assertThat(s.bpsForRank(11)).isEqualTo(50);
        assertThat(s.bpsForRank(1_000)).isEqualTo(50);
    }

    @Test
    void commissionVariesWithEachPartysPriority() {
        CommissionSchedule schedule = new CommissionSchedule(List.of(new CommissionSchedule.Tier(1, 100)), 300);
        // consumers: c1 100x50 = 5000 (rank 1), c2 100x40 = 4000 (rank 2); one supplier, rank 1
        PeriodResult r = clear(config().withCommission(schedule), List.of(supply("s1", "S1", 200, 40)),
                List.of(demand("c1", "C1", 100, 50), demand("c2", "C2", 100, 40)));

        PeerTrade first = r.peerTrades().get(0);
        PeerTrade second = r.peerTrades().get(1);
        assertThat(first.consumerRank()).isEqualTo(1);
        assertThat(first.notionalMinor()).isEqualTo(4_000);
        assertThat(first.consumerCommissionMinor()).isEqualTo(40); // 1 %
        assertThat(first.supplierCommissionMinor()).isEqualTo(40); // supplier rank 1: 1 %
        assertThat(second.consumerRank()).isEqualTo(2);
        assertThat(second.consumerCommissionMinor()).isEqualTo(120); // 3 %
        assertThat(second.supplierCommissionMinor()).isEqualTo(40);
    }

    @Test
    void commissionConservesMoney_paidEqualsReceivedPlusCommission() {
        PeriodResult r = clear(config(), List.of(supply("s1", "S1", 77, 41)), List.of(demand("c1", "C1", 77, 50)));

        PeerTrade t = r.peerTrades().get(0);
        assertThat(t.consumerPaysMinor()).isEqualTo(t.supplierReceivesMinor() + t.commissionMinor());
        assertThat(t.consumerPaysMinor()).isEqualTo(3_157 + 6); // 77 x 41 = 3157, 20 bp floored = 6
        assertThat(r.totalCommissionMinor()).isEqualTo(12);
    }

    @Test
    void commissionIsFlooredAndNeverOverflows() {
        CommissionSchedule s = CommissionSchedule.flat(10_000);
        assertThat(s.commissionMinor(Long.MAX_VALUE, 1)).isEqualTo(Long.MAX_VALUE);
        assertThat(CommissionSchedule.flat(1).commissionMinor(9_999, 1)).isZero();
        assertThat(CommissionSchedule.flat(1).commissionMinor(10_000, 1)).isEqualTo(1);
        assertThat(CommissionSchedule.flat(33).commissionMinor(Long.MAX_VALUE, 5))
                .isEqualTo(java.math.BigInteger.valueOf(Long.MAX_VALUE).multiply(java.math.BigInteger.valueOf(33))
                        .divide(java.math.BigInteger.valueOf(10_000)).longValueExact());
    }

    @Test
    void malformedSchedules_areRefused() {
        assertThatThrownBy(() -> new CommissionSchedule(List.of(new CommissionSchedule.Tier(3, 10),
                new CommissionSchedule.Tier(3, 20)), 30)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CommissionSchedule.flat(10_001)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CommissionSchedule.flat(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CommissionSchedule(List.of(new CommissionSchedule.Tier(0, 10)), 30))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void poolAndStorageSalesCarryNoCommission() {
        PeriodResult r = clear(config(), List.of(supply("s1", "S1", 10, 90)), List.of(demand("c1", "C1", 10, 50)));

        assertThat(r.peerTrades()).isEmpty();
        assertThat(r.totalCommissionMinor()).isZero();
        assertThat(r.sourceSales()).extracting(SourceSale::amountMinor).containsExactly(430L);
    }
}
