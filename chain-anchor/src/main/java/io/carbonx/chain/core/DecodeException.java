package io.carbonx.chain.core;

/** Malformed bytes given to a chain-anchor decoder. The message says what was wrong and where. */
public final class DecodeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** With a precise description of the defect. */
    public DecodeException(String message) {
        super(message);
    }
}
