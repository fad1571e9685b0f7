package io.carbonx.chain.core.block;

import java.util.Comparator;
import java.util.Objects;

/**
 * A topic partition of the event log. Ordered by topic (UTF-16 code units, i.e. {@link String#compareTo}),
 * then partition; this is the order of ranges in a block header and of leaves in its Merkle tree.
 *
 * @param topic topic name, non-empty
 * @param partition partition number, ≥ 0
 */
public record TopicPartition(String topic, int partition) implements Comparable<TopicPartition> {

    private static final Comparator<TopicPartition> ORDER =
            Comparator.comparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition);

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

    @Override
    public int compareTo(TopicPartition o) {
        return ORDER.compare(this, o);
    }

    @Override
    public String toString() {
        return topic + "-" + partition;
    }
}
