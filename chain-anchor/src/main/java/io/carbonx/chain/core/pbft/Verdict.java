package io.carbonx.chain.core.pbft;

import java.util.Objects;

/**
 * Result of a validation: accepted, or a {@link Reason} with a human-readable detail.
 *
 * @param reason null when accepted
 * @param detail explanation when rejected
 */
public record Verdict(Reason reason, String detail) {

    private static final Verdict OK = new Verdict(null, "");

    /** Acceptance. */
    public static Verdict ok() {
        return OK;
    }

    /** Rejection for {@code reason}. */
    public static Verdict reject(Reason reason, String detail) {
        return new Verdict(Objects.requireNonNull(reason), detail);
    }

    /** True when accepted. */
    public boolean isOk() {
        return reason == null;
    }

    @Override
    public String toString() {
        return isOk() ? "OK" : reason + " (" + detail + ")";
    }
}
