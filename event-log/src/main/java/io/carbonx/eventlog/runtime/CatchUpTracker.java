package io.carbonx.eventlog.runtime;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Tracks whether one consumer has caught up: read its partitions up to the end offsets observed when they were
 * assigned (for a {@code read_committed} consumer, the last stable offsets). The shared helper behind every
 * reader's {@link ComponentHealth.Status#CATCHING_UP}.
 *
 * <p>Use: {@link #capture} right after the consumer is positioned (or in the rebalance callback of a group member),
 * then {@link #update} after every poll, both on the consumer's thread; {@link #progress} may be read from any
 * thread. Once caught up the tracker latches: later writes to the topics are ordinary lag, not catching up, and
 * {@link #update} no longer touches the consumer. A re-capture before catching up (a rebalance) replaces the
 * targets with those of the new assignment.
 *
 * <p>Not thread-safe except {@link #progress} and {@link #isCaughtUp}, which read a volatile snapshot.
 */
public final class CatchUpTracker {

    private Map<TopicPartition, Long> targets = Map.of();
    private boolean captured;
    private volatile CatchUpProgress progress = CatchUpProgress.AWAITING_ASSIGNMENT;

    /**
     * Records the current end offsets of {@code partitions} as the targets and computes the first progress. An
     * empty set means "nothing to replay": caught up.
     *
     * @param consumer   the consumer, already assigned and positioned on {@code partitions}
     * @param partitions the partitions to replay
     * @param timeout    bound of the end-offsets request
     * @return the progress after capturing
     */
    public CatchUpProgress capture(Consumer<?, ?> consumer, Collection<TopicPartition> partitions, Duration timeout) {
        if (progress.caughtUp()) {
            return progress;
        }
        Map<TopicPartition, Long> ends = partitions.isEmpty() ? Map.of() : consumer.endOffsets(partitions, timeout);
        targets = new HashMap<>(ends);
        captured = true;
        return update(consumer);
    }

    /**
     * Compares the consumer's positions with the targets (positions of assigned partitions are local: no request).
     * A target partition no longer assigned to this consumer is dropped (another member replays it).
     *
     * @return the progress now
     */
    public CatchUpProgress update(Consumer<?, ?> consumer) {
        CatchUpProgress current = progress;
        if (current.caughtUp() || !captured) {
            return current;
        }
        Set<TopicPartition> assigned = consumer.assignment();
        Map<String, Long> remaining = new TreeMap<>();
        boolean done = true;
        for (Map.Entry<TopicPartition, Long> target : targets.entrySet()) {
            TopicPartition tp = target.getKey();
            if (!assigned.contains(tp)) {
                continue;
            }
            long left = Math.max(0, target.getValue() - consumer.position(tp));
            remaining.merge(tp.topic(), left, Math::addExact);
            done &= left == 0;
        }
        CatchUpProgress next = done ? CatchUpProgress.CAUGHT_UP : new CatchUpProgress(false, true, remaining);
        progress = next;
        return next;
    }

    /** @return the latest progress (any thread) */
    public CatchUpProgress progress() {
        return progress;
    }

    /** @return true once caught up (any thread) */
    public boolean isCaughtUp() {
        return progress.caughtUp();
    }
}
