package io.carbonx.node.cli;

/**
 * Exit codes of {@code carbonx}.
 *
 * <p>When the node is stopped by a signal the JVM exits with 128 + the signal number after the graceful shutdown
 * completed: {@code 143} for SIGTERM ({@code kill}, {@code Process.destroy()}, Kubernetes), {@code 130} for SIGINT
 * (Ctrl-C). Those are clean exits.
 */
public final class ExitCodes {

    /** Success. */
    public static final int OK = 0;
    /** A runtime failure: the node could not start or failed while running. */
    public static final int FAILURE = 1;
    /** Usage or configuration error: nothing was started. */
    public static final int USAGE = 2;
    /** Clean exit after SIGTERM (128 + 15). */
    public static final int SIGTERM = 143;
    /** Clean exit after SIGINT / Ctrl-C (128 + 2). */
    public static final int SIGINT = 130;

    private ExitCodes() {
    }
}
