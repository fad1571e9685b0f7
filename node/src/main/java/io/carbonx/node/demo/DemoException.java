package io.carbonx.node.demo;

/** A step of the demo could not be carried out (the demo stops; exit code 1). */
public final class DemoException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** With a message. */
    public DemoException(String message) {
        super(message);
    }

    /** With a message and a cause. */
    public DemoException(String message, Throwable cause) {
        super(message, cause);
    }
}
