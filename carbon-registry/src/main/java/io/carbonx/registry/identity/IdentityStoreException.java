package io.carbonx.registry.identity;

import java.util.Objects;

/** The CA data directory could not be created or loaded; {@link #failure()} says why. */
public final class IdentityStoreException extends Exception {

    private static final long serialVersionUID = 1L;

    private final StoreFailure failure;

    /** Creates the exception with its failure code and detail. */
    public IdentityStoreException(StoreFailure failure, String detail) {
        super(failure + ": " + detail);
        this.failure = Objects.requireNonNull(failure, "failure");
    }

    /** Creates the exception with its failure code, detail and cause. */
    public IdentityStoreException(StoreFailure failure, String detail, Throwable cause) {
        super(failure + ": " + detail, cause);
        this.failure = Objects.requireNonNull(failure, "failure");
    }

    /** The failure code. */
    public StoreFailure failure() {
        return failure;
    }
}
