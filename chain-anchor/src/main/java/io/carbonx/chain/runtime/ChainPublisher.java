package io.carbonx.chain.runtime;

import io.carbonx.chain.core.pbft.message.CommittedBlock;
import io.carbonx.chain.identity.ValidatorRoster;
import io.carbonx.eventlog.KafkaClients;
import io.carbonx.eventlog.runtime.KafkaClientTracker;
import io.carbonx.events.BlockCommitted;
import io.carbonx.events.ViewChanged;
import io.carbonx.schemas.EventCodec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes committed blocks ({@code BlockCommitted}) and view changes ({@code ViewChanged}) of one chain
 * exactly once per height and per view, whichever local validators report them and however often.
 *
 * <p>It uses a transactional producer whose {@code transactional.id} is the same for every publisher of
 * the chain ({@code carbonx-chain-publisher-<chainId>}). After {@code initTransactions} — which fences any
 * earlier publisher with that id and aborts its open transaction — it reads the blocks and views topics
 * (read_committed) back from the end to find the highest height and view already published, and from then
 * on writes only heights above it, in order, without gaps, and views above it, each batch in one transaction.
 * Two publishers therefore never both write a height: the later one fences the earlier, whose next commit
 * fails; a fenced publisher stands by and then takes over again the same way. Its standby is {@code standbyMs},
 * doubled for every takeover in a row that was fenced before it committed anything (at most 16 times), plus up to
 * half of that at random: two publishers that keep fencing each other before either commits (a takeover slower
 * than the standby) drift apart until one of them publishes, instead of livelocking.
 *
 * <p>Heights arrive from drivers as they commit; after a restart, drivers report their restored blocks too
 * ({@link #submitBlocks}), so a height committed but not yet published before a crash is published later.
 * One thread; blocks in {@code poll}; no spinning.
 */
public final class ChainPublisher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ChainPublisher.class);
    private static final int MAX_BATCH = 512;

    private record ViewEntry(long previousView, long view, int primary, long height, long timeMs) {
    }

    private final KafkaClients clients;
    private final String chainId;
    private final String blocksTopic;
    private final String viewsTopic;
    private final ValidatorRoster roster;
    private final KafkaClientTracker tracker;
    private final String service;
    private final long standbyMs;
    private final LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final TreeMap<Long, CommittedBlock> pendingBlocks = new TreeMap<>();
    private final TreeMap<Long, ViewEntry> pendingViews = new TreeMap<>();
    private volatile long publishedHeight = -1;
    private volatile long publishedView = -1;
    private volatile boolean running;
    private volatile String state = "starting";
    /** Whether the current takeover has committed a transaction (confined to the publishing thread). */
    private boolean committedSinceTakeover;
    private Thread thread;

    /**
     * @param standbyMs how long a fenced publisher waits before taking over again
     */
    public ChainPublisher(KafkaClients clients, String chainId, String blocksTopic, String viewsTopic,
                          ValidatorRoster roster, KafkaClientTracker tracker, String service, long standbyMs) {
        this.clients = clients;
        this.chainId = chainId;
        this.blocksTopic = blocksTopic;
        this.viewsTopic = viewsTopic;
        this.roster = roster;
        this.tracker = tracker;
        this.service = service;
        this.standbyMs = standbyMs;
    }

    /** The transactional id every publisher of {@code chainId} shares. */
    public static String transactionalId(String chainId) {
        return "carbonx-chain-publisher-" + chainId;
    }

    /** Starts the publishing thread. */
    public synchronized void start() {
        running = true;
        thread = new Thread(this::run, "chain-publisher-" + chainId);
        thread.setDaemon(true);
        thread.start();
    }

    /** Queues committed blocks (any order, duplicates allowed). */
    public void submitBlocks(List<CommittedBlock> blocks) {
        long known = publishedHeight;
        for (CommittedBlock b : blocks) {
            if (b.height() > known) {
                queue.offer(b);
            }
        }
    }

    /** Queues a view entered by a local validator (duplicates allowed). */
    public void submitView(long previousView, long view, int primary, long height, long timeMs) {
        if (view > publishedView) {
            queue.offer(new ViewEntry(previousView, view, primary, height, timeMs));
        }
    }

    /** Highest height known to be on the topic (0 when none is; -1 before the first look). */
    public long publishedHeight() {
        return publishedHeight;
    }

    /** Highest view known to be on the topic (-1 before the first look). */
    public long publishedView() {
        return publishedView;
    }

    /** "publishing", "standby (fenced)", "retrying: ..." or "starting". */
    public String state() {
        return state;
    }

    private void run() {
        int fencedInARow = 0;
        while (running) {
            try (KafkaProducer<byte[], byte[]> producer = clients.newProducer(
                    clients.transactionalProducerConfig(transactionalId(chainId)))) {
                KafkaClientTracker.Registration registration = tracker.track(producer, service);
                try {
                    runProducer(producer);
                } finally {
                    registration.close();
                }
            } catch (ProducerFencedException | InvalidProducerEpochException e) {
                fencedInARow = committedSinceTakeover ? 1 : fencedInARow + 1;
                long standby = standbyMs(fencedInARow);
                state = "standby (fenced)";
                LOG.info("chain {}: another publisher took over; standing by {} ms", chainId, standby);
                pause(standby);
            } catch (KafkaException | IllegalStateException e) {
                if (running) {
                    state = "retrying: " + e.getMessage();
                    LOG.warn("chain {}: publishing failed, retrying: {}", chainId, e.toString());
                    pause(1_000);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The standby after the {@code fencedInARow}-th fenced takeover in a row: see the class comment. */
    long standbyMs(int fencedInARow) {
        long base = standbyMs << Math.min(fencedInARow - 1, 4);
        return base + java.util.concurrent.ThreadLocalRandom.current().nextLong(base / 2 + 1);
    }

    private void runProducer(KafkaProducer<byte[], byte[]> producer) throws InterruptedException {
        committedSinceTakeover = false;
        producer.initTransactions();
        try (PublishedTail tail = new PublishedTail(clients, chainId)) {
            publishedHeight = Math.max(0, tail.lastHeight(blocksTopic));
            publishedView = tail.lastView(viewsTopic);
        }
        pendingBlocks.headMap(publishedHeight, true).clear();
        pendingViews.headMap(publishedView, true).clear();
        state = "publishing";
        LOG.info("chain {}: publishing from height {} and view {}", chainId, publishedHeight + 1, publishedView + 1);
        publishLoop(producer);
    }

    private void publishLoop(KafkaProducer<byte[], byte[]> producer) throws InterruptedException {
        List<Object> drained = new ArrayList<>();
        while (running) {
            Object first = queue.poll(100, TimeUnit.MILLISECONDS);
            if (first != null) {
                drained.add(first);
                queue.drainTo(drained);
            }
            for (Object o : drained) {
                if (o instanceof CommittedBlock b && b.height() > publishedHeight) {
                    pendingBlocks.putIfAbsent(b.height(), b);
                } else if (o instanceof ViewEntry v && v.view() > publishedView) {
                    pendingViews.putIfAbsent(v.view(), v);
                }
            }
            drained.clear();
            List<CommittedBlock> blocks = new ArrayList<>();
            long next = publishedHeight + 1;
            CommittedBlock b;
            while (blocks.size() < MAX_BATCH && (b = pendingBlocks.get(next)) != null) {
                blocks.add(b);
                next++;
            }
            List<ViewEntry> views = new ArrayList<>(pendingViews.values());
            if (!blocks.isEmpty() || !views.isEmpty()) {
                publish(producer, blocks, views);
            }
        }
    }

    private void publish(KafkaProducer<byte[], byte[]> producer, List<CommittedBlock> blocks, List<ViewEntry> views) {
        byte[] key = chainId.getBytes(StandardCharsets.UTF_8);
        EventCodec codec = EventCodec.standard();
        producer.beginTransaction();
        for (CommittedBlock b : blocks) {
            BlockCommitted event = BlockEvents.toEvent(b, roster);
            producer.send(new ProducerRecord<>(blocksTopic, key, codec.encode(event)));
        }
        for (ViewEntry v : views) {
            ViewChanged event = BlockEvents.viewEvent(chainId, v.previousView(), v.view(), v.primary(), v.height(),
                    v.timeMs(), roster);
            producer.send(new ProducerRecord<>(viewsTopic, key, codec.encode(event)));
        }
        producer.commitTransaction();
        committedSinceTakeover = true;
        if (!blocks.isEmpty()) {
            publishedHeight = blocks.get(blocks.size() - 1).height();
            pendingBlocks.headMap(publishedHeight, true).clear();
        }
        if (!views.isEmpty()) {
            publishedView = views.get(views.size() - 1).view();
            pendingViews.headMap(publishedView, true).clear();
        }
    }

    private void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            running = false;
            t = thread;
        }
        if (t != null) {
            try {
                t.join(Duration.ofSeconds(5).toMillis());
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
