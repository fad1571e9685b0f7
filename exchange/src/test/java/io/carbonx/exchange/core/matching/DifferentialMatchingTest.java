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
        if (config.rules().schedule().mode() != SessionSchedule.Mode.CONTINUOUS_ONLY) {
            assertThat(run.auctionCount()).as("auctions, seed " + seed).isGreaterThan(10);
        }
    }
}
