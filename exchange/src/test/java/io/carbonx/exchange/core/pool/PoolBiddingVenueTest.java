package io.carbonx.exchange.core.pool;

import static io.carbonx.exchange.core.pool.PoolFixtures.config;
import static io.carbonx.exchange.core.pool.PoolFixtures.demand;
import static io.carbonx.exchange.core.pool.PoolFixtures.storage;
import static io.carbonx.exchange.core.pool.PoolFixtures.supply;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The venue: periods on logical time, admission, refusals that change nothing, determinism. */
class PoolBiddingVenueTest {

    private static final long T0 = 1_000_000L;

    @Test
    void ordersJoinTheOpenPeriod_andTheyClearWhenLogicalTimePassesItsEnd() {
        PoolBiddingVenue venue = new PoolBiddingVenue(config(), T0);

        assertThat(venue.submitSupply(supply("s1", "S1", 10, 30), T0).accepted()).isTrue();
        assertThat(venue.submitDemand(demand("c1", "C1", 10, 40), T0 + 29_999).periodIndex()).isZero();
        assertThat(venue.advanceTo(T0 + 29_999)).isEmpty();

        Optional<PeriodResult> result = venue.advanceTo(T0 + 30_000);

        assertThat(result).hasValueSatisfying(r -> {
            assertThat(r.periodIndex()).isZero();
            assertThat(r.periodStartMs()).isEqualTo(T0);
            assertThat(r.periodEndMs()).isEqualTo(T0 + 30_000);
            assertThat(r.peerTrades()).hasSize(1);
        });
        assertThat(venue.openPeriodIndex()).isEqualTo(1);
        assertThat(venue.pendingOrders()).isZero();
    }

    @Test
    void clearingPeriodIsConfigurable() {
        PoolBiddingVenue venue = new PoolBiddingVenue(config().withPeriodMs(5_000), 0);
        venue.submitSupply(supply("s1", "S1", 10, 30), 4_999);

        assertThat(venue.advanceTo(5_000)).isPresent();
    }

    @Test
    void submittingAfterThePeriodEndedWithoutClearing_isRefusedWithClearingDue() {
        PoolBiddingVenue venue = new PoolBiddingVenue(config(), T0);
        String before = venue.stateHash();

        PoolSubmission s = venue.submitSupply(supply("s1", "S1", 10, 30), T0 + 30_000);

        assertThat(s.reason()).isEqualTo(PoolRejectReason.CLEARING_DUE);
        assertThat(venue.stateHash()).isEqualTo(before);
    }

    @Test
    void lateOrderForAClearedPeriod_isRefused() {
        PoolBiddingVenue venue = new PoolBiddingVenue(config(), T0);
        venue.advanceTo(T0 + 65_000);

        assertThat(venue.openPeriodIndex()).isEqualTo(2);
        assertThat(venue.submitSupply(supply("s1", "S1", 10, 30), T0 + 59_999).reason())
                .isEqualTo(PoolRejectReason.PERIOD_CLOSED);
        assertThat(venue.submitSupply(supply("s1", "S1", 10, 30), T0 - 1).reason())
                .isEqualTo(PoolRejectReason.BEFORE_FIRST_PERIOD);
    }

    @Test
    void periodsWithoutOrders_emitNothing_andAStaleTickChangesNothing() {
        PoolBiddingVenue venue = new PoolBiddingVenue(config(), T0);
        assertThat(venue.advanceTo(T0 + 10 * 30_000)).isEmpty();
        String hash = venue.stateHash();

        assertThat(venue.advanceTo(T0)).isEmpty();
        assertThat(venue.stateHash()).isEqualTo(hash);
        assertThat(venue.clearedPeriods()).isZero();
    }

    @Test
    void orderIdsMayRepeatInLaterPeriods_butNotWithinOne() {
        PoolBiddingVenue venue = new PoolBiddingVenue(config(), T0);
        venue.submitSupply(supply("x", "S1", 10, 30), T0);
        String hash = venue.stateHash();

        assertThat(venue.submitDemand(demand("x", "C1", 10, 30), T0).reason())
                .isEqualTo(PoolRejectReason.DUPLICATE_ORDER_ID);
        assertThat(venue.stateHash()).isEqualTo(hash);

        venue.advanceTo(T0 + 30_000);
        assertThat(venue.submitDemand(demand("x", "C1", 10, 30), T0 + 30_000).accepted()).isTrue();
    }

    @Test
    void aFullPeriod_refusesFurtherOrders() {
        PoolBiddingVenue venue = new PoolBiddingVenue(config().withLimits(2, 1_000, 1_000), T0);
        venue.submitSupply(supply("a", "S1", 10, 30), T0);
        venue.submitStorage(storage("b", "ST", 10, 30), T0);

        assertThat(venue.submitDemand(demand("c", "C1", 10, 30), T0).reason()).isEqualTo(PoolRejectReason.PERIOD_FULL);
    }

