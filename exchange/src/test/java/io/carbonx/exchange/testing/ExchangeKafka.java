package io.carbonx.exchange.testing;

import io.carbonx.eventlog.KafkaClients;
import io.carbonx.eventlog.runtime.ServiceTopic;
import io.carbonx.exchange.service.ExchangeTopics;
import io.carbonx.schemas.EventCodec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;

/** Broker-backed test helpers: a unique topic prefix per test, producing events, reading topics to their end. */
public final class ExchangeKafka {

    private static final AtomicLong PREFIXES = new AtomicLong();
    private static final EventCodec CODEC = EventCodec.standard();

    private ExchangeKafka() {
    }

    /** A fresh topic prefix; creates the exchange's topics under it. */
    public static ExchangeTopics freshTopics(KafkaClients clients, String name) {
        ExchangeTopics topics = new ExchangeTopics("t" + PREFIXES.incrementAndGet() + "-" + name + "-"
                + Long.toHexString(System.nanoTime()) + ".");
        createTopics(clients, topics.serviceTopics());
        return topics;
    }

    public static void createTopics(KafkaClients clients, List<ServiceTopic> topics) {
        try (Admin admin = clients.newAdmin()) {
            List<NewTopic> requests = new ArrayList<>();
            for (ServiceTopic t : topics) {
                requests.add(new NewTopic(t.name(), t.partitions(), (short) 1).configs(t.configs()));
            }
            admin.createTopics(requests).values().values().forEach(f -> {
                try {
                    f.get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException(e);
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }
    }

    /** Produces events (idempotent producer), flushed when this returns. */
    public static void produce(KafkaClients clients, String topic, String key, SpecificRecord... events) {
        try (KafkaProducer<byte[], byte[]> producer = clients.newProducer(clients.producerConfig("test-producer"))) {
            for (SpecificRecord e : events) {
                producer.send(new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8), CODEC.encode(e)));
            }
            producer.flush();
        }
    }

    /** Produces raw bytes. */
    public static void produceRaw(KafkaClients clients, String topic, String key, byte[] value) {
        try (KafkaProducer<byte[], byte[]> producer = clients.newProducer(clients.producerConfig("test-producer"))) {
            producer.send(new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8), value));
            producer.flush();
        }
    }

    /** Every committed record of {@code topic}, partition by partition, to its current end. */
    public static List<ConsumerRecord<byte[], byte[]>> readAll(KafkaClients clients, String topic) {
        Map<String, Object> config = clients.consumerConfig("unused", Map.of());
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<byte[], byte[]>> all = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!partitions.stream().allMatch(tp -> consumer.position(tp) >= end.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("could not read " + topic + " to its end " + end);
                }
                consumer.poll(Duration.ofMillis(100)).forEach(all::add);
            }
            return all;
        }
    }

    /** The decoded events of {@code topic} of one type, in partition order. */
    public static <T extends SpecificRecord> List<T> events(KafkaClients clients, String topic, Class<T> type) {
        List<T> out = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> r : readAll(clients, topic)) {
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

    /** Polls {@code condition} every 100 ms; fails naming {@code what} after {@code timeout}. */
    public static void await(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for: " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
