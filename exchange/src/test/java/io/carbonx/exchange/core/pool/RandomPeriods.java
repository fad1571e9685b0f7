package io.carbonx.exchange.core.pool;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Seeded random clearing periods: few participants (so self-dealing occurs), prices around the pool price. */
final class RandomPeriods {

    record Case(long seed, PoolConfig config, List<SupplyOffer> supply, List<DemandBid> demand,
                List<StorageOffer> storage) {

        PeriodResult clear() {
            return PoolClearing.clear(config, 7, 210_000, supply, demand, storage);
        }

        boolean unlimitedCycles() {
            return config.maxCycles() == Integer.MAX_VALUE;
        }

        @Override
        public String toString() {
            return "Case[seed=" + seed + ", supply=" + supply + ", demand=" + demand + ", storage=" + storage
                    + ", config=" + config + "]";
        }
    }

    private RandomPeriods() {
    }

    static Case generate(long seed) {
        Random r = new Random(seed);
        int participants = 1 + r.nextInt(6);
        List<SupplyOffer> supply = new ArrayList<>();
        List<DemandBid> demand = new ArrayList<>();
        List<StorageOffer> storage = new ArrayList<>();
        int n = r.nextInt(14);
        for (int i = 0; i < n; i++) {
            supply.add(new SupplyOffer("s" + i, "P" + r.nextInt(participants), 1 + r.nextInt(300),
                    20 + r.nextInt(60), r.nextInt(5) != 0));
        }
        int m = r.nextInt(14);
        for (int i = 0; i < m; i++) {
            demand.add(new DemandBid("d" + i, "P" + r.nextInt(participants), 1 + r.nextInt(300),
                    20 + r.nextInt(60)));
        }
        int k = r.nextInt(4);
        for (int i = 0; i < k; i++) {
            storage.add(new StorageOffer("o" + i, "P" + r.nextInt(participants), 1 + r.nextInt(200),
                    20 + r.nextInt(60)));
        }
        return new Case(seed, config(r), supply, demand, storage);
    }

    private static PoolConfig config(Random r) {
        CommissionSchedule commission = switch (r.nextInt(3)) {
            case 0 -> CommissionSchedule.flat(r.nextInt(500));
            case 1 -> CommissionSchedule.defaults();
            default -> new CommissionSchedule(List.of(new CommissionSchedule.Tier(1 + r.nextInt(3), r.nextInt(100)),
                    new CommissionSchedule.Tier(5 + r.nextInt(3), r.nextInt(200))), r.nextInt(10_001));
        };
        PoolConfig c = PoolConfig.defaults(PoolFixtures.INSTRUMENT)
                .withPoolPrice(30 + r.nextInt(30))
                .withCommission(commission);
        if (r.nextInt(3) == 0) {
            c = c.withPoolCapacity(r.nextInt(400));
        }
        if (r.nextInt(3) == 0) {
            c = c.withMaxCycles(1 + r.nextInt(3));
        }
        if (r.nextBoolean()) {
            c = c.withRankingKey(RankingKey.UNIT_PRICE);
        }
        return c;
    }
}
