package io.carbonx.testkit;

import io.carbonx.eventlog.KafkaClients;
import io.carbonx.eventlog.TopicSpec;

/**
 * A running Kafka shared by every test of the JVM (one per {@link KafkaBrokerKind}), injected by
 * {@link KafkaBrokerExtension}. Tests share it, so each test should work in topics of its own:
 * {@link #createTopic(String, int)} gives a fresh, unique one.
 */
public interface KafkaBroker {

    KafkaBrokerKind kind();

    /** {@code host:port} for clients. */
    String bootstrapServers();

    /** The project's client configuration factory pointed at this broker. */
    KafkaClients clients();

    /**
     * Creates a topic named {@code <prefix>-<n>-<random>} that no other test uses, with {@code partitions} partitions
     * and replication factor 1, ready for writes when this returns. Returns its name.
     */
    String createTopic(String prefix, int partitions);

    /**
     * Creates (idempotently) the topic {@code spec} describes, adapted to this single-node broker (replication factor
     * 1). Returns its name.
     */
    String createTopic(TopicSpec spec);

    /** False once the JVM-wide broker has been stopped (after the last test). */
    boolean isRunning();
}
