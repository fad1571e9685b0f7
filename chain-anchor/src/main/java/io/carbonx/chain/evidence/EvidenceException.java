package io.carbonx.chain.evidence;

import java.util.Objects;

/** A bundle could not be built; {@link #reason()} says why. Nothing was produced. */
public final class EvidenceException extends Exception {

    private static final long serialVersionUID = 1L;

    private final EvidenceFailure reason;

    /** A failure with its reason and a detail. */
    public EvidenceException(EvidenceFailure reason, String detail) {
        super(reason + ": " + detail);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** The reason code. */
    public EvidenceFailure reason() {
        return reason;
    }
}
