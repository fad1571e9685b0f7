package io.carbonx.node.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.carbonx.eventlog.runtime.CarbonxService;
import io.carbonx.eventlog.runtime.ServiceTopic;
import io.carbonx.node.config.NodeConfig;
import io.carbonx.node.console.NodeConsole;
import io.carbonx.node.http.HttpApi;
import io.carbonx.node.http.RequestValidation;
import io.carbonx.registry.api.auth.ApiSecurity;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running carbonx node.
 *
 * <p>{@link #start} brings it up in this order: metrics registry; Kafka (the embedded broker unless
 * {@code kafka.bootstrapServers} names an external cluster) and an admin client; the services' topics; Vert.x with
 * Micrometer metrics; the enabled services; the node's API security ({@link ApiSecurityHost}: the registry's, or
 * one following the identity topic where the registry runs elsewhere); the web console and the routes; the HTTP
 * server (intake opens last). A failure at any step closes what
 * was started and throws.
 *
 * <p>{@link #close} reverses it, each step bounded by what is left of {@code node.shutdownTimeoutMs}: readiness goes
 * DOWN and the HTTP server closes (intake stops first), services stop in reverse order (committing in-flight work
 * and undeploying their verticles), Vert.x closes, the admin client closes, the embedded broker shuts down cleanly.
 * Every step is logged ({@code Shutdown: ...}). Idempotent and thread-safe.
 */
public final class CarbonxNode implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CarbonxNode.class);

    private final NodeConfig config;
    private final PrometheusMeterRegistry registry = VertxFactory.newRegistry();
    private final KafkaMetricsBinder kafkaMetrics = new KafkaMetricsBinder(registry);
    private final ServiceRunner services = new ServiceRunner();
    private final AtomicBoolean ready = new AtomicBoolean();
    private KafkaCluster kafka;
    private Vertx vertx;
    private ApiSecurityHost api;
    private HttpServer http;
    private RequestValidation validation;
    private boolean closed;

    private CarbonxNode(NodeConfig config) {
        this.config = config;
    }

    /**
     * Starts a node running {@code available} services (the enabled ones per config). Blocks until up.
     *
     * @throws NodeStartException when a step fails; nothing is left running
     */
    public static CarbonxNode start(NodeConfig config, List<CarbonxService> available) {
        CarbonxNode node = new CarbonxNode(config);
        try {
            node.startUp(available);
            return node;
        } catch (Exception e) { // Vert.x futures rethrow checked exceptions (e.g. BindException) undeclared
            LOG.error("Startup failed: {}", e.getMessage());
            node.close();
            throw e instanceof NodeStartException nse ? nse : new NodeStartException(e.getMessage(), e);
        }
    }

    private synchronized void startUp(List<CarbonxService> available) {
        long t0 = System.nanoTime();
        LOG.info("Starting node {} (data in {})", config.nodeId(), config.dataDir());
        List<CarbonxService> enabled = available.stream().filter(s -> config.serviceEnabled(s.name())).toList();
        kafka = KafkaCluster.connect(config.kafka(), config.nodeId(), kafkaMetrics);
        List<ServiceTopic> topics = new ArrayList<>();
        enabled.forEach(service -> topics.addAll(service.topics()));
        List<String> created = kafka.ensureTopics(topics, config.kafka().startupTimeoutMs());
        LOG.info("Topics ready: {} declared, {} created {}", topics.size(), created.size(), created);
        vertx = VertxFactory.create(registry, config.nodeId());
        HealthReporter health = new HealthReporter(config.healthTimeoutMs());
        health.register("broker", () -> kafka.probe(config.healthTimeoutMs()));
        services.startAll(enabled, vertx, config, kafka.bootstrapServers(), kafkaMetrics, registry,
                config.serviceStartTimeoutMs());
        enabled.forEach(service -> health.register(service.name(), service::health));
        api = ApiSecurityHost.start(vertx, config, kafka.bootstrapServers(), kafkaMetrics);
        api.health().ifPresent(probe -> health.register(ApiSecurityHost.COMPONENT, probe));
        validation = loadContract();
        http = listen(health);
        ready.set(true);
        LOG.info("HTTP API listening on http://{}:{}", config.http().host(), http.actualPort());
        LOG.info("Node {} started in {} ms (kafka={} {}, services={})", config.nodeId(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0), kafka.embedded() ? "embedded" : "external",
                kafka.bootstrapServers(), enabled.stream().map(CarbonxService::name).toList());
    }

    private RequestValidation loadContract() {
        try {
            return RequestValidation.load(vertx).await(config.kafka().startupTimeoutMs(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new NodeStartException("the OpenAPI contract " + HttpApi.OPENAPI_RESOURCE + " cannot be loaded: "
                    + e.getMessage(), e);
        }
    }

    private HttpServer listen(HealthReporter health) {
        String address = config.http().host() + ":" + config.http().port();
        try {
            return vertx.createHttpServer(new HttpServerOptions().setHost(config.http().host())
                            .setPort(config.http().port()))
                    .requestHandler(router(health))
                    .listen().await(config.kafka().startupTimeoutMs(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new NodeStartException("HTTP server cannot listen on " + address + ": " + e.getMessage(), e);
        }
    }

    private Router router(HealthReporter health) {
        Router router = HttpApi.router(vertx, health, ready::get, registry);
        validation.install(router, ApiSecurity.shared(vertx, () -> null));
        NodeConsole.mount(router, vertx, services.started());
        HttpApi.mountServices(router, api::mountRoutes, services.started());
        return router;
    }

    /** The HTTP port actually bound (useful with {@code http.port: 0}). */
    public synchronized int httpPort() {
        if (http == null) {
            throw new IllegalStateException("HTTP server not running");
        }
        return http.actualPort();
    }

    /** Kafka {@code bootstrap.servers} the node and its services use. */
    public synchronized String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** True when this node started (and owns) an embedded broker. */
    public synchronized boolean runsEmbeddedBroker() {
        return kafka != null && kafka.embedded();
    }

    /** The node's metrics registry (what {@code /metrics} serves). */
    public PrometheusMeterRegistry registry() {
        return registry;
    }

    public NodeConfig config() {
        return config;
    }

    /** The node's Vert.x, if started. */
    public synchronized Optional<Vertx> vertx() {
        return Optional.ofNullable(vertx);
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        long t0 = System.nanoTime();
        long deadline = t0 + TimeUnit.MILLISECONDS.toNanos(config.shutdownTimeoutMs());
        LOG.info("Shutdown started (node {})", config.nodeId());
        ready.set(false);
        if (http != null) {
            step("HTTP server closed (intake stopped)", () -> http.shutdown(leftMs(deadline), TimeUnit.MILLISECONDS)
                    .await(leftMs(deadline), TimeUnit.MILLISECONDS));
        }
        services.stopAll(deadline);
        if (api != null && api.owned()) {
            step("API security closed (identity follower stopped)", api::close);
        }
        if (vertx != null) {
            step("Vert.x closed (verticles undeployed)", () -> vertx.close().await(leftMs(deadline),
                    TimeUnit.MILLISECONDS));
        }
        kafkaMetrics.close();
        if (kafka != null) {
            try {
                kafka.close();
            } catch (RuntimeException e) {
                LOG.warn("Shutdown: Kafka did not close cleanly: {}", e.toString());
            }
        }
        registry.close();
        LOG.info("Shutdown complete in {} ms", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
    }

    private static long leftMs(long deadlineNanos) {
        return Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime()));
    }

    private interface Step {
        void run() throws Exception;
    }

    private static void step(String done, Step step) {
        try {
            step.run();
            LOG.info("Shutdown: {}", done);
        } catch (Exception e) {
            LOG.warn("Shutdown: step '{}' failed: {}", done, e.toString());
        }
    }
}
