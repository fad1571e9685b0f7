package io.carbonx.chain.runtime;

import io.carbonx.chain.core.pbft.message.CommittedBlock;
import io.carbonx.chain.timestamp.BlockTimestamps;
import io.carbonx.chain.timestamp.IssuedTimestamp;
import io.carbonx.chain.timestamp.TimestampClient;
import io.carbonx.eventlog.KafkaClients;
import io.carbonx.eventlog.runtime.KafkaClientTracker;
import io.carbonx.events.BlockTimestamped;
import io.carbonx.schemas.EventCodec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Time-stamps committed blocks (RFC 3161) and publishes each token as a {@code BlockTimestamped} event on the
 * blocks topic (keyed by chain id, like the blocks).
 *
 * <p>It listens to every local validator's commits and keeps only the newest committed block. One request at a
 * time, and at most one per {@code intervalMs}: it stamps the newest block not yet stamped, so under load the
 * blocks committed meanwhile are covered by a later block's stamp through the hash chain (what an evidence bundle
 * uses), and once commits stop the newest block is always stamped. After a restart the restored head is stamped
 * again if no later block commits (a duplicate token is harmless). A failed request (TSA unreachable, refused) is
 * logged and retried after a pause. One thread; waits, never spins.
 */
public final class BlockStamper implements DriverListener, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BlockStamper.class);
    private static final long RETRY_MS = 1_000;
    private static final long TIMEOUT_MS = 30_000;

    private final String chainId;
    private final TimestampClient client;
    private final KafkaClients clients;
    private final String blocksTopic;
    private final long intervalMs;
    private final KafkaClientTracker tracker;
    private final String service;
    private final Object lock = new Object();
    private CommittedBlock newest;
    private volatile long stampedHeight;
    private volatile String failure;
    private volatile boolean running;
    private Thread thread;

    /**
     * @param client     the TSA client
     * @param intervalMs least time between two requests
     */
    public BlockStamper(String chainId, TimestampClient client, KafkaClients clients, String blocksTopic,
                        long intervalMs, KafkaClientTracker tracker, String service) {
        this.chainId = chainId;
        this.client = client;
        this.clients = clients;
        this.blocksTopic = blocksTopic;
        this.intervalMs = intervalMs;
        this.tracker = tracker;
        this.service = service;
    }

    /** Starts the stamping thread. */
    public synchronized void start() {
        running = true;
        thread = new Thread(this::run, "chain-stamper-" + chainId);
        thread.setDaemon(true);
        thread.start();
    }

    /** The highest height stamped and published (0 before the first). */
    public long stampedHeight() {
        return stampedHeight;
    }

    /** The last failure, or null after a success. */
    public String failure() {
        return failure;
    }

    @Override
    public void onCommitted(int validator, CommittedBlock block, long commitTimeMs, long[] appendTimesMs) {
        offer(block);
    }

    @Override
    public void onViewEntered(int validator, long previousView, long view, int primary, long height) {
        // views need no time-stamp
    }

    @Override
    public void onRestored(int validator, List<CommittedBlock> blocks) {
        if (!blocks.isEmpty()) {
            offer(blocks.get(blocks.size() - 1));
        }
    }

    private void offer(CommittedBlock block) {
        synchronized (lock) {
            if (newest == null || block.height() > newest.height()) {
                newest = block;
                lock.notifyAll();
            }
        }
    }

    private void run() {
        try (KafkaProducer<byte[], byte[]> producer = clients.newProducer(clients.producerConfig(
                "chain-stamper-" + chainId))) {
            KafkaClientTracker.Registration registration = tracker.track(producer, service);
            try {
                loop(producer);
            } finally {
                registration.close();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void loop(KafkaProducer<byte[], byte[]> producer) throws InterruptedException {
        long lastRequestMs = 0;
        while (running) {
            CommittedBlock next;
            synchronized (lock) {
                while (running && (newest == null || newest.height() <= stampedHeight)) {
                    lock.wait(1_000);
                }
                next = newest;
            }
            if (!running) {
                return;
            }
            long wait = lastRequestMs + intervalMs - System.currentTimeMillis();
            if (wait > 0) {
                Thread.sleep(wait);
                continue; // a newer block may have committed meanwhile
            }
            lastRequestMs = System.currentTimeMillis();
            try {
                stamp(producer, next);
                stampedHeight = next.height();
                failure = null;
            } catch (ExecutionException | TimeoutException | RuntimeException e) {
                Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
                failure = "block " + next.height() + ": " + cause;
                LOG.warn("chain {}: time-stamping block {} failed, retrying: {}", chainId, next.height(), cause.toString());
                Thread.sleep(RETRY_MS);
            }
        }
    }

    private void stamp(KafkaProducer<byte[], byte[]> producer, CommittedBlock block)
            throws InterruptedException, ExecutionException, TimeoutException {
        byte[] hash = block.header().hash().bytes();
        IssuedTimestamp stamp = client.timestamp(hash).toCompletableFuture().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
        BlockTimestamped event = BlockTimestamps.toEvent(chainId, block.height(), hash, stamp,
                "ts-" + chainId + "-" + block.height() + "-" + stamp.serial().toString(16),
                BlockEvents.blockEventId(chainId, block.height()), stamp.genTime().toEpochMilli(), BlockEvents.ACTOR);
        producer.send(new ProducerRecord<>(blocksTopic, chainId.getBytes(StandardCharsets.UTF_8),
                EventCodec.standard().encode(event))).get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            running = false;
            t = thread;
        }
        synchronized (lock) {
            lock.notifyAll();
        }
        if (t != null) {
            try {
                t.join(Duration.ofSeconds(10).toMillis());
                if (t.isAlive()) {
                    t.interrupt();
                    t.join(Duration.ofSeconds(5).toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
