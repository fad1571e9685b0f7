package io.carbonx.eventlog.processing;

/**
 * Observes the transaction cycle of an {@link ExactlyOnceProcessor}: the hook for metrics (and, in tests, for crash
 * injection). Called on the loop thread; implementations must be quick. An exception thrown from a callback counts as
 * a processing failure: the open transaction is aborted and rewound.
 */
public interface LoopListener {

    /** A listener that does nothing. */
    LoopListener NONE = new LoopListener() { };

    /** A poll returned {@code records} records; the transaction that will hold them is open, nothing produced yet. */
    default void onPolled(int records) {
    }

    /** Outputs sent and input offsets added to the transaction; {@code commitTransaction} comes next. */
    default void beforeCommit(int recordsIn, int recordsOut) {
    }

    /** The transaction committed; the next poll comes next. */
    default void afterCommit(int recordsIn, int recordsOut) {
    }

    /** The open transaction was aborted because of {@code cause}; its input will be processed again. */
    default void afterAbort(Throwable cause) {
    }
}
