package io.carbonx.chain.feed;

import io.carbonx.chain.core.block.TopicPartition;
import java.util.List;
import java.util.Map;

/** Receives what an {@link EventFeed} reads, in read order per partition. */
@FunctionalInterface
public interface EventSink {

    /**
     * A batch of events and, for every partition the feed follows, its read position after the batch (every
     * offset below it was read, transaction markers and aborted records included). May block to apply
     * back-pressure.
     *
     * @throws InterruptedException if interrupted while blocked
     */
    void accept(List<ReadEvent> events, Map<TopicPartition, Long> positions) throws InterruptedException;
}
