package io.carbonx.registry.api;

import io.carbonx.registry.api.auth.SecureRouter;
import io.carbonx.registry.readmodel.RegistryReadModel;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Objects;

/**
 * What the registry's route groups share: the secure router, command calls, the read model.
 *
 * @param routes   the router every route is mounted through
 * @param commands publishes commands and answers with their outcome
 * @param reads    the read model
 */
public record ApiSupport(SecureRouter routes, CommandCalls commands, RegistryReadModel reads) {

    /** Validates. */
    public ApiSupport {
        Objects.requireNonNull(routes, "routes");
        Objects.requireNonNull(commands, "commands");
        Objects.requireNonNull(reads, "reads");
    }

    /**
     * @param ctx  the request
     * @param body a JSON object to answer with status 200
     */
    public static void ok(RoutingContext ctx, JsonObject body) {
        ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(body.encode());
    }

    /**
     * @param ctx   the request
     * @param items a JSON array to answer with, as {@code {"items": [...]}}
     */
    public static void okItems(RoutingContext ctx, JsonArray items) {
        ok(ctx, new JsonObject().put("items", items));
    }
}
