package io.carbonx.eventlog.runtime;

import java.util.Objects;

import io.vertx.core.json.JsonObject;

/**
 * The health of one component as shown on {@code /health}.
 *
 * @param status  UP or DOWN
 * @param details JSON-encodable details (e.g. {@code reason} when DOWN); never null, copied
 */
public record ComponentHealth(Status status, JsonObject details) {

    /** UP means the component does its job now; anything else is DOWN. */
    public enum Status { UP, DOWN }

    public ComponentHealth {
        Objects.requireNonNull(status, "status");
        details = details == null ? new JsonObject() : details.copy();
    }

    public static ComponentHealth up() {
        return new ComponentHealth(Status.UP, new JsonObject());
    }

    public static ComponentHealth up(JsonObject details) {
        return new ComponentHealth(Status.UP, details);
    }

    /** DOWN with {@code details.reason = reason}. */
    public static ComponentHealth down(String reason) {
        return new ComponentHealth(Status.DOWN, new JsonObject().put("reason", reason));
    }

    public boolean isUp() {
        return status == Status.UP;
    }

    /** {@code {"status": "UP", ...details}}. */
    public JsonObject toJson() {
        JsonObject json = new JsonObject().put("status", status.name());
        details.forEach(entry -> {
            if (!"status".equals(entry.getKey())) {
                json.put(entry.getKey(), entry.getValue());
            }
        });
        return json;
    }
}
