package io.carbonx.chain.runtime;

import io.carbonx.chain.core.pbft.message.CommittedBlock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The chain's Micrometer metrics, fed by a node's validators; each height and each view is counted once
 * however many local validators report it.
 * <ul>
 *   <li>{@code carbonx.chain.height} (gauge): highest committed height among local validators;</li>
 *   <li>{@code carbonx.chain.view} (gauge): highest view entered;</li>
 *   <li>{@code carbonx.chain.view.changes} (counter): views entered after view 0;</li>
 *   <li>{@code carbonx.chain.blocks.committed}, {@code carbonx.chain.events.anchored} (counters);</li>
 *   <li>{@code carbonx.chain.finality} (timer with percentile histogram): per event, from its append to the
 *       log (the record timestamp) to the first local commit of its block.</li>
 * </ul>
 * Thread-safe.
 */
public final class AnchorMetrics {

    private final AtomicLong height = new AtomicLong();
    private final AtomicLong view = new AtomicLong();
    private final Counter viewChanges;
    private final Counter blocks;
    private final Counter events;
    private final Timer finality;

    /** Registers the meters, tagged {@code chain=<chainId>}, in {@code registry}. */
    public AnchorMetrics(MeterRegistry registry, String chainId) {
        Gauge.builder("carbonx.chain.height", height, AtomicLong::get).tag("chain", chainId)
                .description("highest committed block height").register(registry);
        Gauge.builder("carbonx.chain.view", view, AtomicLong::get).tag("chain", chainId)
                .description("highest PBFT view entered").register(registry);
        viewChanges = Counter.builder("carbonx.chain.view.changes").tag("chain", chainId)
                .description("PBFT view changes").register(registry);
        blocks = Counter.builder("carbonx.chain.blocks.committed").tag("chain", chainId)
                .description("blocks committed").register(registry);
        events = Counter.builder("carbonx.chain.events.anchored").tag("chain", chainId)
                .description("events anchored in committed blocks").register(registry);
        finality = Timer.builder("carbonx.chain.finality").tag("chain", chainId)
                .description("time from an event's append to the log to the commit of its block")
                .publishPercentiles(0.5, 0.99).publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(60))
                .register(registry);
    }

    /**
     * A validator committed {@code block}; counted (and its events' finality recorded) only for the first
     * local validator to commit that height. Returns true then.
     */
    public boolean committed(CommittedBlock block, long commitTimeMs, long[] appendTimesMs) {
        long h = block.height();
        long prev;
        do {
            prev = height.get();
            if (h <= prev) {
                return false;
            }
        } while (!height.compareAndSet(prev, h));
        blocks.increment();
        events.increment(block.header().treeSize());
        for (long t : appendTimesMs) {
            finality.record(Math.max(0, commitTimeMs - t), TimeUnit.MILLISECONDS);
        }
        return true;
    }

    /** A validator entered {@code v}; counted once per view. */
    public void viewEntered(long v) {
        long prev;
        do {
            prev = view.get();
            if (v <= prev) {
                return;
            }
        } while (!view.compareAndSet(prev, v));
        viewChanges.increment();
    }

    /** The finality timer (benchmarks read its percentiles). */
    public Timer finality() {
        return finality;
    }
}
