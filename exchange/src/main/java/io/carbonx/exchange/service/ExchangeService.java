package io.carbonx.exchange.service;

import io.carbonx.eventlog.processing.ExactlyOnceProcessor;
import io.carbonx.eventlog.runtime.CarbonxService;
import io.carbonx.eventlog.runtime.ComponentHealth;
import io.carbonx.eventlog.runtime.ServiceContext;
import io.carbonx.eventlog.runtime.ServiceTopic;
import io.carbonx.exchange.gateway.GatewayRoutes;
import io.carbonx.exchange.marketdata.MarketDataRoutes;
import io.carbonx.exchange.matcher.MatcherStatus;
import io.carbonx.exchange.matcher.PartitionStatus;
import io.carbonx.registry.api.auth.ApiSecurity;
import io.carbonx.registry.api.auth.SecureRouter;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The exchange on the node seam: the matcher (an exactly-once loop over {@code carbonx.orders}, one writer per
 * instrument partition) and its clock, the signed order-entry gateway, and the market data read model, each
 * switched by {@link ExchangeConfig} ({@code matcher}, {@code gateway}, {@code marketData}), so one process can be
 * the gateway role and another the matching role.
 *
 * <p>Health: DOWN when the matcher's loop does not run or a rebuild diverged from its checkpoint; else CATCHING_UP
 * while any reader this node runs (matcher loop, gateway state follower, market data followers:
 * {@link ExchangeRuntime#catchUp}) has not yet read up to the end offsets it observed at startup; else UP
 * ({@code "matcher": "OFF"} without a matcher). The details list the owned partitions with the state hash of every
 * instrument that has seen input.
 */
public final class ExchangeService implements CarbonxService {

    private static final Logger LOG = LoggerFactory.getLogger(ExchangeService.class);

    private volatile ExchangeRuntime runtime;
    private Vertx vertx;

    @Override
    public String name() {
        return "exchange";
    }

    @Override
    public JsonObject defaultConfig() {
        return ExchangeConfig.defaults();
    }

    @Override
    public List<ServiceTopic> topics() {
        return ExchangeTopics.standard().serviceTopics();
    }

    @Override
    public Future<Void> start(Vertx vertx, ServiceContext context) {
        this.vertx = vertx;
        ExchangeConfig config;
        try {
            config = ExchangeConfig.of(context.config());
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
        return vertx.<ExchangeRuntime>executeBlocking(() -> ExchangeRuntime.start(vertx, config,
                context.newKafkaClients(), context.nodeId(), context.kafkaClients()))
                .onFailure(e -> LOG.error("exchange failed to start", e))
                .map(r -> {
                    runtime = r;
                    return null;
                });
    }

    /**
     * Mounts order entry and market data behind the node's API security ({@link ApiSecurity#shared}: created by the
     * registry service when it runs on this node, else by the node from the participant directory and the shared
     * token key). Without it (a node with neither the registry nor the consortium CA certificates) the exchange
     * serves no routes (logged); the matcher runs regardless.
     */
    @Override
    public void mountRoutes(Router router) {
        ExchangeRuntime r = runtime;
        ApiSecurity security = ApiSecurity.shared(vertx, () -> null);
        if (r == null || security == null) {
            LOG.warn("exchange routes not mounted: {}", r == null ? "not started"
                    : "no API security on this node (neither the registry service nor"
                    + " services.registry.caCertificatesDir)");
            return;
        }
        SecureRouter routes = new SecureRouter(router, security);
        if (r.gateway() != null) {
            r.gateway().attach(security.directory());
            r.venues().attach(security.directory());
            GatewayRoutes.mount(routes, r.gateway(), r.venues());
        }
        if (r.marketData() != null) {
            MarketDataRoutes.mount(routes, r.marketData());
        }
    }

    /** The running components (null before start and after stop). */
    public ExchangeRuntime runtime() {
        return runtime;
    }

    @Override
    public Future<Void> stop() {
        ExchangeRuntime r = runtime;
        runtime = null;
        if (r == null) {
            return Future.succeededFuture();
        }
        return vertx.executeBlocking(() -> {
            r.close();
            return null;
        });
    }

    @Override
    public Future<ComponentHealth> health() {
        ExchangeRuntime r = runtime;
        if (r == null) {
            return Future.succeededFuture(ComponentHealth.down("not started"));
        }
        return Future.succeededFuture(health(r));
    }

    static ComponentHealth health(ExchangeRuntime r) {
        MatcherStatus status = r.matcherStatus();
        JsonObject details = new JsonObject();
        if (r.gateway() != null) {
            details.put("gatewayReady", r.gateway().isReady());
        }
        if (r.marketData() != null) {
            details.put("marketDataCaughtUp", r.marketData().isCaughtUp());
        }
        if (status == null) {
            details.put("matcher", "OFF");
            return ComponentHealth.catchingUp(details, r.catchUp()).orElseGet(() -> ComponentHealth.up(details));
        }
        JsonArray partitions = new JsonArray();
        for (PartitionStatus p : status.partitions()) {
            partitions.add(new JsonObject().put("partition", p.partition()).put("nextOffset", p.nextOffset())
                    .put("replayed", p.replayed()).put("verification", p.verification().name())
                    .put("deadLetters", p.deadLetters()).put("stateHashes", new JsonObject(
                            new java.util.LinkedHashMap<String, Object>(p.stateHashes()))));
        }
        details.put("matcher", r.matcherState().name()).put("partitions", partitions);
        if (r.matcherState() != ExactlyOnceProcessor.State.RUNNING) {
            return new ComponentHealth(ComponentHealth.Status.DOWN, details.put("reason", "matcher loop "
                    + r.matcherState()));
        }
        if (status.diverged()) {
            return new ComponentHealth(ComponentHealth.Status.DOWN, details.put("reason",
                    "a rebuilt book diverged from its checkpoint"));
        }
        return ComponentHealth.catchingUp(details, r.catchUp()).orElseGet(() -> ComponentHealth.up(details));
    }
}
