package io.carbonx.registry.identity;

import java.util.Objects;

/** A registry decision refused its input; {@link #reason()} is the stable reason code. Nothing was changed. */
public final class IdentityRefusedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final IdentityRefusal reason;

    /** Creates a refusal with its reason code and a human-readable detail. */
    public IdentityRefusedException(IdentityRefusal reason, String detail) {
        super(reason + ": " + detail);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** Creates a refusal with its reason code, detail and the underlying cause. */
    public IdentityRefusedException(IdentityRefusal reason, String detail, Throwable cause) {
        super(reason + ": " + detail, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** The reason code. */
    public IdentityRefusal reason() {
        return reason;
    }
}
