package io.carbonx.chain.core.pbft.sim;

import io.carbonx.chain.core.block.InMemoryLocalLog;
import io.carbonx.chain.core.block.LogEvent;
import io.carbonx.chain.core.block.TopicPartition;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/** The simulation's "Kafka": the true event log every validator reads (with per-validator delays). */
final class GlobalLog {

    static final List<TopicPartition> PARTITIONS = List.of(new TopicPartition("orders", 0),
            new TopicPartition("orders", 1), new TopicPartition("trades", 0));

    private final List<LogEvent> produced = new ArrayList<>();
    private final Map<TopicPartition, TreeMap<Long, LogEvent>> byPartition = new TreeMap<>();
    private final Map<TopicPartition, Long> next = new TreeMap<>();

    /** Appends one event to a random partition; now and then leaves an offset gap (a transaction marker). */
    LogEvent produce(Random rnd, long seed) {
        TopicPartition tp = PARTITIONS.get(rnd.nextInt(PARTITIONS.size()));
        long offset = next.getOrDefault(tp, 0L) + (rnd.nextInt(10) == 0 ? 1 : 0);
        next.put(tp, offset + 1);
        byte[] bytes = (seed + "/" + tp + "/" + offset + "/" + rnd.nextInt()).getBytes(StandardCharsets.UTF_8);
        LogEvent e = new LogEvent(tp, offset, bytes);
        produced.add(e);
        byPartition.computeIfAbsent(tp, k -> new TreeMap<>()).put(offset, e);
        return e;
    }

    /** Events of {@code tp} in {@code [from, to)}. */
    List<LogEvent> range(TopicPartition tp, long from, long to) {
        TreeMap<Long, LogEvent> m = byPartition.get(tp);
        return m == null ? List.of() : new ArrayList<>(m.subMap(from, to).values());
    }

    /** One past the last event's offset, per partition that has events. */
    Map<TopicPartition, Long> ends() {
        Map<TopicPartition, Long> out = new TreeMap<>();
        for (Map.Entry<TopicPartition, TreeMap<Long, LogEvent>> e : byPartition.entrySet()) {
            out.put(e.getKey(), e.getValue().lastKey() + 1);
        }
        return out;
    }

    int size() {
        return produced.size();
    }

    /** A validator's log after re-reading everything produced so far (restart). */
    InMemoryLocalLog reread(long nowMs) {
        InMemoryLocalLog log = new InMemoryLocalLog();
        for (LogEvent e : produced) {
            log.append(e, nowMs);
        }
        return log;
    }
}
