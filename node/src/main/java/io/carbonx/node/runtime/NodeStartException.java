package io.carbonx.node.runtime;

/** A node could not start; whatever it had started is closed again. The message says which step failed and why. */
public final class NodeStartException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NodeStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
