package io.carbonx.chain.core.block;

import java.util.List;

/**
 * A validator's own read of the event log (in production: a read_committed consumer of every event
 * topic). Implementations are fed by an adapter; the cores only read.
 */
public interface LocalLog {

    /** An event with the logical time at which this validator read it. */
    record Arrival(LogEvent event, long arrivalMs) {
    }

    /**
     * Read position of {@code tp}: every offset below it has been read (holding an event or not);
     * nothing at or above it is known yet. 0 for an unknown partition.
     */
    long position(TopicPartition tp);

    /** Events of {@code tp} with {@code from ≤ offset < toExclusive} read so far, ascending by offset. */
    List<LogEvent> read(TopicPartition tp, long from, long toExclusive);

    /**
     * Up to {@code max} events not covered by {@code head} (offset ≥ its next offset), in the order this
     * validator read them. Callers pass heads that only move forward.
     */
    List<Arrival> pending(ChainState head, int max);
}
