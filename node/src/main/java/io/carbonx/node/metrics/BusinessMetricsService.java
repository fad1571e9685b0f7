package io.carbonx.node.metrics;

import io.carbonx.eventlog.runtime.CarbonxService;
import io.carbonx.eventlog.runtime.ComponentHealth;
import io.carbonx.eventlog.runtime.ServiceContext;
import io.carbonx.eventlog.runtime.ServiceTopic;
import io.carbonx.node.metrics.core.MarketActivity;
import io.carbonx.schemas.TopicSpec;
import io.carbonx.schemas.Topics;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;

/**
 * {@code business-metrics}: the exchange's business activity on {@code /metrics} — orders, rejections by reason,
 * trades, settlements and their failures, defaults, forfeits, freezes, penalties, rating changes, and the
 * order→decision, order→trade and trade→settled latency histograms ({@link MarketActivity} says exactly what each
 * meter counts). It follows the business topics from their ends, so any node can run it next to any set of
 * services, or alone against an external cluster. The chain's own meters (height, view changes, finality) come
 * from the chain-anchor service.
 *
 * <p>Config {@code services.business-metrics}: {@code correlationCapacity} (open ids remembered per latency
 * correlation, default 100000).
 */
public final class BusinessMetricsService implements CarbonxService {
    /** The topics followed. */
    static final List<String> TOPICS = List.of(Topics.ORDERS_SUBMITTED, Topics.ORDERS, Topics.TRADES,
            Topics.SETTLEMENT, Topics.COMPLIANCE, Topics.REJECTIONS, Topics.RATINGS);

    private volatile ActivityFollower follower;
    private Vertx vertx;

    @Override
    public String name() {
        return "business-metrics";
    }

    @Override
    public JsonObject defaultConfig() {
        return new JsonObject().put("correlationCapacity", 100_000);
    }

    @Override
    public List<ServiceTopic> topics() {
        return TOPICS.stream().map(Topics::byName)
                .map((TopicSpec t) -> new ServiceTopic(t.name(), t.partitions(), t.configs())).toList();
    }

    /**
     * Checks a {@code services.business-metrics} section.
     *
     * @return the correlation capacity it sets
     * @throws IllegalArgumentException naming the key and the value, if a setting is out of range
     */
    public static int checkSettings(JsonObject section) {
        int capacity = section.getInteger("correlationCapacity", 100_000);
        if (capacity < 1) {
            throw new IllegalArgumentException(
                    "services.business-metrics.correlationCapacity must be positive, was " + capacity);
        }
        return capacity;
    }

    @Override
    public Future<Void> start(Vertx vertx, ServiceContext context) {
        this.vertx = vertx;
        int capacity;
        try {
            capacity = checkSettings(context.config());
        } catch (IllegalArgumentException e) {
            return Future.failedFuture(e);
        }
        return vertx.executeBlocking(() -> {
            MarketActivity activity = new MarketActivity(capacity);
            MeterSink sink = new MeterSink(context.meters());
            follower = new ActivityFollower(context.newKafkaClients(),
                    "business-metrics-" + context.nodeId(), TOPICS,
                    (event, recordMs) -> sink.apply(activity.observe(event, recordMs)), context.kafkaClients(), name())
                    .start(Duration.ofSeconds(60));
            return null;
        }, false);
    }

    @Override
    public Future<Void> stop() {
        ActivityFollower f = follower;
        follower = null;
        if (f == null || vertx == null) {
            return Future.succeededFuture();
        }
        return vertx.executeBlocking(() -> {
            f.close();
            return null;
        }, false);
    }

    /** UP while the follower runs; never CATCHING_UP: it counts from the end of its topics, so nothing is replayed. */
    @Override
    public Future<ComponentHealth> health() {
        ActivityFollower f = follower;
        if (f == null || !f.isRunning()) {
            return Future.succeededFuture(ComponentHealth.down(f == null ? "not started" : "follower stopped"));
        }
        return Future.succeededFuture(ComponentHealth.up(new JsonObject().put("records", f.records())
                .put("undecodable", f.undecodable())));
    }
}
