package io.carbonx.rating.api;

import java.util.Objects;

import io.vertx.core.json.JsonObject;

/**
 * What a rating endpoint answers, independent of the HTTP framework: the router writes {@code status}, the
 * {@code Content-Type} header and {@code body.encode()}.
 *
 * @param status      the HTTP status
 * @param contentType {@value #JSON} or, for errors, {@value #PROBLEM_JSON} (RFC 9457)
 * @param body        the JSON body
 */
public record ApiResponse(int status, String contentType, JsonObject body) {

    public static final String JSON = "application/json";
    public static final String PROBLEM_JSON = "application/problem+json";

    public ApiResponse {
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(body, "body");
    }

    static ApiResponse ok(JsonObject body) {
        return new ApiResponse(200, JSON, body);
    }

    /**
     * A problem response: {@code type} = {@code urn:carbonx:problem:<reason>}, {@code title}, {@code status},
     * {@code detail} and {@code reasonCode} (a stable code clients can switch on; the field the
     * registry's problems and the OpenAPI {@code Problem} schema use).
     */
    static ApiResponse problem(int status, String reason, String title, String detail) {
        return new ApiResponse(status, PROBLEM_JSON, new JsonObject()
                .put("type", "urn:carbonx:problem:" + reason)
                .put("title", title)
                .put("status", status)
                .put("detail", detail)
                .put("reasonCode", reason));
    }
}