    static Stream<Arguments> badOrders() {
        return Stream.of(
                Arguments.of("null order", null, PoolRejectReason.MALFORMED),
                Arguments.of("blank order id", supply(" ", "S1", 10, 30), PoolRejectReason.INVALID_ID),
                Arguments.of("null participant", supply("o", null, 10, 30), PoolRejectReason.INVALID_ID),
                Arguments.of("control character", supply("o\n", "S1", 10, 30), PoolRejectReason.INVALID_ID),
                Arguments.of("id too long", supply("o".repeat(129), "S1", 10, 30), PoolRejectReason.INVALID_ID),
                Arguments.of("platform id", supply("o", PoolConfig.DEFAULT_PLATFORM_ID, 10, 30),
                        PoolRejectReason.RESERVED_PARTICIPANT_ID),
                Arguments.of("zero quantity", supply("o", "S1", 0, 30), PoolRejectReason.QUANTITY_NOT_POSITIVE),
                Arguments.of("negative quantity", supply("o", "S1", -5, 30), PoolRejectReason.QUANTITY_NOT_POSITIVE),
                Arguments.of("huge quantity", supply("o", "S1", Long.MAX_VALUE, 30),
                        PoolRejectReason.QUANTITY_TOO_LARGE),
                Arguments.of("zero price", supply("o", "S1", 10, 0), PoolRejectReason.PRICE_NOT_POSITIVE),
                Arguments.of("huge price", supply("o", "S1", 10, Long.MAX_VALUE), PoolRejectReason.PRICE_TOO_HIGH));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badOrders")
    void badSupply_isRefusedWithAPreciseReason_andChangesNothing(String name, SupplyOffer offer,
                                                                PoolRejectReason reason) {
        PoolBiddingVenue venue = new PoolBiddingVenue(config(), T0);
        venue.submitDemand(demand("c1", "C1", 10, 40), T0);
        String before = venue.stateHash();

        PoolSubmission s = venue.submitSupply(offer, T0);

        assertThat(s.accepted()).isFalse();
        assertThat(s.reason()).isEqualTo(reason);
        assertThat(s.periodIndex()).isEqualTo(-1);
        assertThat(venue.stateHash()).isEqualTo(before);
        assertThat(venue.pendingOrders()).isEqualTo(1);
    }

    @Test
    void badDemandAndStorage_areRefusedToo() {
        PoolBiddingVenue venue = new PoolBiddingVenue(config(), T0);
        String before = venue.stateHash();

        assertThat(venue.submitDemand(demand("c", "C1", 10, -1), T0).reason())
                .isEqualTo(PoolRejectReason.PRICE_NOT_POSITIVE);
        assertThat(venue.submitDemand(null, T0).reason()).isEqualTo(PoolRejectReason.MALFORMED);
        assertThat(venue.submitStorage(storage("s", "ST", 0, 10), T0).reason())
                .isEqualTo(PoolRejectReason.QUANTITY_NOT_POSITIVE);
        assertThat(venue.submitStorage(null, T0).reason()).isEqualTo(PoolRejectReason.MALFORMED);
        assertThat(venue.stateHash()).isEqualTo(before);
    }

    @Test
    void sameInput_givesSameResults_andSameStateHash() {
        Function<Integer, PoolBiddingVenue> run = ignored -> {
            PoolBiddingVenue v = new PoolBiddingVenue(config(), T0);
            for (int period = 0; period < 3; period++) {
                long t = T0 + period * 30_000L;
                v.advanceTo(t);
                v.submitSupply(supply("s" + period, "S1", 100 + period, 30 + period), t);
                v.submitSupply(supply("t" + period, "S2", 50, 25), t + 1);
                v.submitDemand(demand("c" + period, "C1", 120, 45), t + 2);
                v.submitStorage(storage("st" + period, "ST", 10, 41), t + 3);
            }
            v.advanceTo(T0 + 90_000);
            return v;
        };

        PoolBiddingVenue a = run.apply(1);
        PoolBiddingVenue b = run.apply(2);

        assertThat(a.clearedPeriods()).isEqualTo(3);
        assertThat(a.stateHash()).isEqualTo(b.stateHash());
        assertThat(a.resultChainHex()).isEqualTo(b.resultChainHex()).isNotEqualTo("0".repeat(64));
    }

    @Test
    void stateHash_coversPendingOrdersAndHistory() {
        PoolBiddingVenue a = new PoolBiddingVenue(config(), T0);
        PoolBiddingVenue b = new PoolBiddingVenue(config(), T0);
        a.submitSupply(supply("s1", "S1", 10, 30), T0);
        b.submitSupply(supply("s1", "S1", 11, 30), T0);
        assertThat(a.stateHash()).isNotEqualTo(b.stateHash());

        PoolBiddingVenue c = new PoolBiddingVenue(config(), T0);
        c.submitSupply(supply("s1", "S1", 10, 30), T0);
        c.advanceTo(T0 + 30_000);
        PoolBiddingVenue d = new PoolBiddingVenue(config(), T0);
        d.submitSupply(supply("s1", "S1", 10, 31), T0);
        d.advanceTo(T0 + 30_000);
        assertThat(c.stateHash()).isNotEqualTo(d.stateHash());
    }
}
