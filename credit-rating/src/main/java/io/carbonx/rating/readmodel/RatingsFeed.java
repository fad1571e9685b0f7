package io.carbonx.rating.readmodel;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.carbonx.eventlog.KafkaClients;
import io.carbonx.eventlog.runtime.CatchUpProgress;
import io.carbonx.eventlog.runtime.CatchUpTracker;
import io.carbonx.events.CreditRatingChanged;
import io.carbonx.schemas.EventCodec;
import io.carbonx.schemas.EventDecodingException;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tails the ratings topic into a {@link RatingReadModel} on its own thread ({@code ratings-feed}): every partition,
 * from the beginning, {@code read_committed} (so aborted attempts of the rating service are never seen), without a
 * consumer group (every process builds its own complete read model; nothing is committed). A record that is not a
 * CreditRatingChanged is skipped and counted. {@link #close()} stops the thread and closes the consumer.
 */
public final class RatingsFeed implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RatingsFeed.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

    private final KafkaClients clients;
    private final String topic;
    private final String clientId;
    private final RatingReadModel model;
    private final EventCodec codec = EventCodec.standard();
    private final AtomicLong skipped = new AtomicLong();
    private final CatchUpTracker catchUp = new CatchUpTracker();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean running;
    private volatile KafkaConsumer<byte[], byte[]> consumer;
    private Thread thread;

    public RatingsFeed(KafkaClients clients, String topic, String clientId, RatingReadModel model) {
        this.clients = Objects.requireNonNull(clients, "clients");
        this.topic = Objects.requireNonNull(topic, "topic");
        this.clientId = Objects.requireNonNull(clientId, "clientId");
        this.model = Objects.requireNonNull(model, "model");
    }

    /** Starts the feeding thread; once. */
    public synchronized RatingsFeed start() {
        if (thread != null) {
            throw new IllegalStateException("already started");
        }
        Map<String, Object> config = clients.consumerConfig(clientId,
                Map.of(ConsumerConfig.CLIENT_ID_CONFIG, clientId));
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        consumer = clients.newConsumer(config);
        running = true;
        thread = new Thread(this::run, "ratings-feed-" + topic);
        thread.setDaemon(true);
        thread.start();
        return this;
    }

    private void run() {
        try {
            List<TopicPartition> partitions = awaitPartitions();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            catchUp.capture(consumer, partitions, Duration.ofSeconds(30));
            while (running) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    apply(record);
                }
                catchUp.update(consumer);
            }
        } catch (WakeupException e) {
            LOG.debug("ratings feed woken up to stop");
        } catch (RuntimeException e) {
            LOG.error("ratings feed of {} failed; the read model stops following the topic", topic, e);
        } finally {
            running = false;
            try {
                consumer.close(CloseOptions.timeout(CLOSE_TIMEOUT));
            } catch (RuntimeException e) {
                LOG.warn("ratings feed consumer close failed", e);
            }
            stopped.countDown();
        }
    }

    private List<TopicPartition> awaitPartitions() {
        while (running) {
            List<PartitionInfo> infos;
            try {
                infos = consumer.partitionsFor(topic, POLL);
            } catch (TimeoutException slowMetadata) {
                infos = null; // a busy broker may need longer than one poll for the first metadata: keep waiting
            }
            if (infos != null && !infos.isEmpty()) {
                List<TopicPartition> partitions = new ArrayList<>(infos.size());
                for (PartitionInfo info : infos) {
                    partitions.add(new TopicPartition(topic, info.partition()));
                }
                return partitions;
            }
            sleep();
        }
        throw new WakeupException();
    }

    private void apply(ConsumerRecord<byte[], byte[]> record) {
        if (record.value() == null) {
            skip(record, "no value");
            return;
        }
        try {
            model.apply(codec.decode(record.value(), CreditRatingChanged.class));
        } catch (EventDecodingException e) {
            skip(record, e.getMessage());
        }
    }

    private void skip(ConsumerRecord<byte[], byte[]> record, String why) {
        skipped.incrementAndGet();
        LOG.warn("skipping {}-{}@{}: not a CreditRatingChanged ({})", record.topic(), record.partition(),
                record.offset(), why);
    }

    private static void sleep() {
        try {
            TimeUnit.MILLISECONDS.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WakeupException();
        }
    }

    /**
     * @return how far the feed is in reading the ratings topic up to the end offsets observed when it was
     *     positioned (awaiting assignment until the topic's partitions are known)
     */
    public CatchUpProgress progress() {
        return catchUp.progress();
    }

    /** @return whether the feeding thread is running */
    public boolean isRunning() {
        return running;
    }

    /** @return records of the topic that were not CreditRatingChanged events */
    public long skipped() {
        return skipped.get();
    }

    /** Stops the thread and waits (up to 10 s) for the consumer to close. Idempotent. */
    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            t = thread;
        }
        if (t == null) {
            return;
        }
        running = false;
        KafkaConsumer<byte[], byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        try {
            stopped.await(CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
