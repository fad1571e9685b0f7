package io.carbonx.eventlog.runtime;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;

/**
 * Publishes a Kafka client's own metrics (the node binds them to its Prometheus registry).
 *
 * <p>Call a {@code track} method right after creating the client and close the returned {@link Registration}
 * before (or right after) closing the client. Implementations are thread-safe.
 */
public interface KafkaClientTracker {

    /** A tracker that publishes nothing (tests, tools). */
    KafkaClientTracker NONE = new KafkaClientTracker() {
        @Override
        public Registration track(Producer<?, ?> producer, String service) {
            return () -> { };
        }

        @Override
        public Registration track(Consumer<?, ?> consumer, String service) {
            return () -> { };
        }

        @Override
        public Registration track(AdminClient admin, String service) {
            return () -> { };
        }
    };

    /** Publishes a producer's metrics, tagged {@code service=<service>}. */
    Registration track(Producer<?, ?> producer, String service);

    /** Publishes a consumer's metrics, tagged {@code service=<service>}. */
    Registration track(Consumer<?, ?> consumer, String service);

    /** Publishes an admin client's metrics, tagged {@code service=<service>}. */
    Registration track(AdminClient admin, String service);

    /** Stops publishing one client's metrics; idempotent. */
    @FunctionalInterface
    interface Registration extends AutoCloseable {
        @Override
        void close();
    }
}
