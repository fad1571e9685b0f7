package io.carbonx.exchange.core.matching;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Properties on random seeds (jqwik reports the falsifying seed and configuration; messages repeat them):
 * the invariants of {@link InvariantChecker} hold after every step, and the production book agrees with the
 * reference book.
 */
class MatchingInvariantsTest {

    @Property(tries = 12)
    void invariantsHoldAfterEveryStep(@ForAll long seed, @ForAll StreamConfig config) {
        new DifferentialRun(config, seed, 100).runOrders(1_500, 16, true);
    }

    @Property(tries = 12)
    void fastBookAgreesWithReferenceOnSmallDeepBooks(@ForAll long seed, @ForAll StreamConfig config) {
        // a larger resting book: deeper levels, longer queues, bigger auctions
        new DifferentialRun(config, seed, 400).runOrders(1_500, 8, false);
    }
}
