package io.carbonx.chain.timestamp;

import java.util.Objects;

/** A time-stamp could not be obtained; {@link #reason()} says why. */
public final class TimestampException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final TimestampFailure reason;

    /** A failure with its reason and detail. */
    public TimestampException(TimestampFailure reason, String detail) {
        super(reason + ": " + detail);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** A failure with its reason, detail and cause. */
    public TimestampException(TimestampFailure reason, String detail, Throwable cause) {
        super(reason + ": " + detail, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** The reason code. */
    public TimestampFailure reason() {
        return reason;
    }
}
