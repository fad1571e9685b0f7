package io.carbonx.eventlog.runtime;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A topic a service needs.
 *
 * @param name       the topic name
 * @param partitions number of partitions (&gt;= 1); an existing topic is left as it is
 * @param configs    topic-level configs (e.g. {@code cleanup.policy=compact}); copied, sorted
 */
public record TopicSpec(String name, int partitions, Map<String, String> configs) {
    public TopicSpec {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("topic name is blank");
        }
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be >= 1: " + partitions);
        }
        configs = Collections.unmodifiableMap(new TreeMap<>(configs == null ? Map.of() : configs));
    }

    public static TopicSpec of(String name, int partitions) {
        return new TopicSpec(name, partitions, Map.of());
    }
}
