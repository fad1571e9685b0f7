package io.carbonx.chain.core.block;

import java.util.Objects;

/**
 * A topic partition of the event log. Ordered by topic (UTF-16 code units, i.e. {@link String#compareTo}),
 * then partition; this is the order of ranges in a block header and of leaves in its Merkle tree.
 *
 * @param topic topic name, non-empty
 * @param partition partition number, ≥ 0
 */
public record TopicPartition(String topic, int partition) implements Comparable<TopicPartition> {

    /** Validates the fields. */
    public TopicPartition {
        Objects.requireNonNull(topic, "topic");
        if (topic.isEmpty()) {
            throw new IllegalArgumentException("empty topic");
        }
        if (partition < 0) {
            throw new IllegalArgumentException("negative partition " + partition);
        }
    }

    /**
     * Topic ({@link String#compareTo}), then partition. Written out rather than composed from {@code Comparator}s:
     * it is on the per-event path (every log append and block assembly looks partitions up in sorted maps), and
     * the topic strings are usually the same instance, which the reference check settles without comparing chars.
     */
    @Override
    public int compareTo(TopicPartition o) {
        if (this == o) {
            return 0;
        }
        int byTopic = topic == o.topic ? 0 : topic.compareTo(o.topic);
        return byTopic != 0 ? byTopic : Integer.compare(partition, o.partition);
    }

    @Override
    public String toString() {
        return topic + "-" + partition;
    }
}
