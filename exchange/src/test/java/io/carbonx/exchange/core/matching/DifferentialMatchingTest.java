package io.carbonx.exchange.core.matching;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The production book against the naive reference book on long seeded random streams: 30,000 orders per
 * configuration, 120,000 per run. Seeds are fixed for reproducibility; {@code -Dmatching.seed=N} overrides
 * them. A failure message names configuration, seed and step.
 */
class DifferentialMatchingTest {

    private static final long ORDERS_PER_CONFIG = 30_000;

    @ParameterizedTest
    @EnumSource(StreamConfig.class)
    void fastBookProducesSameEventsAndBooksAsReferenceBook(StreamConfig config) {
        long seed = Long.getLong("matching.seed", 0x5EEDL * 31 + config.ordinal());
        DifferentialRun run = new DifferentialRun(config, seed, 150).runOrders(ORDERS_PER_CONFIG, 64, true);

        // the stream really exercised matching, not just rejections
        assertThat(run.placed()).isGreaterThanOrEqualTo(ORDERS_PER_CONFIG);
        assertThat(run.tradeCount()).as("trades, seed " + seed).isGreaterThan(ORDERS_PER_CONFIG / 10);
        assertThat(run.rejectCount()).as("rejections, seed " + seed).isPositive();
        assertThat(run.seen()).as("rules exercised, seed " + seed).contains(
                "OrderReplaced.priorityKept=true", "OrderReplaced.priorityKept=false",
                "OrderCancelled.USER_REQUESTED", "OrderCancelled.PARTICIPANT_MASS_CANCEL",
                "OrderRejected.DUPLICATE_ORDER_ID", "OrderRejected.UNKNOWN_ORDER", "OrderRejected.NOT_ORDER_OWNER",
                "OrderRejected.OFF_TICK", "OrderRejected.OFF_LOT", "OrderRejected.OUT_OF_BAND");
        SessionSchedule.Mode mode = config.rules().schedule().mode();
        if (mode != SessionSchedule.Mode.PERIODIC_AUCTIONS) {
            assertThat(run.seen()).as("continuous rules exercised, seed " + seed).contains(
                    "TradeExecuted.continuous", "OrderCancelled.SELF_TRADE_PREVENTION",
                    "OrderCancelled.FOK_NOT_FILLABLE", "OrderCancelled.IOC_REMAINDER",
                    "OrderCancelled.MARKET_REMAINDER");
        }
        if (mode != SessionSchedule.Mode.CONTINUOUS_ONLY) {
            assertThat(run.auctionCount()).as("auctions, seed " + seed).isGreaterThan(10);
            assertThat(run.seen()).as("session rules exercised, seed " + seed).contains(
                    "TradeExecuted.auction", "OrderExpired", "OrderRejected.MARKET_CLOSED",
                    "OrderRejected.NOT_ALLOWED_IN_CALL_PHASE");
        }
    }
}
