package io.carbonx.node.cli;

/**
 * Exit codes of {@code carbonx}.
 *
 * <table>
 *   <caption>codes</caption>
 *   <tr><th>code</th><th>meaning</th></tr>
 *   <tr><td>0</td><td>success (for {@code order place}: the node took the signed order)</td></tr>
 *   <tr><td>1</td><td>a runtime failure: the node could not start, or a client command failed unexpectedly</td></tr>
 *   <tr><td>2</td><td>usage or configuration error: nothing was started or sent</td></tr>
 *   <tr><td>3</td><td>verification failed: an evidence bundle, the chain or a replayed state hash is not what it
 *       must be (the failed checks are printed)</td></tr>
 *   <tr><td>4</td><td>the node refused the request (HTTP 400, 409, 422): bad signature, replayed sequence number,
 *       a rule of the instrument, a state conflict; stderr names the reason code</td></tr>
 *   <tr><td>5</td><td>not found (HTTP 404): unknown participant, account, registration, evidence subject</td></tr>
 *   <tr><td>6</td><td>authentication or authorisation failed (HTTP 401, 403): the challenge signature does not
 *       verify, the participant is unknown or its certificate revoked, the role may not do this</td></tr>
 *   <tr><td>7</td><td>the node or the Kafka cluster is unreachable or unavailable (connection refused, time-out,
 *       HTTP 5xx): nothing is known to have changed; retrying is safe for signed orders (same client order
 *       id)</td></tr>
 *   <tr><td>8</td><td>the local profile is missing, incomplete or unreadable (no such profile, wrong key
 *       passphrase, a profile that already exists)</td></tr>
 *   <tr><td>143 / 130</td><td>the node stopped cleanly after SIGTERM / SIGINT</td></tr>
 * </table>
 *
 * <p>When the node is stopped by a signal the JVM exits with 128 + the signal number after the graceful shutdown
 * completed: {@code 143} for SIGTERM ({@code kill}, {@code Process.destroy()}, Kubernetes), {@code 130} for SIGINT
 * (Ctrl-C). Those are clean exits.
 */
public final class ExitCodes {

    /** Success. */
    public static final int OK = 0;
    /** A runtime failure: the node could not start or failed while running; a client command failed. */
    public static final int FAILURE = 1;
    /** Usage or configuration error: nothing was started. */
    public static final int USAGE = 2;
    /** Verification failed: evidence bundle, chain, or replay state hashes. */
    public static final int INVALID = 3;
    /** The node refused the request (400, 409, 422) with a reason code. */
    public static final int REFUSED = 4;
    /** Not found (404). */
    public static final int NOT_FOUND = 5;
    /** Authentication or authorisation failed (401, 403). */
    public static final int DENIED = 6;
    /** The node or the Kafka cluster is unreachable or unavailable (connection, time-out, 5xx). */
    public static final int UNAVAILABLE = 7;
    /** The local profile is missing, incomplete or unreadable. */
    public static final int PROFILE = 8;
    /** Clean exit after SIGTERM (128 + 15). */
    public static final int SIGTERM = 143;
    /** Clean exit after SIGINT / Ctrl-C (128 + 2). */
    public static final int SIGINT = 130;

    private ExitCodes() {
    }
}
