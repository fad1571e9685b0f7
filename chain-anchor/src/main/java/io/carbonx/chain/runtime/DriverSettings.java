package io.carbonx.chain.runtime;

/**
 * Tunables of a {@link ValidatorDriver}.
 *
 * @param maxBlockEvents N: the primary cuts a block as soon as N events are pending (also the largest block
 *     a backup accepts)
 * @param maxBlockMs T: the primary cuts whatever is pending once the oldest pending event waited T ms
 * @param maxClockSkewMs a proposal dated further ahead of the local clock is not prepared (yet)
 * @param tickMs how often the replica's timers are advanced when nothing else happens
 * @param inboxCapacity messages queued for the driver; more are dropped (PBFT retransmits)
 * @param eventBatchesQueued read batches queued for the driver; the feed blocks beyond (back-pressure)
 */
public record DriverSettings(int maxBlockEvents, long maxBlockMs, long maxClockSkewMs, long tickMs,
                             int inboxCapacity, int eventBatchesQueued) {

    /** Validates ranges. */
    public DriverSettings {
        if (maxBlockEvents < 1 || maxBlockMs < 0 || maxClockSkewMs < 0 || tickMs < 1 || inboxCapacity < 16
                || eventBatchesQueued < 1) {
            throw new IllegalArgumentException("invalid driver settings: " + maxBlockEvents + "/" + maxBlockMs + "/"
                    + maxClockSkewMs + "/" + tickMs + "/" + inboxCapacity + "/" + eventBatchesQueued);
        }
    }

    /**
     * How far the validator's feed reads ahead of its committed head, per partition: {@code 2 * maxBlockEvents}.
     * A block covers at most N events (all of one partition, possibly), and a validator may have to rebuild the
     * proposals of the next two heights (h + 2 is proposed once the others committed h + 1, before this one
     * has), so every event those can cover is read; further events wait in the log, not in the validator's
     * memory.
     */
    public long readAheadPerPartition() {
        return 2L * maxBlockEvents;
    }

    /** N = 5000 events, T = 10 ms, 2 s skew, 5 ms ticks, 65536 messages, 4 read batches. */
    public static DriverSettings defaults() {
        return new DriverSettings(5000, 10, 2_000, 5, 65_536, 4);
    }
}
