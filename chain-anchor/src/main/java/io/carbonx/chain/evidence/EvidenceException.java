package io.carbonx.chain.evidence;

import java.util.Objects;

/** A bundle could not be built; {@link #reason()} says why. Nothing was produced. */
public final class EvidenceException extends Exception {

    private static final long serialVersionUID = 1L;

    private final EvidenceFailure reason;
    private final String detail;

    /** A failure with its reason and a detail. */
    public EvidenceException(EvidenceFailure reason, String detail) {
        super(reason + ": " + detail);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.detail = detail;
    }

    /** What exactly failed, in words (the message without the reason code). */
    public String detail() {
        return detail;
    }

    /** The reason code. */
    public EvidenceFailure reason() {
        return reason;
    }
}
