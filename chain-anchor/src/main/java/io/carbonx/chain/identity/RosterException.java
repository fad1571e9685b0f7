package io.carbonx.chain.identity;

/** The validator set cannot be built or a validator identity cannot be loaded; the message says why. */
public final class RosterException extends Exception {

    private static final long serialVersionUID = 1L;

    /** With a precise message. */
    public RosterException(String message) {
        super(message);
    }

    /** With a precise message and cause. */
    public RosterException(String message, Throwable cause) {
        super(message, cause);
    }
}
