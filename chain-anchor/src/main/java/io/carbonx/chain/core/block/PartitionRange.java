package io.carbonx.chain.core.block;

/**
 * The offsets of one topic partition a block covers: {@code [fromOffset, toOffsetExclusive)}.
 * Offsets inside the range that hold no event (e.g. Kafka transaction markers) are allowed.
 *
 * @param topicPartition the partition
 * @param fromOffset first offset covered (inclusive)
 * @param toOffsetExclusive first offset not covered; greater than {@code fromOffset}
 */
public record PartitionRange(TopicPartition topicPartition, long fromOffset, long toOffsetExclusive) {

    /** Validates {@code 0 ≤ from < to}. */
    public PartitionRange {
        if (fromOffset < 0 || toOffsetExclusive <= fromOffset) {
            throw new IllegalArgumentException("bad range [" + fromOffset + ", " + toOffsetExclusive + ") of "
                    + topicPartition);
        }
    }

    /** Convenience constructor. */
    public PartitionRange(String topic, int partition, long fromOffset, long toOffsetExclusive) {
        this(new TopicPartition(topic, partition), fromOffset, toOffsetExclusive);
    }

    /** Number of offsets covered (an upper bound on the events in the range). */
    public long span() {
        return toOffsetExclusive - fromOffset;
    }
}
