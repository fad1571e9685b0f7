package io.carbonx.loadgen;

import java.util.EnumMap;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * One HdrHistogram per {@link Stage}, in microseconds (1 µs to 1 h, 3 significant digits). Latencies are taken from
 * an order's <em>intended</em> send time on the fixed-rate schedule, so an order delayed behind a slow one is
 * charged the whole delay: the coordinated-omission correction is the schedule itself, not a statistical fill-in.
 * Not thread-safe: one observer thread records.
 */
public final class StageLatencies {

    private static final long HIGHEST_MICROS = 3_600_000_000L;

    private final Map<Stage, Histogram> histograms = new EnumMap<>(Stage.class);

    /** Empty histograms. */
    public StageLatencies() {
        for (Stage s : Stage.values()) {
            histograms.put(s, new Histogram(1, HIGHEST_MICROS, 3));
        }
    }

    /** Records a latency (negative values, from clock granularity, count as 0; above 1 h as 1 h). */
    public synchronized void record(Stage stage, long micros) {
        histograms.get(stage).recordValue(Math.min(HIGHEST_MICROS, Math.max(0, micros)));
    }

    /** The histogram of a stage (live: copy before reading concurrently). */
    public Histogram of(Stage stage) {
        return histograms.get(stage);
    }

    /** A consistent copy. */
    public synchronized StageLatencies copy() {
        StageLatencies c = new StageLatencies();
        histograms.forEach((s, h) -> c.histograms.get(s).add(h));
        return c;
    }
}
