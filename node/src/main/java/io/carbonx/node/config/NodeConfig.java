package io.carbonx.node.config;

import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import io.vertx.core.json.JsonObject;

/**
 * The validated configuration of one node.
 *
 * @param nodeId            {@code node.id}
 * @param dataDir           {@code node.dataDir}, absolute
 * @param shutdownTimeoutMs {@code node.shutdownTimeoutMs}
 * @param healthTimeoutMs   {@code node.healthTimeoutMs}
 * @param serviceStartTimeoutMs {@code node.serviceStartTimeoutMs}: how long one service may take to start
 * @param http              {@code http.*}
 * @param kafka             {@code kafka.*}
 * @param services          {@code services.<name>} sections by name (sorted), each with {@code enabled}
 */
public record NodeConfig(String nodeId, Path dataDir, long shutdownTimeoutMs, long healthTimeoutMs,
                         long serviceStartTimeoutMs, HttpConfig http, KafkaConfig kafka,
                         Map<String, JsonObject> services) {
    public NodeConfig {
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(kafka, "kafka");
        TreeMap<String, JsonObject> copy = new TreeMap<>();
        services.forEach((name, section) -> copy.put(name, section.copy()));
        services = Collections.unmodifiableMap(copy);
    }

    /** The section of service {@code name} (a copy), or an empty object if it has none. */
    public JsonObject serviceConfig(String name) {
        JsonObject section = services.get(name);
        return section == null ? new JsonObject() : section.copy();
    }

    /** Whether service {@code name} is enabled ({@code services.<name>.enabled}, default true). */
    public boolean serviceEnabled(String name) {
        return serviceConfig(name).getBoolean("enabled", true);
    }

    /** A copy with another HTTP listener (tests, tools). */
    public NodeConfig withHttp(HttpConfig newHttp) {
        return new NodeConfig(nodeId, dataDir, shutdownTimeoutMs, healthTimeoutMs, serviceStartTimeoutMs, newHttp,
                kafka, services);
    }
}
