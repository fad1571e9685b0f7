package io.carbonx.node.metrics.core;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One thing {@link MarketActivity} saw: a count to add to a counter, or a duration to record in a timer. Tags are
 * sorted by name so equal observations compare equal.
 */
public sealed interface Observation {

    /** The meter's name, e.g. {@code carbonx.orders.submitted}. */
    String meter();

    /** The meter's tags, sorted by name. */
    Map<String, String> tags();

    /** Add {@code amount} (positive) to counter {@link #meter()}. */
    record Count(String meter, Map<String, String> tags, long amount) implements Observation {
        public Count {
            Objects.requireNonNull(meter, "meter");
            tags = sorted(tags);
            if (amount <= 0) {
                throw new IllegalArgumentException("amount must be positive: " + amount);
            }
        }
    }

    /** Record {@code millis} (zero or more) in timer {@link #meter()}. */
    record Duration(String meter, Map<String, String> tags, long millis) implements Observation {
        public Duration {
            Objects.requireNonNull(meter, "meter");
            tags = sorted(tags);
            if (millis < 0) {
                throw new IllegalArgumentException("millis must not be negative: " + millis);
            }
        }
    }

    private static Map<String, String> sorted(Map<String, String> tags) {
        return java.util.Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(tags, "tags")));
    }
}
