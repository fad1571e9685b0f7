package io.carbonx.eventlog;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.NewTopic;

/**
 * What a topic must look like: name, partition count, replication factor and topic-level configs.
 *
 * <p>Contract: a {@code TopicSpec} is always valid for Kafka. The constructor rejects, with an
 * {@link IllegalArgumentException} naming the offending field, an illegal topic name (Kafka's rules: 1 to 249 chars of
 * {@code [a-zA-Z0-9._-]}, not {@code .} or {@code ..}), fewer than one partition or replica, a
 * {@code cleanup.policy} other than {@code delete}/{@code compact}/both, a non-numeric {@code retention.ms} below -1,
 * and a {@code min.insync.replicas} outside {@code [1, replicationFactor]}. Configs are kept sorted by key so the spec
 * has one canonical form.
 */
public record TopicSpec(String name, int partitions, short replicationFactor, Map<String, String> configs) {

    public static final String CLEANUP_POLICY = "cleanup.policy";
    public static final String RETENTION_MS = "retention.ms";
    public static final String MIN_INSYNC_REPLICAS = "min.insync.replicas";

    private static final Pattern LEGAL_NAME = Pattern.compile("[a-zA-Z0-9._-]{1,249}");
    private static final Set<String> CLEANUP_POLICIES = Set.of("delete", "compact", "compact,delete", "delete,compact");

    public TopicSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(configs, "configs");
        if (!LEGAL_NAME.matcher(name).matches() || ".".equals(name) || "..".equals(name)) {
            throw new IllegalArgumentException("illegal topic name: '" + name + "'");
        }
        if (partitions < 1) {
            throw new IllegalArgumentException("topic " + name + ": partitions must be >= 1, was " + partitions);
        }
        if (replicationFactor < 1) {
            throw new IllegalArgumentException(
                    "topic " + name + ": replicationFactor must be >= 1, was " + replicationFactor);
        }
        TreeMap<String, String> sorted = new TreeMap<>();
        configs.forEach((k, v) -> sorted.put(Objects.requireNonNull(k, "config key"),
                Objects.requireNonNull(v, "config value of " + k)));
        validateConfigs(name, replicationFactor, sorted);
        configs = Collections.unmodifiableMap(sorted);
    }

    /** A topic with broker-default configs. */
    public static TopicSpec of(String name, int partitions, int replicationFactor) {
        return new TopicSpec(name, partitions, toShort(replicationFactor), Map.of());
    }

    /** A log-compacted topic (latest value per key kept forever): state/changelog topics. */
    public static TopicSpec compacted(String name, int partitions, int replicationFactor) {
        return of(name, partitions, replicationFactor).withConfig(CLEANUP_POLICY, "compact");
    }

    /** A delete-policy topic keeping records for {@code retentionMs} ({@code -1}: forever, the event-log default). */
    public static TopicSpec retained(String name, int partitions, int replicationFactor, long retentionMs) {
        return of(name, partitions, replicationFactor)
                .withConfig(CLEANUP_POLICY, "delete")
                .withConfig(RETENTION_MS, Long.toString(retentionMs));
    }

    /** This spec with one more (or a replaced) topic config; validated like the constructor. */
    public TopicSpec withConfig(String key, String value) {
        TreeMap<String, String> copy = new TreeMap<>(configs);
        copy.put(key, value);
        return new TopicSpec(name, partitions, replicationFactor, copy);
    }

    /**
     * This spec adapted to a cluster with another replication factor (e.g. 1 for the embedded single-node broker);
     * a {@code min.insync.replicas} above the new factor is lowered to it, so the topic stays writable.
     */
    public TopicSpec withReplicationFactor(int newReplicationFactor) {
        short rf = toShort(newReplicationFactor);
        TreeMap<String, String> copy = new TreeMap<>(configs);
        String minIsr = copy.get(MIN_INSYNC_REPLICAS);
        if (minIsr != null && Integer.parseInt(minIsr) > rf) {
            copy.put(MIN_INSYNC_REPLICAS, Short.toString(rf));
        }
        return new TopicSpec(name, partitions, rf, copy);
    }

    /** The Kafka admin request for this spec. */
    public NewTopic toNewTopic() {
        return new NewTopic(name, partitions, replicationFactor).configs(configs);
    }

    private static void validateConfigs(String name, short rf, Map<String, String> configs) {
        String policy = configs.get(CLEANUP_POLICY);
        if (policy != null && !CLEANUP_POLICIES.contains(policy)) {
            throw new IllegalArgumentException("topic " + name + ": cleanup.policy must be delete, compact or both, was '"
                    + policy + "'");
        }
        String retention = configs.get(RETENTION_MS);
        if (retention != null && parse(name, RETENTION_MS, retention) < -1) {
            throw new IllegalArgumentException("topic " + name + ": retention.ms must be >= -1, was " + retention);
        }
        String minIsr = configs.get(MIN_INSYNC_REPLICAS);
        if (minIsr != null) {
            long value = parse(name, MIN_INSYNC_REPLICAS, minIsr);
            if (value < 1 || value > rf) {
                throw new IllegalArgumentException("topic " + name + ": min.insync.replicas must be in [1, " + rf
                        + "], was " + minIsr);
            }
        }
    }

    private static long parse(String name, String key, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("topic " + name + ": " + key + " must be an integer, was '" + value + "'",
                    e);
        }
    }

    private static short toShort(int replicationFactor) {
        if (replicationFactor < 1 || replicationFactor > Short.MAX_VALUE) {
            throw new IllegalArgumentException("replicationFactor out of range: " + replicationFactor);
        }
        return (short) replicationFactor;
    }
}
