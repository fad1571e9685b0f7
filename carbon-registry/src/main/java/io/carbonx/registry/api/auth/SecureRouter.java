package io.carbonx.registry.api.auth;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The only way the API mounts a route: with its {@link Access} rule, so no route exists without one (deny by
 * default). An authenticated route runs {@link ApiSecurity#authenticate()} then
 * {@link ApiSecurity#authorise(Access)} before its handler.
 */
public final class SecureRouter {
    /** A mounted route, for listing. */
    public record Mounted(HttpMethod method, String path, Access access) {
    }

    private final Router router;
    private final ApiSecurity security;
    private final List<Mounted> mounted = new ArrayList<>();

    /**
     * @param router   the node's router
     * @param security the node's security
     */
    public SecureRouter(Router router, ApiSecurity security) {
        this.router = Objects.requireNonNull(router, "router");
        this.security = Objects.requireNonNull(security, "security");
    }

    /**
     * @param path    the path (Vert.x syntax, {@code :param})
     * @param access  who may call it
     * @param handler the handler
     * @return this
     */
    public SecureRouter get(String path, Access access, Handler<RoutingContext> handler) {
        return route(HttpMethod.GET, path, access, handler);
    }

    /**
     * @param path    the path
     * @param access  who may call it
     * @param handler the handler
     * @return this
     */
    public SecureRouter post(String path, Access access, Handler<RoutingContext> handler) {
        return route(HttpMethod.POST, path, access, handler);
    }

    /** @return every route mounted through this router */
    public List<Mounted> mounted() {
        return List.copyOf(mounted);
    }

    /** @return the security */
    public ApiSecurity security() {
        return security;
    }

    private SecureRouter route(HttpMethod method, String path, Access access, Handler<RoutingContext> handler) {
        Objects.requireNonNull(access, "every route declares its access");
        Route r = router.route(method, path);
        if (access.authenticated()) {
            r.handler(security.authenticate()).handler(ApiSecurity.authorise(access));
        }
        r.handler(handler);
        mounted.add(new Mounted(method, path, access));
        return this;
    }
}
