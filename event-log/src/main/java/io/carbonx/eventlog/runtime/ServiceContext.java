package io.carbonx.eventlog.runtime;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

import io.carbonx.eventlog.KafkaClients;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.json.JsonObject;

/**
 * What the node hands a {@link CarbonxService} at start.
 *
 * @param nodeId           the node's id ({@code node.id}), e.g. for client ids and transactional ids
 * @param bootstrapServers Kafka {@code bootstrap.servers} of the cluster (embedded or external)
 * @param config           the service's section {@code services.<name>}: its defaults merged with the user's values
 *                         (including {@code enabled})
 * @param dataDir          a directory reserved for this service ({@code <node.dataDir>/services/<name>}), created by
 *                         the node; for local state such as snapshots or persisted votes
 * @param kafkaClients     register every Kafka producer, consumer and admin client here so its metrics appear on
 *                         {@code /metrics}
 * @param meters           the node's metrics registry (what {@code /metrics} serves): a service registers its own
 *                         meters here, never in {@code Metrics.globalRegistry}, which the node does not serve
 * @param consumerOverrides Kafka consumer settings applied to every consumer the service creates through
 *                         {@link #newKafkaClients()} (e.g. a smaller {@code max.poll.records}); usually empty
 */
public record ServiceContext(String nodeId, String bootstrapServers, JsonObject config, Path dataDir,
                             KafkaClientTracker kafkaClients, MeterRegistry meters,
                             Map<String, Object> consumerOverrides) {
    public ServiceContext {
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(kafkaClients, "kafkaClients");
        Objects.requireNonNull(meters, "meters");
        consumerOverrides = Map.copyOf(consumerOverrides);
    }

    /** A context without consumer overrides. */
    public ServiceContext(String nodeId, String bootstrapServers, JsonObject config, Path dataDir,
                          KafkaClientTracker kafkaClients, MeterRegistry meters) {
        this(nodeId, bootstrapServers, config, dataDir, kafkaClients, meters, Map.of());
    }

    /** The client factory services use: {@link #bootstrapServers} with {@link #consumerOverrides}. */
    public KafkaClients newKafkaClients() {
        return new KafkaClients(bootstrapServers, Map.of(), consumerOverrides);
    }

    /** This context with other consumer overrides (tests that throttle or gate a service's replay). */
    public ServiceContext withConsumerOverrides(Map<String, ?> overrides) {
        return new ServiceContext(nodeId, bootstrapServers, config, dataDir, kafkaClients, meters,
                Map.<String, Object>copyOf(overrides));
    }

    /** A context whose meters go to a registry of their own (tests that start a service without a node). */
    public ServiceContext(String nodeId, String bootstrapServers, JsonObject config, Path dataDir,
                          KafkaClientTracker kafkaClients) {
        this(nodeId, bootstrapServers, config, dataDir, kafkaClients, new SimpleMeterRegistry());
    }
}
