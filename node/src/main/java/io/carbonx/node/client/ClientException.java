package io.carbonx.node.client;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;

/**
 * A client-side failure with what kind it is (which the CLI turns into an exit code) and a message meant for the
 * person at the terminal: what was attempted, what the node said (its reason code and detail), and what to do.
 */
public final class ClientException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What went wrong, coarsely. */
    public enum Kind {
        /** The node refused the request (400, 409, 422). */
        REFUSED,
        /** Unknown subject (404). */
        NOT_FOUND,
        /** Authentication or authorisation failed (401, 403). */
        DENIED,
        /** The node or Kafka cannot be reached or is unavailable (I/O, time-out, 5xx). */
        UNAVAILABLE,
        /** The local profile is missing, incomplete or unreadable. */
        PROFILE,
        /** Bad arguments detected before anything was sent. */
        USAGE,
        /** Anything else (an answer that does not make sense). */
        FAILURE
    }

    private final Kind kind;
    private final String reasonCode;

    /**
     * @param kind       the kind
     * @param reasonCode the node's reason code, or null
     * @param message    the full message
     */
    public ClientException(Kind kind, String reasonCode, String message) {
        super(message);
        this.kind = kind;
        this.reasonCode = reasonCode;
    }

    /** A failure without a reason code. */
    public static ClientException of(Kind kind, String message) {
        return new ClientException(kind, null, message);
    }

    /** As {@link #of}, keeping the cause. */
    public static ClientException of(Kind kind, String message, Throwable cause) {
        ClientException e = new ClientException(kind, null, message);
        e.initCause(cause);
        return e;
    }

    /**
     * The failure an HTTP error answer means.
     *
     * @param action what was attempted, e.g. {@code "placing the order"}
     * @param r      the answer (status &ge; 400)
     */
    public static ClientException fromResponse(String action, ApiResponse r) {
        String reason = null;
        String detail = null;
        try {
            JsonObject problem = new JsonObject(new String(r.body(), StandardCharsets.UTF_8));
            reason = problem.getString("reasonCode");
            detail = problem.getString("detail", problem.getString("title"));
        } catch (DecodeException | ClassCastException notAProblem) {
            detail = r.status() == 404 ? "no such endpoint or subject" : null;
        }
        Kind kind = kindOf(r.status());
        StringBuilder m = new StringBuilder(action).append(" failed: ");
        m.append(reason == null ? "HTTP " + r.status() : reason + " (HTTP " + r.status() + ")");
        if (detail != null && !detail.isBlank()) {
            m.append(": ").append(detail);
        }
        return new ClientException(kind, reason, m.toString());
    }

    /** The kind an HTTP status means. */
    public static Kind kindOf(int status) {
        if (status == 401 || status == 403) {
            return Kind.DENIED;
        }
        if (status == 404) {
            return Kind.NOT_FOUND;
        }
        if (status >= 500) {
            return Kind.UNAVAILABLE;
        }
        return status >= 400 ? Kind.REFUSED : Kind.FAILURE;
    }

    /** The kind. */
    public Kind kind() {
        return kind;
    }

    /** The node's reason code, or null. */
    public String reasonCode() {
        return reasonCode;
    }
}
