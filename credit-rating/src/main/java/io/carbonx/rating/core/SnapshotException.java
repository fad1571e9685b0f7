package io.carbonx.rating.core;

import java.util.Objects;

/** A byte array could not be restored as a {@link CreditRatingModel} snapshot. Nothing was restored. */
public final class SnapshotException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** Why a snapshot was refused. */
    public enum Reason {
        /** Not a rating snapshot (wrong magic). */
        NOT_A_SNAPSHOT,
        /** A format version this code does not read. */
        UNSUPPORTED_VERSION,
        /** Taken with a different scorecard configuration. */
        CONFIG_MISMATCH,
        /** The bytes end early. */
        TRUNCATED,
        /** A value is invalid or out of canonical order, or bytes follow the end. */
        MALFORMED
    }

    private final Reason reason;

    /**
     * @param reason why
     * @param detail what was found
     */
    public SnapshotException(Reason reason, String detail) {
        super(reason + ": " + detail);
        this.reason = Objects.requireNonNull(reason);
    }

    /** @return why the snapshot was refused */
    public Reason reason() {
        return reason;
    }
}
