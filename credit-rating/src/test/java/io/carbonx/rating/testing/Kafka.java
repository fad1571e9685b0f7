package io.carbonx.rating.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import io.carbonx.eventlog.KafkaClients;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.avro.specific.SpecificRecord;

/** Reading and writing test topics; every wait is bounded and fails with a description. */
public final class Kafka {

    private Kafka() {
    }

    /** Waits until {@code condition} holds, polling every 50 ms; fails after {@code timeout}. */
    public static void await(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for: " + what);
            }
            try {
                TimeUnit.MILLISECONDS.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for: " + what, e);
            }
        }
    }

    /** Every committed record of partition 0 of {@code topic}, in offset order, up to its last stable offset now. */
    public static List<ConsumerRecord<byte[], byte[]>> readAll(KafkaClients clients, String topic) {
        Map<String, Object> config = clients.consumerConfig("reader", Map.of());
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        TopicPartition tp = new TopicPartition(topic, 0);
        List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = clients.newConsumer(config)) {
            consumer.assign(List.of(tp));
            consumer.seekToBeginning(List.of(tp));
            long end = consumer.endOffsets(List.of(tp)).get(tp);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (consumer.position(tp) < end) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("could not read " + topic + " up to " + end);
                }
                consumer.poll(Duration.ofMillis(100)).records(tp).forEach(out::add);
            }
        }
        return out;
    }

    /** Sends each record (values EventCodec-encoded, keys UTF-8) with an idempotent producer, and flushes. */
    public static void publish(KafkaClients clients, String topic, List<byte[]> values) {
        try (KafkaProducer<byte[], byte[]> producer = clients.newProducer(clients.producerConfig("journal-writer"))) {
            for (byte[] value : values) {
                producer.send(new ProducerRecord<>(topic, 0, null, value));
            }
            producer.flush();
        }
    }

    /** Writes {@code values} in a transaction that is then aborted: a read_committed reader never sees them. */
    public static void publishAborted(KafkaClients clients, String topic, String transactionalId,
                                      List<byte[]> values) {
        try (KafkaProducer<byte[], byte[]> producer =
                     clients.newProducer(clients.transactionalProducerConfig(transactionalId))) {
            producer.initTransactions();
            producer.beginTransaction();
            for (byte[] value : values) {
                producer.send(new ProducerRecord<>(topic, 0, null, value));
            }
            producer.flush();
            producer.abortTransaction();
        }
    }

    /** @return the encoded events */
    public static List<byte[]> encoded(List<? extends SpecificRecord> events) {
        List<byte[]> out = new ArrayList<>(events.size());
        for (SpecificRecord e : events) {
            out.add(JournalEvents.encode(e));
        }
        return out;
    }
}
