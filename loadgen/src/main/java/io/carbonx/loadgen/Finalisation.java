package io.carbonx.loadgen;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Event → finalised block: maps tracked events (topic, partition, offset, append time) to the first committed block
 * whose header range covers the offset, and records append → block read. A block may be read before an event it
 * covers (the consumer reads several topics); the block's read time is then kept per partition and used when the
 * event arrives. Not thread-safe (the observer's thread).
 */
final class Finalisation {

    private final StageLatencies latencies;
    private final Map<String, ArrayDeque<long[]>> pending = new HashMap<>();
    private final Map<String, NavigableMap<Long, Long>> blocks = new HashMap<>();
    private long tracked;
    private long finalised;

    Finalisation(StageLatencies latencies) {
        this.latencies = latencies;
    }

    private static String key(String topic, int partition) {
        return topic + "/" + partition;
    }

    /** An event to time: appended at {@code appendMs} (record timestamp), read now. */
    void track(String topic, int partition, long offset, long appendMs) {
        tracked++;
        String k = key(topic, partition);
        NavigableMap<Long, Long> seen = blocks.get(k);
        Map.Entry<Long, Long> block = seen == null ? null : seen.higherEntry(offset);
        if (block != null) {
            done(block.getValue() - appendMs);
            return;
        }
        pending.computeIfAbsent(k, x -> new ArrayDeque<>()).add(new long[] {offset, appendMs});
    }

    /** A committed block's range {@code [from, toExclusive)} of {@code topic/partition}, read at {@code nowMs}. */
    void anchored(String topic, int partition, long toExclusive, long nowMs) {
        String k = key(topic, partition);
        NavigableMap<Long, Long> seen = blocks.computeIfAbsent(k, x -> new TreeMap<>());
        seen.putIfAbsent(toExclusive, nowMs);
        while (seen.size() > 4096) {
            seen.pollFirstEntry();
        }
        ArrayDeque<long[]> queue = pending.get(k);
        while (queue != null && !queue.isEmpty() && queue.peekFirst()[0] < toExclusive) {
            done(nowMs - queue.pollFirst()[1]);
        }
    }

    private void done(long millis) {
        finalised++;
        latencies.record(Stage.EVENT_TO_FINALISED, millis * 1_000);
    }

    /** Events tracked and not yet seen in a block. */
    long pending() {
        return tracked - finalised;
    }

    /** Events seen in a block. */
    long finalised() {
        return finalised;
    }
}
