package io.carbonx.registry.api;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * RFC 9457 problem responses, {@code application/problem+json}:
 * {@code {"type": "urn:carbonx:problem:<reasonCode>", "title", "status", "detail", "reasonCode"}}. Every refusal
 * of the API is one of these, with the precise reason code of the layer that refused (authentication, request
 * validation, the ledger, the CA).
 */
public final class Problems {
    /** The media type. */
    public static final String PROBLEM_JSON = "application/problem+json";

    private Problems() {
    }

    /**
     * @param status     HTTP status
     * @param reasonCode the reason code
     * @param detail     what was wrong
     * @return the problem body
     */
    public static JsonObject body(int status, String reasonCode, String detail) {
        return new JsonObject().put("type", "urn:carbonx:problem:" + reasonCode).put("title", title(status))
                .put("status", status).put("detail", detail == null ? "" : detail).put("reasonCode", reasonCode);
    }

    /**
     * Ends the response with a problem (unless it has ended already).
     *
     * @param ctx        the request
     * @param status     HTTP status
     * @param reasonCode the reason code
     * @param detail     what was wrong
     */
    public static void send(RoutingContext ctx, int status, String reasonCode, String detail) {
        send(ctx, status, reasonCode, detail, null);
    }

    /**
     * Ends the response with a problem carrying extra members (unless it has ended already).
     *
     * @param ctx        the request
     * @param status     HTTP status
     * @param reasonCode the reason code
     * @param detail     what was wrong
     * @param extra      members added to the problem (e.g. {@code violations}), or null
     */
    public static void send(RoutingContext ctx, int status, String reasonCode, String detail, JsonObject extra) {
        if (ctx.response().ended()) {
            return;
        }
        JsonObject body = body(status, reasonCode, detail);
        if (extra != null) {
            body.mergeIn(extra);
        }
        ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, PROBLEM_JSON).end(body.encode());
    }

    /**
     * @param status an HTTP status
     * @return its reason phrase
     */
    public static String title(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 409 -> "Conflict";
            case 413 -> "Content Too Large";
            case 415 -> "Unsupported Media Type";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> status >= 500 ? "Server Error" : "Error";
        };
    }
}
