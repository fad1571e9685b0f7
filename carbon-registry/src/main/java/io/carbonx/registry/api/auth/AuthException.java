package io.carbonx.registry.api.auth;

import java.util.Objects;

/** An authentication or authorisation failure with its reason. Stackless: control flow. */
public final class AuthException extends Exception {
    private static final long serialVersionUID = 1L;

    private final AuthFailure failure;

    /**
     * @param failure the reason
     * @param detail  human-readable detail
     */
    public AuthException(AuthFailure failure, String detail) {
        super(detail, null, false, false);
        this.failure = Objects.requireNonNull(failure, "failure");
    }

    /** @return the reason */
    public AuthFailure failure() {
        return failure;
    }
}
