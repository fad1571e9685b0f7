package io.carbonx.chain.testing;

import io.carbonx.chain.core.block.PartitionRange;
import io.carbonx.chain.core.block.TopicPartition;
import io.carbonx.chain.core.pbft.message.CommittedBlock;
import io.carbonx.chain.runtime.DriverListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Records what every validator committed and which views it entered. Thread-safe. */
public final class CommitRecorder implements DriverListener {

    private final Map<Integer, TreeMap<Long, CommittedBlock>> blocks = new TreeMap<>();
    private final Map<Integer, List<Long>> views = new TreeMap<>();

    @Override
    public synchronized void onCommitted(int validator, CommittedBlock block, long commitTimeMs, long[] appendTimesMs) {
        blocks.computeIfAbsent(validator, k -> new TreeMap<>()).put(block.height(), block);
    }

    @Override
    public synchronized void onViewEntered(int validator, long previousView, long view, int primary, long height) {
        views.computeIfAbsent(validator, k -> new ArrayList<>()).add(view);
    }

    @Override
    public synchronized void onRestored(int validator, List<CommittedBlock> restored) {
        TreeMap<Long, CommittedBlock> m = blocks.computeIfAbsent(validator, k -> new TreeMap<>());
        for (CommittedBlock b : restored) {
            m.put(b.height(), b);
        }
    }

    /** Validator {@code id}'s committed blocks by height (a copy). */
    public synchronized List<CommittedBlock> blocks(int id) {
        return new ArrayList<>(blocks.getOrDefault(id, new TreeMap<>()).values());
    }

    /** Every validator's blocks (copies). */
    public synchronized Map<Integer, List<CommittedBlock>> all() {
        Map<Integer, List<CommittedBlock>> out = new TreeMap<>();
        blocks.forEach((id, m) -> out.put(id, new ArrayList<>(m.values())));
        return out;
    }

    /** Views validator {@code id} entered, in order. */
    public synchronized List<Long> views(int id) {
        return new ArrayList<>(views.getOrDefault(id, List.of()));
    }

    /** True if validator {@code id}'s blocks cover every partition of {@code ends} up to its end. */
    public synchronized boolean covers(int id, Map<TopicPartition, Long> ends) {
        Map<TopicPartition, Long> next = new TreeMap<>();
        for (CommittedBlock b : blocks.getOrDefault(id, new TreeMap<>()).values()) {
            for (PartitionRange r : b.header().ranges()) {
                next.merge(r.topicPartition(), r.toOffsetExclusive(), Math::max);
            }
        }
        for (Map.Entry<TopicPartition, Long> e : ends.entrySet()) {
            if (next.getOrDefault(e.getKey(), 0L) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    /** Highest height validator {@code id} committed. */
    public synchronized long height(int id) {
        TreeMap<Long, CommittedBlock> m = blocks.get(id);
        return m == null || m.isEmpty() ? 0 : m.lastKey();
    }
}
