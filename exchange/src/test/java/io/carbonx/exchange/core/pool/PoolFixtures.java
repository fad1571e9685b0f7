package io.carbonx.exchange.core.pool;

import java.util.List;

/** Short constructors for pool scenarios. */
final class PoolFixtures {

    static final String INSTRUMENT = "ENERGY-PEAK";

    private PoolFixtures() {
    }

    static PoolConfig config() {
        return PoolConfig.defaults(INSTRUMENT);
    }

    /** Defaults without commission, to keep amounts in scenarios about something else simple. */
    static PoolConfig noCommission() {
        return config().withCommission(CommissionSchedule.flat(0));
    }

    static SupplyOffer supply(String orderId, String supplier, long kwh, long price) {
        return SupplyOffer.of(orderId, supplier, kwh, price);
    }

    static DemandBid demand(String orderId, String consumer, long kwh, long limit) {
        return new DemandBid(orderId, consumer, kwh, limit);
    }

    static StorageOffer storage(String orderId, String owner, long kwh, long price) {
        return new StorageOffer(orderId, owner, kwh, price);
    }

    static PeriodResult clear(PoolConfig config, List<SupplyOffer> supply, List<DemandBid> demand) {
        return PoolClearing.clear(config, 0, 0, supply, demand, List.of());
    }

    static PeriodResult clear(PoolConfig config, List<SupplyOffer> supply, List<DemandBid> demand,
                              List<StorageOffer> storage) {
        return PoolClearing.clear(config, 0, 0, supply, demand, storage);
    }

    static SupplyOutcome supplyOutcome(PeriodResult r, String orderId) {
        return r.supplyOutcomes().stream().filter(o -> o.orderId().equals(orderId)).findFirst().orElseThrow();
    }

    static DemandOutcome demandOutcome(PeriodResult r, String orderId) {
        return r.demandOutcomes().stream().filter(o -> o.orderId().equals(orderId)).findFirst().orElseThrow();
    }

    static long traded(PeriodResult r, String supplyOrderId, String demandOrderId) {
        return r.peerTrades().stream()
                .filter(t -> t.supplyOrderId().equals(supplyOrderId) && t.demandOrderId().equals(demandOrderId))
                .mapToLong(PeerTrade::quantityKwh).sum();
    }
}
