package io.carbonx.exchange.core.pool;

import static io.carbonx.exchange.core.pool.PoolFixtures.config;
import static io.carbonx.exchange.core.pool.PoolFixtures.demand;
import static io.carbonx.exchange.core.pool.PoolFixtures.storage;
import static io.carbonx.exchange.core.pool.PoolFixtures.supply;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Withdrawing an order from the open period (the adapter's cancel and replace). */
class PoolWithdrawalTest {

    private static final long T0 = 1_000_000L;

    @Test
    void theOwnerWithdrawsAnOrderOfTheOpenPeriod_andItTakesNoPartInTheClearing() {
        PoolBiddingVenue venue = new PoolBiddingVenue(config(), T0);
        venue.submitSupply(supply("s1", "S1", 10, 30), T0);
        venue.submitDemand(demand("c1", "C1", 10, 40), T0 + 1);
        venue.submitStorage(storage("o1", "O1", 5, 35), T0 + 2);

        PoolWithdrawal w = venue.withdraw("s1", "S1", T0 + 3);

        assertThat(w.withdrawn()).isTrue();
        assertThat(w.quantityKwh()).isEqualTo(10);
        assertThat(venue.pendingOrders()).isEqualTo(2);
        assertThat(venue.withdraw("o1", "O1", T0 + 4).withdrawn()).isTrue();
        assertThat(venue.withdraw("c1", "C1", T0 + 5).quantityKwh()).isEqualTo(10);
        assertThat(venue.advanceTo(T0 + 30_000)).isEmpty();
    }

    @Test
    void aWithdrawnIdCanBeSubmittedAgainInTheSamePeriod() {
        PoolBiddingVenue venue = new PoolBiddingVenue(config(), T0);
        venue.submitSupply(supply("s1", "S1", 10, 30), T0);
        venue.withdraw("s1", "S1", T0 + 1);

        assertThat(venue.submitSupply(supply("s1", "S1", 20, 30), T0 + 2).accepted()).isTrue();
    }

    @Test
    void refusedWithdrawalsChangeNothing() {
        PoolBiddingVenue venue = new PoolBiddingVenue(config(), T0);
        venue.submitSupply(supply("s1", "S1", 10, 30), T0);
        String before = venue.stateHash();

        assertThat(venue.withdraw("s1", "S2", T0 + 1).reason()).isEqualTo(PoolRejectReason.NOT_ORDER_OWNER);
        assertThat(venue.withdraw("nope", "S1", T0 + 1).reason()).isEqualTo(PoolRejectReason.UNKNOWN_ORDER);
        assertThat(venue.withdraw(null, "S1", T0 + 1).reason()).isEqualTo(PoolRejectReason.UNKNOWN_ORDER);
        assertThat(venue.withdraw("s1", "S1", T0 + 30_000).reason()).isEqualTo(PoolRejectReason.CLEARING_DUE);
        assertThat(venue.withdraw("s1", "S1", T0 - 1).reason()).isEqualTo(PoolRejectReason.BEFORE_FIRST_PERIOD);
        assertThat(venue.stateHash()).isEqualTo(before);
    }
}
