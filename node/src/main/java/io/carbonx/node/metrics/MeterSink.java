package io.carbonx.node.metrics;

import io.carbonx.node.metrics.core.Observation;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Applies {@link Observation}s to a Micrometer registry: counts to counters, durations to timers that publish a
 * percentile histogram (so Prometheus computes p50/p99 across instances). Thread-safe (Micrometer meters are).
 */
final class MeterSink {
    /** Latency timers, registered at zero when the sink is created so {@code /metrics} lists them at once. */
    static final List<String> TIMERS = List.of("carbonx.latency.order.accepted", "carbonx.latency.order.trade",
            "carbonx.latency.trade.settled");
    /** Untagged counters, registered at zero likewise (tagged ones appear with their first tag values). */
    static final List<String> UNTAGGED_COUNTERS = List.of("carbonx.orders.expired", "carbonx.settlement.failures",
            "carbonx.deposits.forfeited.minor", "carbonx.accounts.cancelled", "carbonx.penalties",
            "carbonx.penalties.minor", "carbonx.metrics.correlations.forgotten");

    private final MeterRegistry registry;

    MeterSink(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
        TIMERS.forEach(t -> timer(t, Map.of()));
        UNTAGGED_COUNTERS.forEach(c -> counter(c, Map.of()));
    }

    void apply(List<Observation> observations) {
        for (Observation o : observations) {
            if (o instanceof Observation.Count c) {
                counter(c.meter(), c.tags()).increment(c.amount());
            } else if (o instanceof Observation.Duration d) {
                timer(d.meter(), d.tags()).record(d.millis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    private Counter counter(String name, Map<String, String> tags) {
        return Counter.builder(name).tags(tags(tags)).register(registry);
    }

    private Timer timer(String name, Map<String, String> tags) {
        return Timer.builder(name).tags(tags(tags)).publishPercentileHistogram()
                .minimumExpectedValue(java.time.Duration.ofMillis(1))
                .maximumExpectedValue(java.time.Duration.ofMinutes(5)).register(registry);
    }

    private static Tags tags(Map<String, String> tags) {
        Tags t = Tags.empty();
        for (Map.Entry<String, String> e : tags.entrySet()) {
            t = t.and(e.getKey(), e.getValue());
        }
        return t;
    }
}
