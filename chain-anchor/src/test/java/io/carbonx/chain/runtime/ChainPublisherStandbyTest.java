package io.carbonx.chain.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.carbonx.eventlog.runtime.KafkaClientTracker;
import org.junit.jupiter.api.Test;

/**
 * The standby of a fenced publisher grows while its takeovers keep being fenced before they commit, and is
 * jittered, so two publishers that fence each other drift apart instead of livelocking.
 */
class ChainPublisherStandbyTest {

    private final ChainPublisher publisher = new ChainPublisher(null, "c", "blocks", "views", null,
            KafkaClientTracker.NONE, "test", 300);

    @Test
    void givenConsecutiveFencedTakeovers_thenTheStandbyDoublesUpToSixteenTimesPlusUpToHalfAtRandom() {
        long[] base = {300, 600, 1_200, 2_400, 4_800, 4_800, 4_800};
        for (int n = 1; n <= base.length; n++) {
            for (int i = 0; i < 200; i++) {
                assertThat(publisher.standbyMs(n)).as("fenced %d in a row", n)
                        .isBetween(base[n - 1], base[n - 1] + base[n - 1] / 2);
            }
        }
    }

    @Test
    void givenManyDraws_thenTheStandbyIsJittered() {
        assertThat(java.util.stream.IntStream.range(0, 200).mapToLong(i -> publisher.standbyMs(1)).distinct().count())
                .isGreaterThan(20);
    }
}
