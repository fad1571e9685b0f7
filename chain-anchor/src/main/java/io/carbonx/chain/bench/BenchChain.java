package io.carbonx.chain.bench;

import io.carbonx.chain.core.block.PartitionRange;
import io.carbonx.chain.core.block.TopicPartition;
import io.carbonx.chain.core.pbft.message.CommittedBlock;
import io.carbonx.chain.feed.MemoryEventFeed;
import io.carbonx.chain.feed.MemoryLog;
import io.carbonx.chain.runtime.DriverListener;
import io.carbonx.chain.runtime.ValidatorStatus;
import io.carbonx.chain.service.AnchorSettings;
import io.carbonx.chain.service.ChainNode;
import io.carbonx.eventlog.KafkaClients;
import io.carbonx.eventlog.runtime.KafkaClientTracker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * Four validators for a benchmark run: a {@link ChainNode} on a fresh directory (own CA, keys issued at
 * start), reading an in-process {@link MemoryLog} or Kafka, with a listener that records, for the first
 * local commit of each height, every event's finality (append → commit, ms) and the anchored count.
 */
final class BenchChain implements AutoCloseable {

    static final String CHAIN = "bench";
    static final String PASSPHRASE = "benchmark-passphrase";

    final ChainNode node;
    final MemoryLog log;
    private Thread trimmer;
    private final AtomicLong firstCommitted = new AtomicLong();
    private final AtomicLong anchored = new AtomicLong();
    private final AtomicLong lastCommitMs = new AtomicLong();
    private final Histogram finality = new Histogram(3_600_000L, 3);
    private final List<long[]> views = new CopyOnWriteArrayList<>();
    private final long startNanos = System.nanoTime();
    private final Map<Integer, Map<TopicPartition, Long>> covered = new TreeMap<>();

    /**
     * @param kafka null for the in-process log
     * @param topics the anchored topics
     */
    BenchChain(Path dir, KafkaClients kafka, List<String> topics, int maxBlockEvents, long maxBlockMs,
               long viewTimeoutMs, String blocksTopic, String viewsTopic) throws Exception {
        JsonObject json = new JsonObject().put("chainId", CHAIN).put("caDir", dir.resolve("ca").toString())
                .put("validatorsDir", dir.resolve("validators").toString()).put("caPassphrase", PASSPHRASE)
                .put("keyPassphrase", PASSPHRASE).put("caPbkdf2Iterations", 1000).put("keyPbkdf2Iterations", 1000)
                .put("maxBlockEvents", maxBlockEvents).put("maxBlockMs", maxBlockMs).put("tickMs", 5)
                .put("viewTimeoutMs", viewTimeoutMs).put("anchoredTopics", new JsonArray(topics))
                .put("blocksTopic", blocksTopic).put("viewsTopic", viewsTopic);
        AnchorSettings settings = AnchorSettings.of(json);
        this.log = kafka == null ? new MemoryLog() : null;
        this.node = new ChainNode(settings, dir, "bench", kafka, KafkaClientTracker.NONE, new SimpleMeterRegistry(),
                System::currentTimeMillis, kafka == null ? id -> new MemoryEventFeed(log, "feed-" + id, 1000) : null);
        node.addListener(new Recorder());
        node.start();
        if (log != null) {
            trimmer = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    trimAnchored();
                    try {
                        Thread.sleep(200);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "bench-log-trimmer");
            trimmer.setDaemon(true);
            trimmer.start();
        }
    }

    /** Records the first local commit of each height, and how far each validator has anchored. */
    private final class Recorder implements DriverListener {
        @Override
        public void onCommitted(int validator, CommittedBlock block, long commitTimeMs, long[] appendTimesMs) {
            covered(validator, List.of(block));
            long h = block.height();
            long prev;
            do {
                prev = firstCommitted.get();
                if (h <= prev) {
                    return;
                }
            } while (!firstCommitted.compareAndSet(prev, h));
            anchored.addAndGet(block.header().treeSize());
            lastCommitMs.accumulateAndGet(commitTimeMs, Math::max);
            synchronized (finality) {
                for (long t : appendTimesMs) {
                    finality.recordValue(Math.max(0, commitTimeMs - t));
                }
            }
        }

        @Override
        public void onViewEntered(int validator, long previousView, long view, int primary, long height) {
            views.add(new long[] {System.nanoTime(), validator, view});
        }

        @Override
        public void onRestored(int validator, List<CommittedBlock> blocks) {
            covered(validator, blocks);
        }
    }

    private void covered(int validator, List<CommittedBlock> blocks) {
        synchronized (covered) {
            Map<TopicPartition, Long> c = covered.computeIfAbsent(validator, k -> new TreeMap<>());
            for (CommittedBlock b : blocks) {
                for (PartitionRange r : b.header().ranges()) {
                    c.merge(r.topicPartition(), r.toOffsetExclusive(), Math::max);
                }
            }
        }
    }

    /**
     * Drops from the in-process log the events every validator has anchored (a stopped validator resumes from
     * its own head, so nothing below the lowest head is read again).
     */
    void trimAnchored() {
        if (log == null) {
            return;
        }
        Map<TopicPartition, Long> min = new TreeMap<>();
        // The roster is read before taking the lock: ChainNode is locked while a validator starts, and a starting
        // validator reports its restored blocks through covered(), which takes this lock (a lock-order deadlock).
        int validators = node.roster().size();
        synchronized (covered) {
            if (covered.size() < validators) {
                return;
            }
            boolean first = true;
            for (Map<TopicPartition, Long> c : covered.values()) {
                if (first) {
                    min.putAll(c);
                    first = false;
                } else {
                    min.replaceAll((tp, o) -> Math.min(o, c.getOrDefault(tp, 0L)));
                }
            }
        }
        log.trimBelow(min);
    }

    /** Events anchored (first commit of each height). */
    long anchored() {
        return anchored.get();
    }

    /** Wall time of the latest first commit. */
    long lastCommitMs() {
        return lastCommitMs.get();
    }

    /** Highest committed height. */
    long height() {
        return firstCommitted.get();
    }

    /** A copy of the finality histogram, then resets it. */
    Histogram takeFinality() {
        synchronized (finality) {
            Histogram copy = finality.copy();
            finality.reset();
            return copy;
        }
    }

    /** nanoTime when the chain was created. */
    long startNanos() {
        return startNanos;
    }

    /** View entries (nanoTime, validator, view) recorded so far. */
    List<long[]> views() {
        return List.copyOf(views);
    }

    /** The running validators' statuses. */
    List<ValidatorStatus> statuses() {
        return node.statuses();
    }

    /** Partition end offsets of the in-process log. */
    Map<TopicPartition, Long> ends() {
        return log.endOffsets();
    }

    @Override
    public void close() {
        if (trimmer != null) {
            trimmer.interrupt();
        }
        node.close();
    }
}
