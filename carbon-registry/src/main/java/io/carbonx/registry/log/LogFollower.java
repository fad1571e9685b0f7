package io.carbonx.registry.log;

import io.carbonx.eventlog.KafkaClients;
import io.carbonx.eventlog.runtime.CatchUpProgress;
import io.carbonx.eventlog.runtime.CatchUpTracker;
import io.carbonx.eventlog.runtime.KafkaClientTracker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows every partition of one topic on its own thread, {@code read_committed}, without a consumer group
 * (partitions are assigned, nothing is committed), and hands each record to a sink in partition order. Starts at
 * the beginning (to fold a log) or at the end (to hear only what comes next, e.g. replies). A sink that throws is
 * logged and the record skipped: a follower never stops on one bad record.
 *
 * <p>{@link #start} returns once the partitions are assigned and positioned, so a record written after it
 * returns is seen. {@link #isCaughtUp} is true once the follower has read up to the end offsets observed when it
 * was positioned ({@link CatchUpTracker}; at once for a follower that starts at the end); {@link #progress} tells
 * how far it is, for the owning service's CATCHING_UP health.
 */
public final class LogFollower implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LogFollower.class);
    private static final Duration POLL = Duration.ofMillis(50);

    private final KafkaClients clients;
    private final String name;
    private final String topic;
    private final boolean fromEnd;
    private final Consumer<ConsumerRecord<byte[], byte[]>> sink;
    private final KafkaClientTracker tracker;
    private final CountDownLatch positioned = new CountDownLatch(1);
    private volatile boolean stop;
    private final CatchUpTracker catchUp = new CatchUpTracker();
    private volatile long records;
    private volatile Throwable failure;
    private KafkaConsumer<byte[], byte[]> consumer;
    private Thread thread;

    /**
     * @param clients  client factory
     * @param name     client id and thread name
     * @param topic    the topic to follow
     * @param fromEnd  start at the end instead of the beginning
     * @param sink     receives every record, on the follower's thread
     * @param tracker  registers the consumer's metrics
     */
    public LogFollower(KafkaClients clients, String name, String topic, boolean fromEnd,
                       Consumer<ConsumerRecord<byte[], byte[]>> sink, KafkaClientTracker tracker) {
        this.clients = Objects.requireNonNull(clients, "clients");
        this.name = Objects.requireNonNull(name, "name");
        this.topic = Objects.requireNonNull(topic, "topic");
        this.fromEnd = fromEnd;
        this.sink = Objects.requireNonNull(sink, "sink");
        this.tracker = Objects.requireNonNull(tracker, "tracker");
    }

    /**
     * Starts the thread and waits until it is positioned.
     *
     * @param timeout how long to wait
     * @return this
     * @throws IllegalStateException if the topic cannot be assigned in time
     */
    public synchronized LogFollower start(Duration timeout) {
        thread = new Thread(this::run, "follow-" + name);
        thread.setDaemon(true);
        thread.start();
        try {
            if (!positioned.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("cannot follow " + topic + " within " + timeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting to follow " + topic, e);
        }
        if (failure != null) {
            throw new IllegalStateException("cannot follow " + topic + ": " + failure, failure);
        }
        return this;
    }

    /** @return true once the follower read up to the end offsets observed when it was positioned (latched) */
    public boolean isCaughtUp() {
        return catchUp.isCaughtUp();
    }

    /** @return the replay progress (any thread) */
    public CatchUpProgress progress() {
        return catchUp.progress();
    }

    /** @return records handed to the sink */
    public long records() {
        return records;
    }

    /** @return true while the thread runs */
    public boolean isRunning() {
        Thread t = thread;
        return t != null && t.isAlive() && !stop;
    }

    @Override
    public void close() {
        stop = true;
        KafkaConsumer<byte[], byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        Thread t = thread;
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        Map<String, Object> config = clients.consumerConfig(name, Map.of("client.id", name));
        KafkaClientTracker.Registration metrics = null;
        try (KafkaConsumer<byte[], byte[]> c = clients.newConsumer(config)) {
            metrics = tracker.track(c, name);
            consumer = c;
            List<TopicPartition> partitions = assign(c);
            catchUp.capture(c, partitions, Duration.ofSeconds(30));
            positioned.countDown();
            while (!stop) {
                ConsumerRecords<byte[], byte[]> batch = c.poll(POLL);
                for (ConsumerRecord<byte[], byte[]> r : batch) {
                    deliver(r);
                }
                catchUp.update(c);
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            failure = e;
            LOG.error("follower {} of {} stopped", name, topic, e);
        } finally {
            if (metrics != null) {
                metrics.close();
            }
            positioned.countDown();
        }
    }

    private List<TopicPartition> assign(KafkaConsumer<byte[], byte[]> c) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (PartitionInfo p : c.partitionsFor(topic, Duration.ofSeconds(30))) {
            partitions.add(new TopicPartition(topic, p.partition()));
        }
        if (partitions.isEmpty()) {
            throw new IllegalStateException("topic " + topic + " has no partitions");
        }
        c.assign(partitions);
        if (fromEnd) {
            c.seekToEnd(partitions);
        } else {
            c.seekToBeginning(partitions);
        }
        partitions.forEach(c::position); // resolve the seek now, so that later writes are seen
        return partitions;
    }

    private void deliver(ConsumerRecord<byte[], byte[]> r) {
        try {
            sink.accept(r);
            records++;
        } catch (RuntimeException e) {
            LOG.warn("follower {} skipped {}-{}@{}: {}", name, r.topic(), r.partition(), r.offset(), e.toString());
        }
    }
}
