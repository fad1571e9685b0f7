package io.carbonx.eventlog.processing;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counters of one {@link ExactlyOnceProcessor}, written by its loop thread and readable from any thread.
 * {@code recordsIn}/{@code recordsOut} count only committed work; {@code recordsProcessed} also counts records whose
 * transaction was later aborted (or is still open).
 */
public final class LoopStats {

    /** A consistent-enough copy of the counters (each value is exact, the set is not an atomic snapshot). */
    public record Snapshot(long recordsProcessed, long recordsIn, long recordsOut, long transactionsCommitted,
                           long transactionsAborted, long rebalances) {
    }

    private final AtomicLong recordsProcessed = new AtomicLong();
    private final AtomicLong recordsIn = new AtomicLong();
    private final AtomicLong recordsOut = new AtomicLong();
    private final AtomicLong committed = new AtomicLong();
    private final AtomicLong aborted = new AtomicLong();
    private final AtomicLong rebalances = new AtomicLong();

    void processed(int records) {
        recordsProcessed.addAndGet(records);
    }

    void committed(int in, int out) {
        recordsIn.addAndGet(in);
        recordsOut.addAndGet(out);
        committed.incrementAndGet();
    }

    void aborted() {
        aborted.incrementAndGet();
    }

    void rebalanced() {
        rebalances.incrementAndGet();
    }

    public Snapshot snapshot() {
        return new Snapshot(recordsProcessed.get(), recordsIn.get(), recordsOut.get(), committed.get(), aborted.get(),
                rebalances.get());
    }

    @Override
    public String toString() {
        return snapshot().toString();
    }
}
