package io.carbonx.chain.feed;

import io.carbonx.chain.core.block.TopicPartition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * An in-process event log for running validators without Kafka (tests, the anchoring load generator):
 * append-only partitions with offsets from 0, read by any number of {@link MemoryEventFeed}s. Readers share the
 * stored arrays (no copy per reader): appended bytes must never be modified, by the writer or a reader.
 * {@link #trimBelow} forgets old events (a long benchmark would otherwise keep every event alive). Thread-safe;
 * readers wait on the log's monitor, they never spin.
 */
public final class MemoryLog {

    /** A partition: events from offset {@code base} on. */
    private static final class Partition {
        final ArrayList<ReadEvent> events = new ArrayList<>();
        long base;

        long end() {
            return base + events.size();
        }
    }

    private final TreeMap<TopicPartition, Partition> partitions = new TreeMap<>();
    private long appended;

    /** Appends {@code bytes} to {@code tp} with append time {@code appendTimeMs}; returns its offset. */
    public synchronized long append(TopicPartition tp, byte[] bytes, long appendTimeMs) {
        Partition p = partitions.computeIfAbsent(tp, k -> new Partition());
        long offset = p.end();
        p.events.add(new ReadEvent(tp, offset, bytes, appendTimeMs));
        appended++;
        notifyAll();
        return offset;
    }

    /** Appends {@code values[i]} to {@code partitions[i]}, all with {@code appendTimeMs}, waking readers once. */
    public synchronized void appendAll(List<TopicPartition> tps, List<byte[]> values, long appendTimeMs) {
        for (int i = 0; i < values.size(); i++) {
            TopicPartition tp = tps.get(i);
            Partition p = partitions.computeIfAbsent(tp, k -> new Partition());
            p.events.add(new ReadEvent(tp, p.end(), values.get(i), appendTimeMs));
        }
        appended += values.size();
        notifyAll();
    }

    /** Forgets events below {@code offsets} (per partition); readers must already be past them. */
    public synchronized void trimBelow(Map<TopicPartition, Long> offsets) {
        for (Map.Entry<TopicPartition, Long> e : offsets.entrySet()) {
            Partition p = partitions.get(e.getKey());
            if (p != null && e.getValue() > p.base) {
                int n = (int) Math.min(p.events.size(), e.getValue() - p.base);
                p.events.subList(0, n).clear();
                p.base += n;
            }
        }
    }

    /** Number of events appended. */
    public synchronized long size() {
        return appended;
    }

    /** The events of {@code tp} still held (a copy; all of them unless trimmed). */
    public synchronized List<ReadEvent> events(TopicPartition tp) {
        Partition p = partitions.get(tp);
        return p == null ? new ArrayList<>() : new ArrayList<>(p.events);
    }

    /** The partitions with their end offsets. */
    public synchronized Map<TopicPartition, Long> endOffsets() {
        Map<TopicPartition, Long> out = new TreeMap<>();
        partitions.forEach((tp, p) -> out.put(tp, p.end()));
        return out;
    }

    /**
     * Reads up to {@code max} events per partition from {@code positions} (advanced in place), waiting up to
     * {@code waitMs} for something new when there is nothing to read.
     */
    synchronized List<ReadEvent> read(Map<TopicPartition, Long> positions, int max, long waitMs)
            throws InterruptedException {
        return read(positions, max, waitMs, tp -> true);
    }

    /** As {@link #read(Map, int, long)}, reading only the partitions {@code readOn} accepts. */
    synchronized List<ReadEvent> read(Map<TopicPartition, Long> positions, int max, long waitMs,
                                      Predicate<TopicPartition> readOn)
            throws InterruptedException {
        List<ReadEvent> out = collect(positions, max, readOn);
        if (out.isEmpty() && waitMs > 0) {
            wait(waitMs);
            out = collect(positions, max, readOn);
        }
        return out;
    }

    private List<ReadEvent> collect(Map<TopicPartition, Long> positions, int max,
                                    Predicate<TopicPartition> readOn) {
        List<ReadEvent> out = new ArrayList<>();
        for (Map.Entry<TopicPartition, Partition> e : partitions.entrySet()) {
            if (!readOn.test(e.getKey())) {
                continue;
            }
            Partition p = e.getValue();
            long from = Math.max(positions.getOrDefault(e.getKey(), 0L), p.base);
            long end = Math.min(p.end(), from + max);
            for (long o = from; o < end; o++) {
                out.add(p.events.get((int) (o - p.base)));
            }
            positions.put(e.getKey(), Math.max(from, end));
        }
        return out;
    }
}
