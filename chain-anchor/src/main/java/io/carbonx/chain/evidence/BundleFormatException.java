package io.carbonx.chain.evidence;

/** A bundle member is missing, unexpected, or not in its canonical form. */
public final class BundleFormatException extends Exception {

    private static final long serialVersionUID = 1L;

    /** A format problem; the message names the member. */
    public BundleFormatException(String message) {
        super(message);
    }

    /** A format problem with its cause. */
    public BundleFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
