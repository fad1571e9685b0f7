package io.carbonx.node.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import io.carbonx.eventlog.runtime.CarbonxService;
import io.carbonx.eventlog.runtime.ComponentHealth;
import io.carbonx.node.runtime.HealthReporter;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.RoutingContext;
import io.vertx.micrometer.PrometheusScrapingHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's HTTP routes (all GET):
 * <ul>
 *   <li>{@code /health}: every component's health ({@link HealthReporter}), 200 when all UP, else 503;</li>
 *   <li>{@code /health/live} (the liveness probe): 200 while the event loop answers, whatever the components say:
 *       a component that is DOWN or CATCHING_UP is no reason to restart the process;</li>
 *   <li>{@code /health/ready} (the readiness probe): the same body and code as {@code /health}, but 503 before
 *       startup completed and once shutdown began; so 503 while any service is CATCHING_UP (replaying its topics
 *       after a start) with the top-level {@code reason} naming it, 200 once every component is UP
 *       ({@link #statusCode});</li>
 *   <li>{@code /metrics}: Prometheus text exposition of the node's registry;</li>
 *   <li>{@code /openapi.yaml}: the OpenAPI 3.1 document (classpath {@value #OPENAPI_RESOURCE}).</li>
 * </ul>
 * plus what the services mount under {@code /api/v1} ({@link #mountServices}). Unknown paths and methods, bodies
 * over {@value #MAX_BODY_BYTES} bytes and failures answer {@code application/problem+json}.
 */
public final class HttpApi {

    /** The checked-in OpenAPI document describing these routes. */
    public static final String OPENAPI_RESOURCE = "openapi/carbonx.yaml";

    /** Largest request body accepted under {@code /api}. */
    public static final long MAX_BODY_BYTES = 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);
    private static final String JSON = "application/json";
    private static final String PROBLEM_JSON = "application/problem+json";

    private HttpApi() {
    }

    /** Builds the router; {@code ready} tells whether the node is started and not shutting down. */
    public static Router router(Vertx vertx, HealthReporter health, BooleanSupplier ready,
                                PrometheusMeterRegistry registry) {
        Buffer openapi = Buffer.buffer(loadOpenApi());
        Router router = Router.router(vertx);
        router.get("/health").handler(ctx -> health.report()
                .onComplete(ar -> respondHealth(ctx, ar.result(), Probe.HEALTH, true)));
        router.get("/health/ready").handler(ctx -> health.report()
                .onComplete(ar -> respondHealth(ctx, ar.result(), Probe.READY, ready.getAsBoolean())));
        router.get("/health/live").handler(ctx -> ctx.response()
                .setStatusCode(statusCode(Probe.LIVE, ComponentHealth.Status.UP, true))
                .putHeader(HttpHeaders.CONTENT_TYPE, JSON).end(new JsonObject().put("status", "UP").encode()));
        router.get("/metrics").handler(PrometheusScrapingHandler.create(registry));
        router.get("/openapi.yaml").handler(ctx -> ctx.response()
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/yaml; charset=utf-8").end(openapi));
        router.errorHandler(404, ctx -> problem(ctx, 404, "Not Found", "no resource at " + ctx.request().path()));
        router.errorHandler(405, ctx -> problem(ctx, 405, "Method Not Allowed",
                ctx.request().method() + " is not supported on " + ctx.request().path()));
        router.errorHandler(413, ctx -> problem(ctx, 413, "Content Too Large", "the body exceeds "
                + MAX_BODY_BYTES + " bytes"));
        router.errorHandler(400, ctx -> problem(ctx, 400, "Bad Request", "the request could not be read"));
        router.errorHandler(500, ctx -> {
            LOG.warn("{} {} failed", ctx.request().method(), ctx.request().path(), ctx.failure());
            problem(ctx, 500, "Internal Server Error", "the request failed");
        });
        return router;
    }

    /**
     * Installs the body handler on {@code /api/*} and lets every started service mount its routes, in start order.
     *
     * @param router   the node's router
     * @param services the started services
     */
    public static void mountServices(Router router, List<CarbonxService> services) {
        mountServices(router, r -> { }, services);
    }

    /**
     * Installs the body handler on {@code /api/*}, mounts the node's own API routes ({@code nodeRoutes}, e.g. the
     * login routes where the registry runs elsewhere), then lets every started service mount its routes, in start
     * order.
     *
     * @param router     the node's router
     * @param nodeRoutes mounts the node's own routes
     * @param services   the started services
     */
    public static void mountServices(Router router, Consumer<Router> nodeRoutes, List<CarbonxService> services) {
        router.route("/api/*").handler(BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES));
        nodeRoutes.accept(router);
        for (CarbonxService service : services) {
            service.mountRoutes(router);
        }
    }

    /** The three health endpoints. */
    public enum Probe { HEALTH, READY, LIVE }

    /**
     * The HTTP status an endpoint answers.
     *
     * @param probe     the endpoint
     * @param overall   the aggregated status ({@link HealthReporter#overall})
     * @param nodeReady the node finished starting and is not shutting down
     * @return LIVE: 200 always; HEALTH: 200 iff UP; READY: 200 iff UP and the node is ready; else 503
     */
    public static int statusCode(Probe probe, ComponentHealth.Status overall, boolean nodeReady) {
        return switch (probe) {
            case LIVE -> 200;
            case HEALTH -> overall == ComponentHealth.Status.UP ? 200 : 503;
            case READY -> overall == ComponentHealth.Status.UP && nodeReady ? 200 : 503;
        };
    }

    private static void respondHealth(RoutingContext ctx, JsonObject report, Probe probe, boolean nodeReady) {
        JsonObject body = report.copy();
        ComponentHealth.Status overall = ComponentHealth.Status.valueOf(body.getString("status"));
        if (!nodeReady) {
            body.put("status", "DOWN").put("reason", "node is starting or shutting down");
        }
        int code = statusCode(probe, overall, nodeReady);
        ctx.response().setStatusCode(code).putHeader(HttpHeaders.CONTENT_TYPE, JSON).end(body.encodePrettily());
    }

    private static void problem(RoutingContext ctx, int status, String title, String detail) {
        if (ctx.response().ended()) {
            return;
        }
        JsonObject body = new JsonObject().put("type", "about:blank").put("title", title).put("status", status)
                .put("detail", detail);
        ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, PROBLEM_JSON).end(body.encode());
    }

    private static byte[] loadOpenApi() {
        try (InputStream in = HttpApi.class.getClassLoader().getResourceAsStream(OPENAPI_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("classpath resource " + OPENAPI_RESOURCE + " is missing");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
