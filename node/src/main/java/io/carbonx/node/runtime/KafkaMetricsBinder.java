package io.carbonx.node.runtime;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import io.carbonx.eventlog.runtime.KafkaClientTracker;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;

/**
 * Binds Kafka clients' metrics to the node's registry with Micrometer's {@link KafkaClientMetrics}; meters are named
 * {@code kafka.<group>.<metric>} ({@code kafka_..._total} etc. on {@code /metrics}) and tagged {@code service}.
 * Thread-safe. {@link #close()} unbinds every client still registered.
 */
final class KafkaMetricsBinder implements KafkaClientTracker, AutoCloseable {

    private final MeterRegistry registry;
    private final Map<KafkaClientMetrics, Boolean> open = new IdentityHashMap<>();

    KafkaMetricsBinder(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Registration track(Producer<?, ?> producer, String service) {
        return bind(new KafkaClientMetrics(producer, tags(service)));
    }

    @Override
    public Registration track(Consumer<?, ?> consumer, String service) {
        return bind(new KafkaClientMetrics(consumer, tags(service)));
    }

    @Override
    public Registration track(AdminClient admin, String service) {
        return bind(new KafkaClientMetrics(admin, tags(service)));
    }

    private static List<Tag> tags(String service) {
        return List.of(Tag.of("service", service));
    }

    private Registration bind(KafkaClientMetrics metrics) {
        metrics.bindTo(registry);
        synchronized (open) {
            open.put(metrics, Boolean.TRUE);
        }
        return () -> {
            boolean wasOpen;
            synchronized (open) {
                wasOpen = open.remove(metrics) != null;
            }
            if (wasOpen) {
                metrics.close();
            }
        };
    }

    @Override
    public void close() {
        List<KafkaClientMetrics> all;
        synchronized (open) {
            all = new ArrayList<>(open.keySet());
            open.clear();
        }
        all.forEach(KafkaClientMetrics::close);
    }
}
