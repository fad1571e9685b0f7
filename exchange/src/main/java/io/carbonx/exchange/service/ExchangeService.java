package io.carbonx.exchange.service;

import io.carbonx.eventlog.KafkaClients;
import io.carbonx.eventlog.processing.ExactlyOnceProcessor;
import io.carbonx.eventlog.runtime.CarbonxService;
import io.carbonx.eventlog.runtime.ComponentHealth;
import io.carbonx.eventlog.runtime.ServiceContext;
import io.carbonx.eventlog.runtime.ServiceTopic;
import io.carbonx.exchange.matcher.MatcherStatus;
import io.carbonx.exchange.matcher.PartitionStatus;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The exchange on the node seam: the matcher (an exactly-once loop over {@code carbonx.orders}, one writer per
 * instrument partition), its clock, and the market data read model. Configuration: {@link ExchangeConfig}.
 *
 * <p>Health: UP while the matcher's loop runs and no rebuild diverged from its checkpoint; the details list the
 * owned partitions with the state hash of every instrument that has seen input.
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
        try {
            ExchangeConfig config = ExchangeConfig.of(context.config());
            runtime = ExchangeRuntime.start(vertx, config, new KafkaClients(context.bootstrapServers()),
                    context.nodeId(), context.kafkaClients());
            return Future.succeededFuture();
        } catch (RuntimeException e) {
            LOG.error("exchange failed to start", e);
            return Future.failedFuture(e);
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
        JsonArray partitions = new JsonArray();
        for (PartitionStatus p : status.partitions()) {
            partitions.add(new JsonObject().put("partition", p.partition()).put("nextOffset", p.nextOffset())
                    .put("replayed", p.replayed()).put("verification", p.verification().name())
                    .put("deadLetters", p.deadLetters()).put("stateHashes", new JsonObject(
                            new java.util.LinkedHashMap<String, Object>(p.stateHashes()))));
        }
        JsonObject details = new JsonObject().put("matcher", r.matcherState().name()).put("partitions", partitions);
        if (r.matcherState() != ExactlyOnceProcessor.State.RUNNING) {
            return new ComponentHealth(ComponentHealth.Status.DOWN, details.put("reason", "matcher loop "
                    + r.matcherState()));
        }
        if (status.diverged()) {
            return new ComponentHealth(ComponentHealth.Status.DOWN, details.put("reason",
                    "a rebuilt book diverged from its checkpoint"));
        }
        return ComponentHealth.up(details);
    }
}
