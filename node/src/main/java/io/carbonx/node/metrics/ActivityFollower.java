package io.carbonx.node.metrics;

import io.carbonx.eventlog.KafkaClients;
import io.carbonx.eventlog.runtime.KafkaClientTracker;
import io.carbonx.schemas.EventCodec;
import io.carbonx.schemas.EventDecodingException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.ObjLongConsumer;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows every partition of a set of topics from their ends, {@code read_committed}, without a consumer group
 * (nothing is committed: metrics describe what this process saw since it started), on its own daemon thread,
 * handing each decoded event and its record timestamp to a sink. A record that does not decode is counted and
 * skipped; a sink that throws is logged and the record skipped. {@link #start} returns once every partition is
 * positioned, so an event written after it returns is seen.
 */
final class ActivityFollower implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ActivityFollower.class);
    private static final EventCodec CODEC = EventCodec.standard();

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final List<String> topics;
    private final ObjLongConsumer<Object> sink;
    private final KafkaClientTracker.Registration tracked;
    private volatile boolean stop;
    private volatile long records;
    private volatile long undecodable;
    private Thread thread;

    ActivityFollower(KafkaClients clients, String clientId, List<String> topics, ObjLongConsumer<Object> sink,
                     KafkaClientTracker tracker, String service) {
        this.topics = List.copyOf(topics);
        this.sink = Objects.requireNonNull(sink, "sink");
        this.consumer = clients.newConsumer(clients.consumerConfig(clientId, Map.of(
                ConsumerConfig.CLIENT_ID_CONFIG, clientId, ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false)));
        this.tracked = tracker.track(consumer, service);
    }

    /** Assigns and positions every partition at its end, then starts the thread. */
    ActivityFollower start(Duration timeout) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            for (PartitionInfo p : consumer.partitionsFor(topic, timeout)) {
                partitions.add(new TopicPartition(topic, p.partition()));
            }
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(tp -> consumer.position(tp, timeout));
        thread = new Thread(this::run, "business-metrics-follower");
        thread.setDaemon(true);
        thread.start();
        return this;
    }

    private void run() {
        try {
            while (!stop) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                    records++;
                    handle(r);
                }
            }
        } catch (WakeupException e) {
            if (!stop) {
                LOG.error("business metrics follower woken up unexpectedly", e);
            }
        } catch (RuntimeException e) {
            LOG.error("business metrics follower stopped", e);
        } finally {
            tracked.close();
            consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
        }
    }

    private void handle(ConsumerRecord<byte[], byte[]> r) {
        Object event;
        try {
            event = CODEC.decode(r.value());
        } catch (EventDecodingException e) {
            undecodable++;
            return;
        }
        try {
            sink.accept(event, r.timestamp());
        } catch (RuntimeException e) {
            LOG.warn("business metrics: {} at {}-{}@{} skipped", e.toString(), r.topic(), r.partition(), r.offset());
        }
    }

    /** Records read since start. */
    long records() {
        return records;
    }

    /** Records that did not decode as events. */
    long undecodable() {
        return undecodable;
    }

    /** Whether the thread is running. */
    boolean isRunning() {
        Thread t = thread;
        return t != null && t.isAlive() && !stop;
    }

    /** Stops the thread and waits up to 10 s for it to close the consumer. */
    @Override
    public void close() {
        stop = true;
        consumer.wakeup();
        Thread t = thread;
        if (t != null) {
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
