package io.carbonx.chain.feed;

import io.carbonx.chain.core.block.TopicPartition;
import java.util.Map;

/**
 * A validator's own read of the event log: every anchored topic partition, committed records only, in
 * offset order per partition, delivered to an {@link EventSink} from a thread of the feed's own.
 */
public interface EventFeed extends AutoCloseable {

    /**
     * Starts reading: each partition from {@code startOffsets} (absent: from offset 0, the first record
     * ever written; anchored topics are never truncated).
     */
    void start(Map<TopicPartition, Long> startOffsets, EventSink sink);

    /** Records known to exist but not yet delivered, summed over partitions; -1 if unknown. */
    long lag();

    /** Stops reading and releases the feed's resources; idempotent. */
    @Override
    void close();
}
