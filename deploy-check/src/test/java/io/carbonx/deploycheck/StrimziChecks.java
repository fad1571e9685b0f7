package io.carbonx.deploycheck;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Checks of the Strimzi resources (Kafka, KafkaNodePool, KafkaTopic, KafkaUser).
 *
 * <ul>
 *   <li>Every {@code kafka.strimzi.io} object uses {@value #API_VERSION} (Strimzi 1.0 removed v1beta2).</li>
 *   <li>Exactly one {@code Kafka}; every node pool, topic and user carries {@value #CLUSTER_LABEL} naming it.</li>
 *   <li>Node pools have KRaft roles (controller/broker) and CPU/memory requests and limits; the controllers form
 *       an odd quorum; no ZooKeeper section.</li>
 *   <li>Replication is consistent with the size: min ISR &le; replication factor &le; brokers, for the defaults,
 *       the internal topics and each topic's effective replication factor.</li>
 *   <li>Topics: exactly the code's catalogue ({@link CatalogueTopics}, from io.carbonx.schemas.Topics): every
 *       catalogue topic declared, none outside it, each with the catalogue's partitions, configs (cleanup.policy,
 *       retention.ms, retention.bytes), key kind ({@value #KEY_LABEL}) and anchoring ({@value #ANCHORED_LABEL});
 *       unique names; all topics with one key kind share one partition count (co-partitioning); anchored topics
 *       are kept forever with the delete policy.</li>
 * </ul>
 */
final class StrimziChecks {

    static final String API_GROUP = "kafka.strimzi.io/";
    static final String API_VERSION = "kafka.strimzi.io/v1";
    static final String CLUSTER_LABEL = "strimzi.io/cluster";
    static final String KEY_LABEL = "carbonx.io/key";
    static final String ANCHORED_LABEL = "carbonx.io/anchored";

    private StrimziChecks() {
    }

    /**
     * @param manifests      the objects
     * @param expectedTopics the code's topic catalogue, with the environment's partition counts
     * @return the violations found
     */
    static List<String> check(Manifests manifests, Collection<CatalogueTopics.Expected> expectedTopics) {
        List<String> problems = new ArrayList<>();
        problems.addAll(apiVersionsAndClusterLabels(manifests));
        problems.addAll(nodePools(manifests));
        problems.addAll(replication(manifests));
        problems.addAll(topics(manifests, expectedTopics));
        return problems;
    }

    static List<String> apiVersionsAndClusterLabels(Manifests manifests) {
        List<String> problems = new ArrayList<>();
        for (JsonNode object : manifests.all()) {
            String apiVersion = Manifests.apiVersion(object);
            if (apiVersion.startsWith(API_GROUP) && !API_VERSION.equals(apiVersion)) {
                problems.add(Manifests.id(object) + ": apiVersion " + apiVersion + ", must be " + API_VERSION);
            }
        }
        List<JsonNode> clusters = manifests.ofKind("Kafka");
        if (clusters.size() != 1) {
            problems.add("expected exactly one Kafka resource, found " + clusters.size());
            return problems;
        }
        String cluster = Manifests.name(clusters.get(0));
        for (String kind : List.of("KafkaNodePool", "KafkaTopic", "KafkaUser")) {
            for (JsonNode object : manifests.ofKind(kind)) {
                String label = Manifests.labels(object).get(CLUSTER_LABEL);
                if (!cluster.equals(label)) {
                    problems.add(Manifests.id(object) + ": label " + CLUSTER_LABEL + "=" + label
                            + " does not name the Kafka resource " + cluster);
                }
            }
        }
        return problems;
    }

    static List<String> nodePools(Manifests manifests) {
        List<String> problems = new ArrayList<>();
        for (JsonNode kafka : manifests.ofKind("Kafka")) {
            if (kafka.path("spec").has("zookeeper")) {
                problems.add(Manifests.id(kafka) + ": spec.zookeeper is gone in Strimzi v1 (KRaft only)");
            }
        }
        List<JsonNode> pools = manifests.ofKind("KafkaNodePool");
        if (pools.isEmpty()) {
            problems.add("no KafkaNodePool: a KRaft cluster needs node pools");
        }
        for (JsonNode pool : pools) {
            List<String> roles = roles(pool);
            if (roles.isEmpty() || !Set.of("controller", "broker").containsAll(roles)) {
                problems.add(Manifests.id(pool) + ": roles " + roles + " must be controller and/or broker");
            }
            if (!pool.path("spec").has("storage")) {
                problems.add(Manifests.id(pool) + ": no storage");
            }
            problems.addAll(WorkloadChecks.resources(Manifests.id(pool), pool.path("spec")));
        }
        int controllers = KafkaSize.of(manifests).controllers();
        if (!pools.isEmpty() && controllers % 2 == 0) {
            problems.add("KRaft controller quorum of " + controllers + " nodes: use an odd number");
        }
        return problems;
    }

    static List<String> replication(Manifests manifests) {
        if (manifests.ofKind("Kafka").size() != 1) {
            return List.of();
        }
        KafkaSize size = KafkaSize.of(manifests);
        List<String> problems = new ArrayList<>();
        requireOrdered(problems, "min.insync.replicas", size.minIsr(), "default.replication.factor",
                size.defaultReplicationFactor(), size.brokers());
        requireOrdered(problems, "transaction.state.log.min.isr", size.config("transaction.state.log.min.isr", 2),
                "transaction.state.log.replication.factor",
                size.config("transaction.state.log.replication.factor", 3), size.brokers());
        requireOrdered(problems, "min.insync.replicas", size.minIsr(), "offsets.topic.replication.factor",
                size.config("offsets.topic.replication.factor", 3), size.brokers());
        for (JsonNode topic : manifests.ofKind("KafkaTopic")) {
            int replicas = topic.path("spec").path("replicas").asInt(size.defaultReplicationFactor());
            if (replicas > size.brokers() || replicas < size.minIsr()) {
                problems.add(Manifests.id(topic) + ": replication factor " + replicas + " outside [min ISR "
                        + size.minIsr() + ", brokers " + size.brokers() + "]");
            }
        }
        return problems;
    }

    private static void requireOrdered(List<String> problems, String isrName, int isr, String rfName, int rf,
                                       int brokers) {
        if (isr < 1 || isr > rf || rf > brokers) {
            problems.add("Kafka: need 1 <= " + isrName + " (" + isr + ") <= " + rfName + " (" + rf
                    + ") <= brokers (" + brokers + ")");
        }
    }

    static List<String> topics(Manifests manifests, Collection<CatalogueTopics.Expected> expectedTopics) {
        List<String> problems = new ArrayList<>();
        Map<String, JsonNode> declared = new TreeMap<>();
        Map<String, Set<Integer>> partitionsByKey = new TreeMap<>();
        for (JsonNode topic : manifests.ofKind("KafkaTopic")) {
            String name = topicName(topic);
            if (declared.put(name, topic) != null) {
                problems.add(Manifests.id(topic) + ": topic " + name + " declared twice");
            }
            int partitions = topic.path("spec").path("partitions").asInt(0);
            if (partitions < 1) {
                problems.add(Manifests.id(topic) + ": partitions must be set and >= 1");
            }
            String key = Manifests.labels(topic).get(KEY_LABEL);
            if (key == null) {
                problems.add(Manifests.id(topic) + ": no " + KEY_LABEL + " label (what the record key is)");
            } else {
                partitionsByKey.computeIfAbsent(key, k -> new TreeSet<>()).add(partitions);
            }
            if ("true".equals(Manifests.labels(topic).get(ANCHORED_LABEL))) {
                problems.addAll(keptForever(topic));
            }
        }
        partitionsByKey.forEach((key, counts) -> {
            if (counts.size() > 1) {
                problems.add("topics keyed by " + key + " have different partition counts " + counts
                        + ": they must be co-partitioned");
            }
        });
        Set<String> catalogued = new TreeSet<>();
        for (CatalogueTopics.Expected expected : expectedTopics) {
            catalogued.add(expected.name());
            JsonNode topic = declared.get(expected.name());
            if (topic == null) {
                problems.add("topic " + expected.name() + " is in the code's catalogue (io.carbonx.schemas.Topics)"
                        + " but not declared as a KafkaTopic");
            } else {
                problems.addAll(asCatalogued(topic, expected));
            }
        }
        declared.forEach((name, topic) -> {
            if (!catalogued.contains(name)) {
                problems.add(Manifests.id(topic) + ": topic " + name + " is not in the code's catalogue "
                        + "(io.carbonx.schemas.Topics)");
            }
        });
        return problems;
    }

    /** Partitions, configs and labels of {@code topic} against its catalogue entry. */
    private static List<String> asCatalogued(JsonNode topic, CatalogueTopics.Expected expected) {
        List<String> problems = new ArrayList<>();
        String id = Manifests.id(topic);
        int partitions = topic.path("spec").path("partitions").asInt(0);
        if (partitions != expected.partitions()) {
            problems.add(id + ": " + partitions + " partitions, the catalogue says " + expected.partitions());
        }
        JsonNode config = topic.path("spec").path("config");
        expected.config().forEach((key, value) -> {
            String actual = config.path(key).asText("<unset>");
            if (!value.equals(actual)) {
                problems.add(id + ": " + key + " is " + actual + ", the catalogue says " + value);
            }
        });
        String key = Manifests.labels(topic).get(KEY_LABEL);
        if (key != null && !key.equals(expected.keyLabel())) {
            problems.add(id + ": label " + KEY_LABEL + "=" + key + ", the catalogue keys it by "
                    + expected.keyLabel());
        }
        String anchored = Manifests.labels(topic).get(ANCHORED_LABEL);
        if (!String.valueOf(expected.anchored()).equals(anchored)) {
            problems.add(id + ": label " + ANCHORED_LABEL + "=" + anchored + ", the catalogue says "
                    + expected.anchored());
        }
        return problems;
    }

    private static List<String> keptForever(JsonNode topic) {
        JsonNode config = topic.path("spec").path("config");
        List<String> problems = new ArrayList<>();
        if (!"-1".equals(config.path("retention.ms").asText())) {
            problems.add(Manifests.id(topic) + ": anchored (evidence) topic needs retention.ms -1, has "
                    + config.path("retention.ms").asText("<default>"));
        }
        if (!"delete".equals(config.path("cleanup.policy").asText())) {
            problems.add(Manifests.id(topic) + ": anchored (evidence) topic needs cleanup.policy delete "
                    + "(compaction would remove records that inclusion proofs refer to)");
        }
        return problems;
    }

    static String topicName(JsonNode topic) {
        return topic.path("spec").path("topicName").asText(Manifests.name(topic));
    }

    static List<String> roles(JsonNode pool) {
        return Manifests.list(pool.path("spec").path("roles")).stream().map(JsonNode::asText).toList();
    }
}
