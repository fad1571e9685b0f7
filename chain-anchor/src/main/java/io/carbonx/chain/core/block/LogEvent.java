package io.carbonx.chain.core.block;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Objects;

/**
 * One event as stored in the log: its position and its exact bytes (the Merkle leaf data).
 * Immutable: the bytes are copied in and out.
 */
public final class LogEvent {

    /** Canonical order inside a block: topic, partition, offset. */
    public static final Comparator<LogEvent> CANONICAL_ORDER =
            Comparator.comparing(LogEvent::topicPartition).thenComparingLong(LogEvent::offset);

    private final TopicPartition topicPartition;
    private final long offset;
    private final byte[] bytes;

    /** An event at {@code offset} (≥ 0) of {@code topicPartition}. */
    public LogEvent(TopicPartition topicPartition, long offset, byte[] bytes) {
        this(topicPartition, offset, bytes.clone(), true);
    }

    private LogEvent(TopicPartition topicPartition, long offset, byte[] owned, boolean adopted) {
        this.topicPartition = Objects.requireNonNull(topicPartition, "topicPartition");
        if (offset < 0) {
            throw new IllegalArgumentException("negative offset " + offset);
        }
        this.offset = offset;
        this.bytes = Objects.requireNonNull(owned, "bytes");
    }

    /**
     * An event that takes ownership of {@code bytes} without copying (for readers that receive a fresh
     * array per record): the caller must never modify the array afterwards.
     */
    public static LogEvent adopt(TopicPartition topicPartition, long offset, byte[] bytes) {
        return new LogEvent(topicPartition, offset, bytes, true);
    }

    /** Convenience constructor. */
    public LogEvent(String topic, int partition, long offset, byte[] bytes) {
        this(new TopicPartition(topic, partition), offset, bytes);
    }

    /** Where the event lives. */
    public TopicPartition topicPartition() {
        return topicPartition;
    }

    /** Its offset in the partition. */
    public long offset() {
        return offset;
    }

    /** A copy of the exact stored bytes. */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The internal array, for hashing inside this package; never modified. */
    byte[] rawBytes() {
        return bytes;
    }

    /** Byte length without copying. */
    public int length() {
        return bytes.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LogEvent e && offset == e.offset && topicPartition.equals(e.topicPartition)
                && Arrays.equals(bytes, e.bytes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(topicPartition, offset) * 31 + Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return topicPartition + "@" + offset + "(" + bytes.length + "B)";
    }
}
