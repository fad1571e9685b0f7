package io.carbonx.registry.core;

import java.util.Objects;

/**
 * Thrown by deciders while validating a command, always before the first event is emitted. The ledger turns
 * it into a refused {@link Outcome}. Stackless: it is control flow, not a bug report.
 */
public final class Refusal extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ReasonCode code;

    /**
     * @param code   the reason
     * @param detail human-readable detail (which field, which side), never null
     */
    public Refusal(ReasonCode code, String detail) {
        super(Objects.requireNonNull(detail, "detail"), null, false, false);
        this.code = Objects.requireNonNull(code, "code");
    }

    /** @return the reason code */
    public ReasonCode code() {
        return code;
    }

    /** @return the detail text */
    public String detail() {
        return getMessage();
    }

    /**
     * Throws a refusal unless {@code condition} holds.
     *
     * @param condition the rule that must hold
     * @param code      the reason if it does not
     * @param detail    what was wrong
     */
    public static void require(boolean condition, ReasonCode code, String detail) {
        if (!condition) {
            throw new Refusal(code, detail);
        }
    }
}
