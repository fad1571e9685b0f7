package io.carbonx.chain.testing;

import io.carbonx.chain.core.block.LogEvent;
import io.carbonx.chain.core.block.TopicPartition;
import io.carbonx.eventlog.KafkaClients;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;

/** Writes test events to Kafka (plainly and in transactions) and reads topics back exactly as stored. */
public final class KafkaLog implements AutoCloseable {

    private final KafkaClients clients;
    private final KafkaProducer<byte[], byte[]> plain;
    private final KafkaProducer<byte[], byte[]> transactional;
    private final Random random;

    public KafkaLog(KafkaClients clients, String transactionalId, long seed) {
        this.clients = clients;
        this.plain = clients.newProducer(clients.producerConfig(transactionalId + "-plain"));
        this.transactional = clients.newProducer(clients.transactionalProducerConfig(transactionalId));
        this.transactional.initTransactions();
        this.random = new Random(seed);
    }

    /**
     * Writes {@code count} events spread over {@code topics}' partitions, half of them in committed transactions
     * (so offsets have gaps for the markers) and a few in an aborted one (never to be anchored).
     */
    public void produce(List<String> topics, int partitionsEach, int count) {
        int inTx = count / 2;
        transactional.beginTransaction();
        for (int i = 0; i < inTx; i++) {
            transactional.send(record(topics, partitionsEach));
        }
        transactional.commitTransaction();
        transactional.beginTransaction();
        for (int i = 0; i < 3; i++) {
            transactional.send(record(topics, partitionsEach));
        }
        transactional.abortTransaction();
        for (int i = inTx; i < count; i++) {
            plain.send(record(topics, partitionsEach));
        }
        plain.flush();
    }

    private ProducerRecord<byte[], byte[]> record(List<String> topics, int partitionsEach) {
        String topic = topics.get(random.nextInt(topics.size()));
        int partition = random.nextInt(partitionsEach);
        byte[] value = ("event-" + random.nextLong() + "-" + "x".repeat(random.nextInt(200)))
                .getBytes(StandardCharsets.UTF_8);
        return new ProducerRecord<>(topic, partition, null, value);
    }

    /** Every committed record of {@code topics}, by partition, with its exact bytes. */
    public Map<TopicPartition, List<LogEvent>> readAll(List<String> topics) {
        Map<String, Object> config = new HashMap<>(clients.consumerConfig("reader",
                Map.of(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false")));
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        Map<TopicPartition, List<LogEvent>> out = new TreeMap<>();
        try (KafkaConsumer<byte[], byte[]> c = clients.newConsumer(config)) {
            List<org.apache.kafka.common.TopicPartition> tps = new ArrayList<>();
            for (String t : topics) {
                for (PartitionInfo p : c.partitionsFor(t)) {
                    tps.add(new org.apache.kafka.common.TopicPartition(t, p.partition()));
                }
            }
            c.assign(tps);
            c.seekToBeginning(tps);
            Map<org.apache.kafka.common.TopicPartition, Long> ends = c.endOffsets(tps);
            long deadline = System.currentTimeMillis() + 60_000;
            while (tps.stream().anyMatch(tp -> c.position(tp) < ends.get(tp))) {
                if (System.currentTimeMillis() > deadline) {
                    throw new AssertionError("could not read " + topics + " to the end");
                }
                for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(200))) {
                    out.computeIfAbsent(new TopicPartition(r.topic(), r.partition()), k -> new ArrayList<>())
                            .add(new LogEvent(r.topic(), r.partition(), r.offset(), r.value()));
                }
            }
            for (org.apache.kafka.common.TopicPartition tp : tps) {
                out.computeIfAbsent(new TopicPartition(tp.topic(), tp.partition()), k -> new ArrayList<>());
            }
        }
        return out;
    }

    /** Raw values of every committed record of {@code topic} (all partitions), in offset order per partition. */
    public List<byte[]> values(String topic) {
        List<byte[]> out = new ArrayList<>();
        for (List<LogEvent> events : readAll(List.of(topic)).values()) {
            events.forEach(e -> out.add(e.bytes()));
        }
        return out;
    }

    /** Read positions after the last committed record: the end (LSO) of each partition. */
    public Map<TopicPartition, Long> ends(List<String> topics) {
        Map<String, Object> config = new HashMap<>(clients.consumerConfig("ends"));
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        Map<TopicPartition, Long> out = new TreeMap<>();
        try (KafkaConsumer<byte[], byte[]> c = clients.newConsumer(config)) {
            List<org.apache.kafka.common.TopicPartition> tps = new ArrayList<>();
            for (String t : topics) {
                for (PartitionInfo p : c.partitionsFor(t)) {
                    tps.add(new org.apache.kafka.common.TopicPartition(t, p.partition()));
                }
            }
            c.endOffsets(tps).forEach((tp, end) -> out.put(new TopicPartition(tp.topic(), tp.partition()), end));
        }
        return out;
    }

    @Override
    public void close() {
        plain.close();
        transactional.close();
    }
}
