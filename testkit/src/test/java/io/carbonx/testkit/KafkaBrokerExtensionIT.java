package io.carbonx.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.carbonx.eventlog.TopicSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The extension as a test uses it: injection points, unique topics, a transactional round trip. */
@ExtendWith(KafkaBrokerExtension.class)
class KafkaBrokerExtensionIT {

    private static KafkaBroker fromBeforeAll;
    private final KafkaBroker fromConstructor;

    KafkaBrokerExtensionIT(KafkaBroker broker) {
        this.fromConstructor = broker;
    }

    @BeforeAll
    static void rememberBroker(KafkaBroker broker) {
        fromBeforeAll = broker;
    }

    @Test
    void constructorBeforeAllAndMethodInjectionShareOneRunningBroker(KafkaBroker broker) {
        assertThat(broker).isSameAs(fromConstructor).isSameAs(fromBeforeAll);
        assertThat(broker.isRunning()).isTrue();
        assertThat(broker.bootstrapServers()).isEqualTo(broker.clients().bootstrapServers()).contains(":");
    }

    @Test
    void createTopicGivesEveryCallAFreshTopic(KafkaBroker broker) throws Exception {
        String first = broker.createTopic("orders", 3);
        String second = broker.createTopic("orders", 3);

        assertThat(first).startsWith("orders-").isNotEqualTo(second);
        try (var admin = broker.clients().newAdmin()) {
            assertThat(admin.describeTopics(List.of(first)).allTopicNames().get().get(first).partitions()).hasSize(3);
        }
    }

    @Test
    void createTopicFromASpecAdaptsTheReplicationFactorToTheSingleNode(KafkaBroker broker) throws Exception {
        TopicSpec production = TopicSpec.compacted("extension-state-" + System.nanoTime(), 2, 3)
                .withConfig(TopicSpec.MIN_INSYNC_REPLICAS, "2");

        String name = broker.createTopic(production);

        try (var admin = broker.clients().newAdmin()) {
            var description = admin.describeTopics(List.of(name)).allTopicNames().get().get(name);
            assertThat(description.partitions()).hasSize(2);
            assertThat(description.partitions().get(0).replicas()).hasSize(1);
        }
    }

    @Test
    void transactionalWritesAreReadCommitted(KafkaBroker broker) {
        String topic = broker.createTopic("round-trip", 1);
        try (KafkaProducer<byte[], byte[]> producer = broker.clients().newProducer(
                broker.clients().transactionalProducerConfig("extension-it-" + System.nanoTime()))) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "k".getBytes(StandardCharsets.UTF_8),
                    "committed".getBytes(StandardCharsets.UTF_8)));
            producer.commitTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "k".getBytes(StandardCharsets.UTF_8),
                    "aborted".getBytes(StandardCharsets.UTF_8)));
            producer.flush();
            producer.abortTransaction();
        }

        Map<String, Object> config = broker.clients().consumerConfig("unused");
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = broker.clients().newConsumer(config)) {
            TopicPartition tp = new TopicPartition(topic, 0);
            consumer.assign(Set.of(tp));
            consumer.seekToBeginning(Set.of(tp));
            long end = consumer.endOffsets(Set.of(tp)).get(tp);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (consumer.position(tp) < end && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                    values.add(new String(r.value(), StandardCharsets.UTF_8));
                }
            }
        }
        assertThat(values).containsExactly("committed");
    }
}
