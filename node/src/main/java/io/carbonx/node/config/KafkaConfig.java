package io.carbonx.node.config;

import java.nio.file.Path;

/**
 * The Kafka cluster the node uses ({@code kafka.*}).
 *
 * @param embeddedRequested {@code kafka.embedded} as configured
 * @param bootstrapServers  {@code kafka.bootstrapServers}; empty means "no external cluster"
 * @param dataDir           embedded broker data directory (resolved: {@code <node.dataDir>/kafka} when not set)
 * @param host              embedded broker listener host
 * @param port              embedded broker port (0 = free port chosen on first start, then persisted)
 * @param controllerPort    embedded KRaft controller port (same rule)
 * @param defaultPartitions partitions of topics created without an explicit count
 * @param startupTimeoutMs  how long startup waits for the cluster
 */
public record KafkaConfig(boolean embeddedRequested, String bootstrapServers, Path dataDir, String host, int port,
                          int controllerPort, int defaultPartitions, long startupTimeoutMs) {

    /** True when the node must start its own broker: no external {@code bootstrapServers} and embedded requested. */
    public boolean embedded() {
        return bootstrapServers.isEmpty() && embeddedRequested;
    }
}
