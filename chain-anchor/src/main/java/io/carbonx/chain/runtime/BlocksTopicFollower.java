package io.carbonx.chain.runtime;

import io.carbonx.chain.core.pbft.message.CommittedBlock;
import io.carbonx.chain.identity.ValidatorRoster;
import io.carbonx.eventlog.KafkaClients;
import io.carbonx.eventlog.runtime.KafkaClientTracker;
import io.carbonx.events.BlockCommitted;
import io.carbonx.schemas.EventCodec;
import io.carbonx.schemas.EventDecodingException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Catch-up from the blocks topic: follows {@code carbonx.chain.blocks} ({@code read_committed}), turns each
 * {@code BlockCommitted} of the chain into a committed block and offers it to every local validator whose
 * committed height is below it. Nothing is trusted: each validator's replica verifies the commit
 * certificate (a quorum of valid signatures from distinct validators over the block hash) and the hash
 * chain before appending ({@link ValidatorDriver#offerCommittedBlocks}); an event that does not even parse
 * is logged and skipped.
 *
 * <p>It starts at the first record whose timestamp is at or after {@code fromTimeMs} (a block's record is
 * written after the block was cut, so every block above a head of time t lies there), or at the end when
 * there is none. It keeps the newest {@value #WINDOW} blocks it read and offers every one above a
 * validator's height on each poll, so a validator restarted a little later still finds them;
 * {@link #rewind} re-reads from an earlier time for one that is further behind.
 */
public final class BlocksTopicFollower implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BlocksTopicFollower.class);
    private static final int WINDOW = 4096;
    private static final int MAX_OFFER = 256;

    private final KafkaClients clients;
    private final String clientId;
    private final String topic;
    private final String chainId;
    private final ValidatorRoster roster;
    private final Supplier<List<ValidatorDriver>> validators;
    private final KafkaClientTracker tracker;
    private final String service;
    private volatile KafkaConsumer<byte[], byte[]> consumer;
    private volatile boolean running;
    private volatile long seenHeight;
    private volatile long rewindToMs = -1;
    private final TreeMap<Long, CommittedBlock> recent = new TreeMap<>();
    private Thread thread;

    /**
     * @param validators the local validators (read on every batch: restarted drivers are picked up)
     */
    public BlocksTopicFollower(KafkaClients clients, String clientId, String topic, String chainId,
                               ValidatorRoster roster, Supplier<List<ValidatorDriver>> validators,
                               KafkaClientTracker tracker, String service) {
        this.clients = clients;
        this.clientId = clientId;
        this.topic = topic;
        this.chainId = chainId;
        this.roster = roster;
        this.validators = validators;
        this.tracker = tracker;
        this.service = service;
    }

    /** Starts following at {@code fromTimeMs}. */
    public synchronized void start(long fromTimeMs) {
        Map<String, Object> config = new HashMap<>(clients.consumerConfig(clientId,
                Map.of(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false")));
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        consumer = clients.newConsumer(config);
        running = true;
        thread = new Thread(() -> run(fromTimeMs), clientId);
        thread.setDaemon(true);
        thread.start();
    }

    /** Highest block height seen on the topic. */
    public long seenHeight() {
        return seenHeight;
    }

    private void run(long fromTimeMs) {
        KafkaConsumer<byte[], byte[]> c = consumer;
        KafkaClientTracker.Registration registration = tracker.track(c, service);
        boolean interrupted = false;
        try {
            while (running && !assign(c, fromTimeMs)) {
                Thread.sleep(500);
            }
            while (running) {
                long rewind = rewindToMs;
                if (rewind >= 0) {
                    rewindToMs = -1;
                    seekTo(c, c.assignment(), rewind, false);
                }
                for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(200))) {
                    CommittedBlock b = parse(r);
                    if (b != null) {
                        recent.put(b.height(), b);
                        seenHeight = Math.max(seenHeight, b.height());
                    }
                }
                while (recent.size() > WINDOW) {
                    recent.pollFirstEntry();
                }
                offer();
            }
        } catch (WakeupException e) {
            // close() asked us to stop
        } catch (InterruptedException e) {
            interrupted = true;
        } catch (RuntimeException e) {
            if (running) {
                LOG.error("{}: following the blocks topic failed", clientId, e);
            }
        } finally {
            registration.close();
            c.close(CloseOptions.timeout(Duration.ofSeconds(2)));
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private boolean assign(KafkaConsumer<byte[], byte[]> c, long fromTimeMs) {
        List<PartitionInfo> infos = c.partitionsFor(topic, Duration.ofSeconds(5));
        if (infos == null || infos.isEmpty()) {
            return false;
        }
        List<TopicPartition> tps = new ArrayList<>();
        for (PartitionInfo p : infos) {
            tps.add(new TopicPartition(topic, p.partition()));
        }
        c.assign(tps);
        seekTo(c, tps, fromTimeMs, true);
        return true;
    }

    /** Seeks to the first record at or after {@code timeMs}; only backwards unless {@code initial}. */
    private static void seekTo(KafkaConsumer<byte[], byte[]> c, java.util.Collection<TopicPartition> tps, long timeMs,
                               boolean initial) {
        Map<TopicPartition, Long> times = new HashMap<>();
        for (TopicPartition tp : tps) {
            times.put(tp, Math.max(0, timeMs));
        }
        Map<TopicPartition, OffsetAndTimestamp> offsets = c.offsetsForTimes(times);
        for (TopicPartition tp : tps) {
            OffsetAndTimestamp o = offsets.get(tp);
            if (o != null && (initial || o.offset() < c.position(tp))) {
                c.seek(tp, o.offset());
            } else if (o == null && initial) {
                c.seekToEnd(List.of(tp));
            }
        }
    }

    /** Re-reads the topic from the first record at or after {@code fromTimeMs} (for a validator far behind). */
    public void rewind(long fromTimeMs) {
        rewindToMs = Math.max(0, fromTimeMs);
    }

    private CommittedBlock parse(ConsumerRecord<byte[], byte[]> r) {
        if (r.value() == null) {
            return null;
        }
        try {
            if (EventCodec.standard().typeOf(r.value()) != BlockCommitted.class) {
                return null;
            }
            BlockCommitted event = EventCodec.standard().decode(r.value(), BlockCommitted.class);
            if (!event.getHeader().getChainId().equals(chainId)) {
                return null;
            }
            return BlockEvents.fromEvent(event, roster);
        } catch (EventDecodingException | IllegalArgumentException e) {
            LOG.warn("{}: skipping {}-{}@{}: {}", clientId, r.topic(), r.partition(), r.offset(), e.getMessage());
            return null;
        }
    }

    private void offer() {
        if (recent.isEmpty()) {
            return;
        }
        for (ValidatorDriver v : validators.get()) {
            long h = v.status().height();
            if (!recent.containsKey(h + 1)) {
                continue;
            }
            List<CommittedBlock> above = new ArrayList<>();
            for (CommittedBlock b : recent.tailMap(h, false).values()) {
                if (above.size() == MAX_OFFER) {
                    break;
                }
                above.add(b);
            }
            v.offerCommittedBlocks(above);
        }
    }

    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            running = false;
            t = thread;
        }
        KafkaConsumer<byte[], byte[]> c = consumer;
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
