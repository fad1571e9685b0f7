package io.carbonx.rating.it;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import io.carbonx.eventlog.KafkaClients;
import io.carbonx.rating.testing.Kafka;
import io.carbonx.schemas.EventCodec;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/** Reads what the services published: every committed record of a topic, all partitions, decoded. */
final class TopicReader {

    private static final EventCodec CODEC = EventCodec.standard();

    private final KafkaClients clients;

    TopicReader(KafkaClients clients) {
        this.clients = clients;
    }

    /**
     * @return the events of {@code type} on {@code topic} up to its current end, read_committed, partition after
     *     partition, each partition in offset order (records that are not events are skipped)
     */
    <T extends SpecificRecord> List<T> all(String topic, Class<T> type) {
        List<T> out = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> r : records(topic)) {
            SpecificRecord e;
            try {
                e = CODEC.decode(r.value());
            } catch (RuntimeException notAnEvent) {
                continue;
            }
            if (type.isInstance(e)) {
                out.add(type.cast(e));
            }
        }
        return out;
    }

    /** Waits (bounded by {@link Stack#WAIT}) for the first event of {@code type} on {@code topic} matching. */
    <T extends SpecificRecord> T await(String what, String topic, Class<T> type, Predicate<T> match) {
        Kafka.await(what, Stack.WAIT, () -> first(topic, type, match).isPresent());
        return first(topic, type, match).orElseThrow();
    }

    <T extends SpecificRecord> Optional<T> first(String topic, Class<T> type, Predicate<T> match) {
        return all(topic, type).stream().filter(match).findFirst();
    }

    private List<ConsumerRecord<byte[], byte[]>> records(String topic) {
        Map<String, Object> config = clients.consumerConfig("rating-it-reader", Map.of());
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<byte[], byte[]> consumer = clients.newConsumer(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!partitions.stream().allMatch(tp -> consumer.position(tp) >= end.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("could not read " + topic + " to its end " + end);
                }
                consumer.poll(Duration.ofMillis(100)).forEach(out::add);
            }
            out.sort((a, b) -> a.partition() != b.partition() ? Integer.compare(a.partition(), b.partition())
                    : Long.compare(a.offset(), b.offset()));
            return out;
        }
    }
}
