package io.carbonx.registry.it;

import io.carbonx.eventlog.KafkaClients;
import io.carbonx.schemas.EventCodec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/** Publishes events to topics and reads them back ({@code read_committed}), for the end-to-end tests. */
final class TopicProbe implements AutoCloseable {
    private final KafkaClients clients;
    private final KafkaProducer<byte[], byte[]> producer;

    TopicProbe(KafkaClients clients) {
        this.clients = clients;
        this.producer = clients.newProducer(clients.producerConfig("probe-" + System.nanoTime()));
    }

    void publish(String topic, String key, SpecificRecord event) {
        try {
            producer.send(new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8),
                    EventCodec.standard().encode(event))).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    void publishRaw(String topic, String key, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8), value)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every committed event of the topic, partition by partition. */
    List<SpecificRecord> all(String topic) {
        List<SpecificRecord> out = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> c = clients.newConsumer(clients.consumerConfig("probe-" + System.nanoTime(),
                Map.of()))) {
            List<TopicPartition> parts = new ArrayList<>();
            for (PartitionInfo p : c.partitionsFor(topic, Duration.ofSeconds(10))) {
                parts.add(new TopicPartition(topic, p.partition()));
            }
            c.assign(parts);
            c.seekToBeginning(parts);
            Map<TopicPartition, Long> end = c.endOffsets(parts);
            while (parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp))) {
                for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(100))) {
                    out.add(EventCodec.standard().decode(r.value()));
                }
            }
        }
        return out;
    }

    /** Waits until the topic holds an event of the type matching the predicate; returns it. */
    <T extends SpecificRecord> T await(String topic, Class<T> type, Predicate<T> match) {
        List<T> found = new ArrayList<>();
        Cast.await(() -> {
            found.clear();
            all(topic).stream().filter(type::isInstance).map(type::cast).filter(match).forEach(found::add);
            return !found.isEmpty();
        }, type.getSimpleName() + " on " + topic);
        return found.get(0);
    }

    <T extends SpecificRecord> List<T> allOf(String topic, Class<T> type) {
        return all(topic).stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
