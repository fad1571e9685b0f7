package io.carbonx.chain.runtime;

import io.carbonx.chain.core.pbft.message.CommittedBlock;

/** What a {@link ValidatorDriver} reports; called from its thread, must not block for long. */
public interface DriverListener {

    /**
     * Validator {@code validator} committed {@code block} (durably in its store) at {@code commitTimeMs};
     * {@code appendTimesMs} are the append timestamps of the block's events this validator read (all of them
     * normally; fewer after a restart or catch-up).
     */
    void onCommitted(int validator, CommittedBlock block, long commitTimeMs, long[] appendTimesMs);

    /** Validator {@code validator} entered {@code view} (primary {@code primary}) at committed height {@code height}. */
    void onViewEntered(int validator, long previousView, long view, int primary, long height);

    /**
     * Validator {@code validator} (re)started with {@code blocks} from its own store (consecutive from
     * height 1); a publisher uses them to publish heights committed but not yet published before a crash.
     */
    default void onRestored(int validator, java.util.List<CommittedBlock> blocks) {
    }

    /** A listener that ignores everything. */
    DriverListener NONE = new DriverListener() {
        @Override
        public void onCommitted(int validator, CommittedBlock block, long commitTimeMs, long[] appendTimesMs) {
        }

        @Override
        public void onViewEntered(int validator, long previousView, long view, int primary, long height) {
        }
    };
}
