package io.carbonx.chain.feed;

import io.carbonx.chain.core.block.TopicPartition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An in-process event log for running validators without Kafka (tests, the anchoring load generator):
 * append-only partitions with offsets from 0, read by any number of {@link MemoryEventFeed}s. Thread-safe;
 * readers wait on the log's monitor, they never spin.
 */
public final class MemoryLog {

    private final TreeMap<TopicPartition, List<ReadEvent>> partitions = new TreeMap<>();
    private long appended;

    /** Appends {@code bytes} to {@code tp} with append time {@code appendTimeMs}; returns its offset. */
    public synchronized long append(TopicPartition tp, byte[] bytes, long appendTimeMs) {
        List<ReadEvent> p = partitions.computeIfAbsent(tp, k -> new ArrayList<>());
        long offset = p.size();
        p.add(new ReadEvent(tp, offset, bytes, appendTimeMs));
        appended++;
        notifyAll();
        return offset;
    }

    /** Number of events appended. */
    public synchronized long size() {
        return appended;
    }

    /** All events of {@code tp} (a copy). */
    public synchronized List<ReadEvent> events(TopicPartition tp) {
        return new ArrayList<>(partitions.getOrDefault(tp, List.of()));
    }

    /** The partitions with their end offsets. */
    public synchronized Map<TopicPartition, Long> endOffsets() {
        Map<TopicPartition, Long> out = new TreeMap<>();
        partitions.forEach((tp, p) -> out.put(tp, (long) p.size()));
        return out;
    }

    /**
     * Reads up to {@code max} events per partition from {@code positions} (advanced in place), waiting up to
     * {@code waitMs} for something new when there is nothing to read.
     */
    synchronized List<ReadEvent> read(Map<TopicPartition, Long> positions, int max, long waitMs)
            throws InterruptedException {
        List<ReadEvent> out = collect(positions, max);
        if (out.isEmpty() && waitMs > 0) {
            wait(waitMs);
            out = collect(positions, max);
        }
        return out;
    }

    private List<ReadEvent> collect(Map<TopicPartition, Long> positions, int max) {
        List<ReadEvent> out = new ArrayList<>();
        for (Map.Entry<TopicPartition, List<ReadEvent>> e : partitions.entrySet()) {
            long from = positions.getOrDefault(e.getKey(), 0L);
            List<ReadEvent> p = e.getValue();
            int end = (int) Math.min(p.size(), from + max);
            for (int i = (int) from; i < end; i++) {
                ReadEvent r = p.get(i);
                out.add(new ReadEvent(r.topicPartition(), r.offset(), r.bytes().clone(), r.appendTimeMs()));
            }
            positions.put(e.getKey(), Math.max(from, end));
        }
        return out;
    }
}
