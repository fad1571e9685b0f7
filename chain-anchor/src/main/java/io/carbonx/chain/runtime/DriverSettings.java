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

    /** N = 5000 events, T = 10 ms, 2 s skew, 5 ms ticks, 65536 messages, 4 read batches. */
    public static DriverSettings defaults() {
        return new DriverSettings(5000, 10, 2_000, 5, 65_536, 4);
    }
}
