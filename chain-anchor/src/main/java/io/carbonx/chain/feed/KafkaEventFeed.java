package io.carbonx.chain.feed;

import io.carbonx.chain.core.block.TopicPartition;
import io.carbonx.eventlog.KafkaClients;
import io.carbonx.eventlog.runtime.KafkaClientTracker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link EventFeed} over Kafka: one {@code read_committed} consumer with manually assigned partitions
 * (no consumer group: each validator reads everything itself), following the given anchored topics (by
 * default {@code Topics.anchored()}). Partitions are discovered at start and re-discovered every
 * {@code discoveryIntervalMs}, so topics created later and added partitions are picked up; topics are
 * never auto-created. Record values are handed over without copying.
 *
 * <p>One thread per feed, blocking in {@code poll}; no busy spinning. A partition the sink does not
 * {@linkplain EventSink#readOn read on} is paused (its records stay in the log) and resumed when it does; while
 * one is paused, {@code poll} waits at most 5 ms so it resumes promptly. A consumer that fails is replaced after a
 * second and resumes at the positions already delivered.
 */
public final class KafkaEventFeed implements EventFeed {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaEventFeed.class);
    private static final Duration POLL = Duration.ofMillis(100);
    /** Poll timeout while a partition is paused, so it resumes soon after the sink has room again. */
    private static final Duration POLL_PAUSED = Duration.ofMillis(5);

    private final KafkaClients clients;
    private final String clientId;
    private final List<String> topics;
    private final long discoveryIntervalMs;
    private final KafkaClientTracker tracker;
    private final String service;
    private volatile KafkaConsumer<byte[], byte[]> consumer;
    private volatile boolean running;
    private volatile long lag = -1;
    private Thread thread;

    /**
     * @param clientId client id of the consumer (one per validator)
     * @param topics the anchored topics to follow
     * @param discoveryIntervalMs how often to look for new topics and partitions
     * @param tracker registers the consumer's metrics
     * @param service service tag of the metrics
     */
    public KafkaEventFeed(KafkaClients clients, String clientId, List<String> topics, long discoveryIntervalMs,
                          KafkaClientTracker tracker, String service) {
        this.clients = clients;
        this.clientId = clientId;
        this.topics = List.copyOf(topics);
        this.discoveryIntervalMs = discoveryIntervalMs;
        this.tracker = tracker;
        this.service = service;
    }

    @Override
    public synchronized void start(Map<TopicPartition, Long> startOffsets, EventSink sink) {
        if (thread != null) {
            throw new IllegalStateException("already started");
        }
        running = true;
        Map<TopicPartition, Long> delivered = new TreeMap<>(startOffsets);
        thread = new Thread(() -> runWithRestarts(delivered, sink), clientId);
        thread.setDaemon(true);
        thread.start();
    }

    private KafkaConsumer<byte[], byte[]> newConsumer() {
        Map<String, Object> config = new HashMap<>(clients.consumerConfig(clientId,
                Map.of(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false",
                        ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000",
                        ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "10")));
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        return clients.newConsumer(config);
    }

    /**
     * Reads until closed. A failing consumer (broker unreachable for too long, an unexpected client error) is
     * closed and replaced after a pause, resuming at the positions already delivered, so nothing is skipped and
     * nothing is delivered twice.
     */
    private void runWithRestarts(Map<TopicPartition, Long> delivered, EventSink sink) {
        while (running) {
            KafkaConsumer<byte[], byte[]> c;
            synchronized (this) {
                if (!running) {
                    return;
                }
                c = newConsumer();
                consumer = c;
            }
            KafkaClientTracker.Registration registration = tracker.track(c, service);
            try {
                run(c, delivered, sink);
            } catch (WakeupException e) {
                return; // close() asked us to stop
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (running) {
                    LOG.error("{}: event feed failed; reconnecting from the delivered positions", clientId, e);
                }
            } finally {
                registration.close();
                boolean interrupted = Thread.interrupted();
                c.close(CloseOptions.timeout(Duration.ofSeconds(2)));
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void run(KafkaConsumer<byte[], byte[]> c, Map<TopicPartition, Long> delivered, EventSink sink)
            throws InterruptedException {
        Map<org.apache.kafka.common.TopicPartition, TopicPartition> assigned = new HashMap<>();
        long nextDiscovery = 0;
        while (running) {
            long now = System.currentTimeMillis();
            if (now >= nextDiscovery) {
                discover(c, assigned, delivered);
                nextDiscovery = now + discoveryIntervalMs;
            }
            if (assigned.isEmpty()) {
                Thread.sleep(Math.min(discoveryIntervalMs, 100));
                continue;
            }
            boolean paused = pauseWithoutRoom(c, assigned, delivered, sink);
            ConsumerRecords<byte[], byte[]> records = c.poll(paused ? POLL_PAUSED : POLL);
            List<ReadEvent> events = new ArrayList<>(records.count());
            for (ConsumerRecord<byte[], byte[]> r : records) {
                if (r.value() == null) {
                    continue; // a tombstone is no event; its offset is covered by the positions
                }
                TopicPartition tp = assigned.get(new org.apache.kafka.common.TopicPartition(r.topic(), r.partition()));
                events.add(new ReadEvent(tp, r.offset(), r.value(), r.timestamp()));
            }
            Map<TopicPartition, Long> positions = new TreeMap<>();
            long totalLag = 0;
            boolean moved = false;
            for (Map.Entry<org.apache.kafka.common.TopicPartition, TopicPartition> e : assigned.entrySet()) {
                long position = c.position(e.getKey());
                positions.put(e.getValue(), position);
                moved |= position != delivered.getOrDefault(e.getValue(), -1L);
                OptionalLong l = c.currentLag(e.getKey());
                totalLag += l.orElse(0);
            }
            lag = totalLag;
            if (events.isEmpty() && !moved) {
                continue; // nothing new: no empty batch for the sink
            }
            sink.accept(events, positions);
            delivered.putAll(positions);
        }
    }

    /**
     * Pauses every assigned partition the sink does not {@linkplain EventSink#readOn read on} at its delivered
     * position and resumes the others; true if any is paused. Records fetched for a paused partition stay
     * buffered in the consumer and are returned once it is resumed: nothing is skipped.
     */
    private static boolean pauseWithoutRoom(KafkaConsumer<byte[], byte[]> c,
                                            Map<org.apache.kafka.common.TopicPartition, TopicPartition> assigned,
                                            Map<TopicPartition, Long> delivered, EventSink sink) {
        List<org.apache.kafka.common.TopicPartition> pause = new ArrayList<>();
        List<org.apache.kafka.common.TopicPartition> resume = new ArrayList<>();
        Set<org.apache.kafka.common.TopicPartition> paused = c.paused();
        for (Map.Entry<org.apache.kafka.common.TopicPartition, TopicPartition> e : assigned.entrySet()) {
            boolean readOn = sink.readOn(e.getValue(), delivered.getOrDefault(e.getValue(), 0L));
            if (!readOn && !paused.contains(e.getKey())) {
                pause.add(e.getKey());
            } else if (readOn && paused.contains(e.getKey())) {
                resume.add(e.getKey());
            }
        }
        if (!pause.isEmpty()) {
            c.pause(pause);
        }
        if (!resume.isEmpty()) {
            c.resume(resume);
        }
        return paused.size() + pause.size() - resume.size() > 0;
    }

    private void discover(KafkaConsumer<byte[], byte[]> c,
                          Map<org.apache.kafka.common.TopicPartition, TopicPartition> assigned,
                          Map<TopicPartition, Long> starts) {
        List<org.apache.kafka.common.TopicPartition> found = new ArrayList<>();
        for (String topic : topics) {
            List<PartitionInfo> infos;
            try {
                infos = c.partitionsFor(topic, Duration.ofSeconds(5));
            } catch (TimeoutException e) {
                LOG.warn("{}: cannot list partitions of {} yet: {}", clientId, topic, e.getMessage());
                continue;
            }
            if (infos == null) {
                continue;
            }
            for (PartitionInfo p : infos) {
                found.add(new org.apache.kafka.common.TopicPartition(p.topic(), p.partition()));
            }
        }
        Set<org.apache.kafka.common.TopicPartition> fresh = new java.util.HashSet<>(found);
        fresh.removeAll(assigned.keySet());
        if (fresh.isEmpty()) {
            return;
        }
        for (org.apache.kafka.common.TopicPartition k : fresh) {
            assigned.put(k, new TopicPartition(k.topic(), k.partition()));
        }
        c.assign(new ArrayList<>(assigned.keySet()));
        for (org.apache.kafka.common.TopicPartition k : fresh) {
            c.seek(k, starts.getOrDefault(assigned.get(k), 0L));
        }
        LOG.debug("{}: following {} partitions", clientId, assigned.size());
    }

    @Override
    public long lag() {
        return lag;
    }

    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            running = false;
            t = thread;
        }
        KafkaConsumer<byte[], byte[]> c;
        synchronized (this) {
            c = consumer;
        }
        if (c != null) {
            c.wakeup();
        }
        if (t != null) {
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
