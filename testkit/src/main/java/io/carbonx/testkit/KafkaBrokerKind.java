package io.carbonx.testkit;

import java.util.Locale;

/** Which Kafka a test gets: the in-JVM KRaft broker (default) or an {@code apache/kafka} container. */
public enum KafkaBrokerKind {
    /** {@code EmbeddedKafkaBroker} in this JVM, data in a temp directory. Always available. */
    EMBEDDED,
    /** Testcontainers {@code KafkaContainer} ({@value KafkaBrokerExtension#KAFKA_IMAGE}); needs a Docker engine. */
    TESTCONTAINERS;

    /**
     * Parses the value of {@value KafkaBrokerExtension#KIND_PROPERTY} ({@code embedded} or {@code testcontainers},
     * case-insensitive).
     *
     * @throws IllegalArgumentException naming the property and the accepted values
     */
    public static KafkaBrokerKind parse(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        if ("embedded".equals(v)) {
            return EMBEDDED;
        }
        if ("testcontainers".equals(v)) {
            return TESTCONTAINERS;
        }
        throw new IllegalArgumentException(KafkaBrokerExtension.KIND_PROPERTY
                + " must be 'embedded' or 'testcontainers', was '" + value + "'");
    }
}
