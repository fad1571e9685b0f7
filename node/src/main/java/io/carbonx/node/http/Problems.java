package io.carbonx.node.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * RFC 9457 problem responses of the node's own HTTP layer: {@code type} = {@code urn:carbonx:problem:<reasonCode>},
 * {@code title} (the status's reason phrase), {@code status}, {@code detail}, {@code reasonCode}, plus any extra
 * members. Does nothing if the response has already ended.
 */
final class Problems {

    static final String PROBLEM_JSON = "application/problem+json";

    private Problems() {
    }

    /**
     * @param ctx    the request
     * @param status the HTTP status
     * @param reason the reason code
     * @param detail what went wrong, for a person
     * @param extra  extra members (may be null)
     */
    static void send(RoutingContext ctx, int status, String reason, String detail, JsonObject extra) {
        if (ctx.response().ended()) {
            return;
        }
        JsonObject body = new JsonObject().put("type", "urn:carbonx:problem:" + reason).put("title", title(status))
                .put("status", status).put("detail", detail).put("reasonCode", reason);
        if (extra != null) {
            body.mergeIn(extra);
        }
        ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, PROBLEM_JSON).end(body.encode());
    }

    private static String title(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 413 -> "Content Too Large";
            case 415 -> "Unsupported Media Type";
            default -> "Error";
        };
    }
}
