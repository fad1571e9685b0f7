package io.carbonx.schemas;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.specific.SpecificRecord;

/**
 * One Kafka topic of the catalogue ({@link Topics}): its name, how records are keyed and partitioned, how long
 * they are kept, and which record types it carries with the field each is keyed by.
 *
 * @param name topic name
 * @param keyKind what the record key is (all participant-keyed topics share a partition count, and so do all
 *     instrument-keyed ones, so that one key lands in the same partition number everywhere)
 * @param partitions partition count
 * @param cleanup delete (with {@code retentionMs}) or compact
 * @param retentionMs {@code retention.ms} for delete topics; -1 keeps forever; ignored for compacted topics
 * @param anchored true if every record is an event anchored in the chain (evidence): such topics keep forever
 * @param keyFields carried record types, each with the (dot-separated) path of the string field that is its key
 * @param purpose what the topic is for, who writes and who reads it
 */
public record TopicSpec(String name, KeyKind keyKind, int partitions, Cleanup cleanup, long retentionMs,
                        boolean anchored, Map<Class<? extends SpecificRecord>, String> keyFields, String purpose) {

    /** What a topic's record key is. Keys are the UTF-8 bytes of the key string. */
    public enum KeyKind {
        /** A participant id: the registry's partitioning; co-partitioned across all such topics. */
        PARTICIPANT,
        /** An instrument id: the order books' partitioning; co-partitioned across all such topics. */
        INSTRUMENT,
        /** The chain id: a single partition keeps blocks and views in order. */
        CHAIN,
        /** The source topic of a dead letter. */
        SOURCE_TOPIC,
        /** {@code <service>/<partition>} of a state snapshot. */
        SNAPSHOT,
        /** A record id (event or command id) on one of the registry's single-partition logs, ordered by position. */
        REGISTRY
    }

    /** Kafka {@code cleanup.policy}. */
    public enum Cleanup {
        /** Segments are deleted after {@code retentionMs} (never, for -1). */
        DELETE,
        /** Only the latest record per key is kept. */
        COMPACT
    }

    /** Validates and freezes the spec. */
    public TopicSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(keyKind, "keyKind");
        Objects.requireNonNull(cleanup, "cleanup");
        Objects.requireNonNull(purpose, "purpose");
        if (partitions < 1) {
            throw new IllegalArgumentException(name + ": partitions must be >= 1, was " + partitions);
        }
        if (anchored && (cleanup != Cleanup.DELETE || retentionMs != -1)) {
            throw new IllegalArgumentException(name + ": anchored (evidence) topics must be kept forever");
        }
        keyFields = Collections.unmodifiableMap(new LinkedHashMap<>(keyFields));
    }

    /** @return the carried record types, in catalogue order */
    public List<Class<? extends SpecificRecord>> eventTypes() {
        return List.copyOf(keyFields.keySet());
    }

    /**
     * @param type a record type
     * @return true if this topic carries it
     */
    public boolean carries(Class<? extends SpecificRecord> type) {
        return keyFields.containsKey(type);
    }

    /**
     * The record key for an event on this topic.
     *
     * @param record a record of a type this topic carries
     * @return the key string (its UTF-8 bytes are the Kafka key)
     * @throws IllegalArgumentException if this topic does not carry the record's type or its key field is null
     */
    public String keyOf(SpecificRecord record) {
        String path = keyFields.get(record.getClass());
        if (path == null) {
            throw new IllegalArgumentException(name + " does not carry " + record.getClass().getSimpleName());
        }
        Object value = record;
        for (String field : path.split("\\.")) {
            IndexedRecord current = (IndexedRecord) value;
            Schema.Field f = current.getSchema().getField(field);
            value = current.get(f.pos());
        }
        if (value == null) {
            throw new IllegalArgumentException(record.getClass().getSimpleName() + "." + path + " is null");
        }
        return value.toString();
    }

    /** @return Kafka topic configs to create the topic with ({@code cleanup.policy}, retention) */
    public Map<String, String> configs() {
        Map<String, String> configs = new LinkedHashMap<>();
        if (cleanup == Cleanup.COMPACT) {
            configs.put("cleanup.policy", "compact");
        } else {
            configs.put("cleanup.policy", "delete");
            configs.put("retention.ms", Long.toString(retentionMs));
            configs.put("retention.bytes", "-1");
        }
        return Collections.unmodifiableMap(configs);
    }

    /**
     * @param count a partition count
     * @return this spec with another partition count
     */
    public TopicSpec withPartitions(int count) {
        return new TopicSpec(name, keyKind, count, cleanup, retentionMs, anchored, keyFields, purpose);
    }
}
