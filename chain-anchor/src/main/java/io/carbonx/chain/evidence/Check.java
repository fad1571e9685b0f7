package io.carbonx.chain.evidence;

import java.util.Objects;

/**
 * One check of a verification.
 *
 * @param name   what was checked, e.g. {@code inclusion of event 0001 in block 12}
 * @param passed whether it holds
 * @param reason the reason code when it does not, else null
 * @param detail what was found (numbers, hashes, the reason in words)
 */
public record Check(String name, boolean passed, VerificationFailure reason, String detail) {

    /** Requires a reason exactly when failed. */
    public Check {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(detail, "detail");
        if (passed != (reason == null)) {
            throw new IllegalArgumentException("a failed check has a reason, a passed one none");
        }
    }

    @Override
    public String toString() {
        return (passed ? "PASS " : "FAIL ") + name + (passed ? "" : " [" + reason + "]") + ": " + detail;
    }
}
