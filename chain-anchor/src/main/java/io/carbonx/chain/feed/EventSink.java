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

    /**
     * Whether the feed should go on reading {@code tp}, of which it has delivered every offset below
     * {@code position}. A feed asks before every read and reads nothing more of a partition while the answer
     * is false (it goes on with the others and asks again before its next read), so a sink can bound what it
     * holds per partition; the records stay in the log. Called from the feed's thread. Default: always.
     */
    default boolean readOn(TopicPartition tp, long position) {
        return true;
    }
}
