package io.carbonx.eventlog.runtime;

import java.nio.file.Path;
import java.util.Objects;

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
 */
public record ServiceContext(String nodeId, String bootstrapServers, JsonObject config, Path dataDir,
                             KafkaClientTracker kafkaClients, MeterRegistry meters) {
    public ServiceContext {
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(kafkaClients, "kafkaClients");
        Objects.requireNonNull(meters, "meters");
    }

    /** A context whose meters go to a registry of their own (tests that start a service without a node). */
    public ServiceContext(String nodeId, String bootstrapServers, JsonObject config, Path dataDir,
                          KafkaClientTracker kafkaClients) {
        this(nodeId, bootstrapServers, config, dataDir, kafkaClients, new SimpleMeterRegistry());
    }
}
