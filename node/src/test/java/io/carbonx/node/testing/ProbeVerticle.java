package io.carbonx.node.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import io.carbonx.eventlog.runtime.KafkaClientTracker;
import io.carbonx.eventlog.runtime.ServiceContext;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The verticle of {@link ProbeService}; Kafka calls run on a worker thread, in order. */
final class ProbeVerticle extends VerticleBase {

    private static final Logger LOG = LoggerFactory.getLogger(ProbeVerticle.class);
    private static final TopicPartition PARTITION = new TopicPartition(ProbeService.TOPIC, 0);

    private final ServiceContext context;
    private final String service;
    private final List<KafkaClientTracker.Registration> registrations = new ArrayList<>();
    private KafkaProducer<String, String> producer;
    private KafkaConsumer<String, String> consumer;
    private volatile long produced;
    private volatile long consumed;
    private volatile long committedOffset = -1;

    ProbeVerticle(ServiceContext context, String service) {
        this.context = context;
        this.service = service;
    }

    long produced() {
        return produced;
    }

    long consumed() {
        return consumed;
    }

    long committedOffset() {
        return committedOffset;
    }

    @Override
    public Future<?> start() {
        return vertx.executeBlocking(() -> {
            openClients();
            int records = context.config().getInteger("records");
            for (int i = 0; i < records; i++) {
                producer.send(new ProducerRecord<>(ProbeService.TOPIC, context.nodeId(), "record-" + i))
                        .get(30, TimeUnit.SECONDS);
                produced++;
            }
            consumer.assign(List.of(PARTITION));
            long end = consumer.endOffsets(List.of(PARTITION)).get(PARTITION);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (consumer.position(PARTITION) < end && System.nanoTime() < deadline) {
                consumed += consumer.poll(Duration.ofMillis(200)).count();
            }
            commit();
            return null;
        });
    }

    private void openClients() {
        Properties common = new Properties();
        common.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, context.bootstrapServers());
        Properties producerProps = new Properties();
        producerProps.putAll(common);
        producerProps.put(ProducerConfig.CLIENT_ID_CONFIG, "probe-producer-" + context.nodeId());
        producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
        producerProps.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        producer = new KafkaProducer<>(producerProps, new StringSerializer(), new StringSerializer());
        registrations.add(context.kafkaClients().track(producer, service));
        Properties consumerProps = new Properties();
        consumerProps.putAll(common);
        consumerProps.put(ConsumerConfig.CLIENT_ID_CONFIG, "probe-consumer-" + context.nodeId());
        consumerProps.put(ConsumerConfig.GROUP_ID_CONFIG, "carbonx-probe");
        consumerProps.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        consumerProps.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumer = new KafkaConsumer<>(consumerProps, new StringDeserializer(), new StringDeserializer());
        registrations.add(context.kafkaClients().track(consumer, service));
    }

    private void commit() {
        long position = consumer.position(PARTITION);
        consumer.commitSync(Map.of(PARTITION, new OffsetAndMetadata(position)));
        committedOffset = position;
    }

    @Override
    public Future<?> stop() {
        return vertx.executeBlocking(() -> {
            commit();
            registrations.forEach(KafkaClientTracker.Registration::close);
            consumer.close();
            producer.close();
            LOG.info("probe stopped: committed offset {}", committedOffset);
            return null;
        });
    }
}
