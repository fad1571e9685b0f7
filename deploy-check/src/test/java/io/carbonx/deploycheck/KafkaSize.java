package io.carbonx.deploycheck;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * The size and replication settings of the one Strimzi Kafka cluster in a set of objects.
 *
 * @param brokers     nodes with the broker role (sum of the replicas of broker pools)
 * @param controllers nodes with the controller role
 * @param config      {@code spec.kafka.config} of the Kafka resource, as text
 */
record KafkaSize(int brokers, int controllers, Map<String, String> config) {

    /** Reads the pools and the Kafka resource (an absent Kafka reads as an empty config). */
    static KafkaSize of(Manifests manifests) {
        int brokers = 0;
        int controllers = 0;
        for (JsonNode pool : manifests.ofKind("KafkaNodePool")) {
            int replicas = pool.path("spec").path("replicas").asInt(0);
            if (StrimziChecks.roles(pool).contains("broker")) {
                brokers += replicas;
            }
            if (StrimziChecks.roles(pool).contains("controller")) {
                controllers += replicas;
            }
        }
        JsonNode config = manifests.ofKind("Kafka").stream().findFirst()
                .map(k -> k.path("spec").path("kafka").path("config"))
                .orElse(com.fasterxml.jackson.databind.node.MissingNode.getInstance());
        return new KafkaSize(brokers, controllers, Manifests.stringMap(config));
    }

    /** {@code min.insync.replicas} (Kafka's default: 1). */
    int minIsr() {
        return config("min.insync.replicas", 1);
    }

    /** {@code default.replication.factor} (Kafka's default: 1). */
    int defaultReplicationFactor() {
        return config("default.replication.factor", 1);
    }

    /** An integer broker setting, or Kafka's default when absent. */
    int config(String key, int kafkaDefault) {
        String value = config.get(key);
        return value == null ? kafkaDefault : Integer.parseInt(value.trim());
    }
}
