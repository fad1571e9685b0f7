package io.carbonx.node.client;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;

/**
 * One HTTP answer of the node.
 *
 * @param status      HTTP status
 * @param contentType the Content-Type header, or "" when absent
 * @param body        the body bytes
 */
public record ApiResponse(int status, String contentType, byte[] body) {

    /** True for 2xx. */
    public boolean ok() {
        return status >= 200 && status < 300;
    }

    /** The body as a JSON object; a {@link ClientException.Kind#FAILURE} if it is not one. */
    public JsonObject json() {
        try {
            return new JsonObject(new String(body, StandardCharsets.UTF_8));
        } catch (DecodeException | ClassCastException e) {
            throw ClientException.of(ClientException.Kind.FAILURE, "the node answered HTTP " + status
                    + " with a body that is not a JSON object (" + contentType + ")");
        }
    }

    /**
     * This answer if it is 2xx, else the failure it means.
     *
     * @param action what was attempted, for the message
     */
    public ApiResponse requireOk(String action) {
        if (!ok()) {
            throw ClientException.fromResponse(action, this);
        }
        return this;
    }
}
