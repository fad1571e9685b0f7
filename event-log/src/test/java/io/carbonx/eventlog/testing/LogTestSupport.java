package io.carbonx.eventlog.testing;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import io.carbonx.eventlog.KafkaClients;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * Test helpers around a real broker: keyed sequence records, reading a topic to its end, group progress.
 *
 * <p>Input records: key {@code "k<index>"}, value = 8-byte per-key sequence number (0, 1, 2, ...).
 * Transformed outputs keep the key and carry the sequence number first, so order and completeness per key can be
 * checked on the output topic.
 */
public final class LogTestSupport {

    private LogTestSupport() {
    }

    public static byte[] key(int keyIndex) {
        return ("k" + keyIndex).getBytes(StandardCharsets.UTF_8);
    }

    public static long sequenceOf(byte[] value) {
        return ByteBuffer.wrap(value).getLong(0);
    }

    /** An output value: the input's sequence number, then input partition and offset (for diagnosis). */
    public static byte[] transformedValue(ConsumerRecord<byte[], byte[]> input) {
        return ByteBuffer.allocate(20).putLong(sequenceOf(input.value())).putInt(input.partition())
                .putLong(input.offset()).array();
    }

    /**
     * Produces {@code count} records over {@code keys} keys chosen by a seeded generator, each value carrying that key's
     * next sequence number. Returns how many records each key got.
     */
    public static Map<String, Long> produceSequences(KafkaClients clients, String topic, int count, int keys,
                                                     long seed) {
        Random random = new Random(seed);
        long[] next = new long[keys];
        try (KafkaProducer<byte[], byte[]> producer = clients.newProducer(clients.producerConfig("seq-producer"))) {
            for (int i = 0; i < count; i++) {
                int k = random.nextInt(keys);
                producer.send(new ProducerRecord<>(topic, key(k), ByteBuffer.allocate(8).putLong(next[k]++).array()));
            }
            producer.flush();
        }
        Map<String, Long> perKey = new HashMap<>();
        for (int k = 0; k < keys; k++) {
            if (next[k] > 0) {
                perKey.put("k" + k, next[k]);
            }
        }
        return perKey;
    }

    /** Every record of {@code topic} from the beginning to its current end (LSO for read_committed). */
    public static List<ConsumerRecord<byte[], byte[]>> readAll(KafkaClients clients, String topic,
                                                               IsolationLevel isolation, Duration timeout) {
        Map<String, Object> config = clients.consumerConfig("reader-unused", Map.of());
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation.toString());
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).collect(Collectors.toList());
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<byte[], byte[]>> all = new ArrayList<>();
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!partitions.stream().allMatch(tp -> consumer.position(tp) >= end.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("could not read " + topic + " to its end " + end + " within " + timeout);
                }
                consumer.poll(Duration.ofMillis(100)).forEach(all::add);
            }
            return all;
        }
    }

    /** End offsets of every partition of {@code topic} under the given isolation level. */
    public static Map<TopicPartition, Long> endOffsets(Admin admin, String topic, IsolationLevel isolation)
            throws ExecutionException, InterruptedException {
        int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        for (int p = 0; p < partitions; p++) {
            request.put(new TopicPartition(topic, p), OffsetSpec.latest());
        }
        Map<TopicPartition, Long> result = new HashMap<>();
        admin.listOffsets(request, new org.apache.kafka.clients.admin.ListOffsetsOptions(isolation)).all().get()
                .forEach((tp, info) -> result.put(tp, info.offset()));
        return result;
    }

    /** The group's committed offset per partition of {@code topic} (0 where none committed yet). */
    public static Map<TopicPartition, Long> committedOffsets(Admin admin, String group, String topic)
            throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group,
                new ListConsumerGroupOffsetsOptions().requireStable(true)).partitionsToOffsetAndMetadata().get();
        Map<TopicPartition, Long> result = new HashMap<>();
        for (TopicPartition tp : endOffsets(admin, topic, IsolationLevel.READ_UNCOMMITTED).keySet()) {
            OffsetAndMetadata o = committed.get(tp);
            result.put(tp, o == null ? 0L : o.offset());
        }
        return result;
    }

    /** True once the group has committed every record currently in {@code topic}. */
    public static boolean fullyConsumed(Admin admin, String group, String topic) {
        try {
            return committedOffsets(admin, group, topic).equals(endOffsets(admin, topic, IsolationLevel.READ_COMMITTED));
        } catch (ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Polls {@code condition} every 50 ms; fails with {@code what} after {@code timeout}. */
    public static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for: " + what);
            }
            Thread.sleep(50);
        }
    }

    /**
     * Checks that {@code outputs} hold, for every key, exactly the sequence 0..n-1 in order, n being what was
     * produced for that key. Returns a list of violations (empty when exactly-once and ordered).
     */
    public static List<String> sequenceViolations(List<ConsumerRecord<byte[], byte[]>> outputs,
                                                  Map<String, Long> expectedPerKey) {
        Map<String, Long> next = new HashMap<>();
        List<String> violations = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> r : outputs) {
            String key = new String(r.key(), StandardCharsets.UTF_8);
            long seq = sequenceOf(r.value());
            long expected = next.getOrDefault(key, 0L);
            if (seq != expected && violations.size() < 20) {
                violations.add(key + ": expected seq " + expected + " but got " + seq + " at " + r.topic() + "-"
                        + r.partition() + "@" + r.offset());
            }
            next.put(key, Math.max(expected, seq + 1));
        }
        expectedPerKey.forEach((key, count) -> {
            long got = next.getOrDefault(key, 0L);
            if (got != count && violations.size() < 40) {
                violations.add(key + ": expected " + count + " records, last seq+1 was " + got);
            }
        });
        return violations;
    }
}
