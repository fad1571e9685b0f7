package io.carbonx.eventlog.runtime;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A topic a service needs; the node creates it with the cluster's default replication factor.
 *
 * <p>Kept minimal on purpose: once {@code io.carbonx.eventlog.TopicSpec} (topic catalogue, replication factor,
 * validated configs) is available, the seam can switch to it.
 *
 * @param name       the topic name
 * @param partitions number of partitions (&gt;= 1); an existing topic is left as it is
 * @param configs    topic-level configs (e.g. {@code cleanup.policy=compact}); copied, sorted
 */
public record ServiceTopic(String name, int partitions, Map<String, String> configs) {
    public ServiceTopic {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("topic name is blank");
        }
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be >= 1: " + partitions);
        }
        configs = Collections.unmodifiableMap(new TreeMap<>(configs == null ? Map.of() : configs));
    }

    public static ServiceTopic of(String name, int partitions) {
        return new ServiceTopic(name, partitions, Map.of());
    }
}
