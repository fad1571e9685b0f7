package io.carbonx.eventlog.runtime;

import java.util.List;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;

/**
 * One service the node runs (registry, exchange, rating, anchor, ...), discovered with {@link java.util.ServiceLoader}.
 *
 * <p>Lifecycle contract, driven by the node in this order:
 * <ol>
 *   <li>The node instantiates every implementation on the classpath (a public no-arg constructor that does no
 *       work) and reads {@link #name()} and {@link #defaultConfig()} before loading the configuration, so the
 *       section {@code services.<name>} is validated against the defaults: unknown keys and values of another type
 *       than the default's are rejected before anything starts. The node adds {@code enabled} (boolean, default
 *       {@code true}) to every section; a disabled service is never started.</li>
 *   <li>After the Kafka cluster is reachable the node creates the {@link #topics()} that do not exist yet.</li>
 *   <li>{@link #start(Vertx, ServiceContext)} deploys the service's verticles; the returned future completes once
 *       the service is consuming. A failed future aborts node startup (exit code 1).</li>
 *   <li>{@link #mountRoutes(Router)} is called once for every started service, in start order, after all of them
 *       started and before the HTTP server listens: the service adds its routes (under {@code /api/v1}) to the
 *       node's router. The node has already installed a body handler on {@code /api/*}.</li>
 *   <li>{@link #health()} may be called at any time after {@code start} completed, from any thread, and must not
 *       block; the node bounds it with a timeout and counts a timeout or failure as DOWN.</li>
 *   <li>{@link #stop()} is called once during shutdown, after the HTTP intake has closed: finish or abandon in-flight
 *       work, commit what was done, close Kafka clients and undeploy the verticles. Vert.x is still running.</li>
 * </ol>
 */
public interface CarbonxService {

    /**
     * Stable, lower-case name ({@code [a-z][a-z0-9-]*}): the config section {@code services.<name>}, the component
     * name on {@code /health}, the {@code service} tag of its Kafka client metrics.
     */
    String name();

    /** Defaults of this service's config section; every key a user may set must appear here. */
    default JsonObject defaultConfig() {
        return new JsonObject();
    }

    /** Topics this service reads or writes; created by the node (idempotently) before {@link #start}. */
    default List<ServiceTopic> topics() {
        return List.of();
    }

    /** Deploys the service; completes when it is running. */
    Future<Void> start(Vertx vertx, ServiceContext context);

    /**
     * Adds this service's HTTP routes to the node's router (see the lifecycle above). The default adds none.
     *
     * @param router the node's router; routes under {@code /api/v1}, answering errors as
     *               {@code application/problem+json}
     */
    default void mountRoutes(Router router) {
    }

    /** Stops the service gracefully (commit in-flight work, close clients, undeploy); completes when done. */
    Future<Void> stop();

    /**
     * Current health; must not block.
     *
     * <p>Readiness contract: {@code start} may complete before the service's state is rebuilt (followers and loops
     * replay their topics in the background). Until every reader of the service has read its input up to the end
     * offsets it observed when positioned ({@link CatchUpTracker}; for a chain validator: its height is within a
     * small lag of the highest height it knows of), the service reports {@link ComponentHealth.Status#CATCHING_UP}
     * with a {@code reason} naming the readers still behind and their progress under {@code catchUp}
     * ({@link ComponentHealth#catchingUp}); the node then answers {@code /health/ready} with 503 while
     * {@code /health/live} stays 200. DOWN takes precedence over CATCHING_UP. A service that has caught up once does
     * not go back to CATCHING_UP.
     */
    Future<ComponentHealth> health();
}
