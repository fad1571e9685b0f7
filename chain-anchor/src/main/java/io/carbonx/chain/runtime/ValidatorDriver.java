package io.carbonx.chain.runtime;

import io.carbonx.chain.core.block.BlockBuilder;
import io.carbonx.chain.core.block.ChainState;
import io.carbonx.chain.core.block.TopicPartition;
import io.carbonx.chain.core.pbft.Action;
import io.carbonx.chain.core.pbft.DurableState;
import io.carbonx.chain.core.pbft.LogProposals;
import io.carbonx.chain.core.pbft.PbftConfig;
import io.carbonx.chain.core.pbft.PbftReplica;
import io.carbonx.chain.core.pbft.SignatureVerifier;
import io.carbonx.chain.core.pbft.Signer;
import io.carbonx.chain.core.pbft.message.CommittedBlock;
import io.carbonx.chain.core.pbft.message.SignedMessage;
import io.carbonx.chain.feed.EventFeed;
import io.carbonx.chain.feed.EventSink;
import io.carbonx.chain.feed.ReadEvent;
import io.carbonx.chain.store.BlockStore;
import io.carbonx.chain.store.VoteLog;
import io.carbonx.chain.transport.InboundHandler;
import io.carbonx.chain.transport.PeerTransport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one validator: a {@link PbftReplica} fed from a single thread of its own, with the validator's vote
 * log and block store on disk, its own read of the event log ({@link EventFeed}) and a transport to the
 * other validators.
 *
 * <p><b>Loop.</b> The thread blocks on its inbox until a message, a read batch or committed blocks arrive,
 * or the next tick is due ({@code tickMs}); it never spins. It drains what is queued, hands every input to
 * the replica with the current time (the driver reads the clock; the core never does), advances the
 * replica's timers, and executes all resulting actions as one batch:
 * <ol>
 *   <li>{@code Persist}: appended to the vote log; {@code CommitBlock}: appended to the block store;</li>
 *   <li>the vote log is synced ({@code force(true)}) — <b>before any message of the batch leaves</b>, so a
 *       validator can never have sent a vote it has not persisted;</li>
 *   <li>{@code Send}/{@code Broadcast} go to the transport;</li>
 *   <li>a {@code TruncateVotes} of the batch is applied (the vote log is rewritten atomically without the records
 *       the stable checkpoint made obsolete): after the sends, since dropping obsolete records later only
 *       keeps a superset on disk for longer, which is always safe;</li>
 *   <li>the block store is synced, then committed blocks and entered views go to the {@link DriverListener}
 *       (a block is reported only once it is durable in the store) and events a committed block covers are
 *       dropped from the local log.</li>
 * </ol>
 * The block store is synced after the sends, not before: what is sent is only ever the vote log's content
 * (votes) or blocks certified by a quorum, both durable or verifiable without the local store, and a crash
 * between the two syncs leaves the same files as before (votes synced, the batch's blocks maybe not: the
 * replica restores from its votes and fetches the missing blocks from its peers or the blocks topic). So the
 * next proposal (a primary commits height h and proposes h + 1 in the same batch) does not wait for the
 * store's fsync: one fsync less on every block's critical path.
 *
 * <p><b>Read-ahead.</b> The feed reads a partition only while this validator holds fewer than
 * {@link DriverSettings#readAheadPerPartition()} read events of it beyond its committed head
 * ({@link EventSink#readOn}); past that the records wait in the log, not in memory, so a validator that falls
 * behind (overload, a stall) holds a bounded number of events instead of everything the log has. Never fewer
 * than the two next blocks could cover, so every proposal this validator may have to rebuild stays readable.
 *
 * <p><b>Restart.</b> {@link #start} reloads the vote log and the block store into the replica's
 * {@link DurableState}, so it re-enters its last view, never signs a vote conflicting with a persisted one,
 * and asks its peers (or takes from the blocks topic, {@link #offerCommittedBlocks}) what it missed; its feed
 * resumes reading at the committed head's offsets.
 *
 * <p>Inputs may be offered from any thread. A failure of the disk stops the validator ({@link #status()}
 * reports it); it must not go on voting without persisting.
 */
public final class ValidatorDriver implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ValidatorDriver.class);
    private static final int DRAIN = 4096;

    private sealed interface Input {
    }

    private record Message(SignedMessage<?> message) implements Input {
    }

    private record Events(List<ReadEvent> events, Map<TopicPartition, Long> positions) implements Input {
    }

    private record Blocks(List<CommittedBlock> blocks) implements Input {
    }

    private record Wake() implements Input {
    }

    private final int id;
    private final PbftConfig config;
    private final Signer signer;
    private final SignatureVerifier verifier;
    private final Path dir;
    private final DriverSettings settings;
    private final DriverListener listener;
    private final LongSupplier clockMs;
    private final LinkedBlockingQueue<Input> inbox;
    private final Semaphore eventBatches;
    private final AtomicLong dropped = new AtomicLong();

    private VoteLog votes;
    private BlockStore store;
    private ValidatorLog log;
    private PbftReplica replica;
    private PeerTransport transport;
    private EventFeed feed;
    private Thread thread;
    private volatile boolean running;
    private volatile boolean crashBeforeNextSend;
    private volatile String failure;
    private volatile ValidatorStatus status;
    /** The committed head as of the latest batch: the feed reads ahead of it by a bounded amount. */
    private volatile ChainState anchoredHead;
    private long lastView;
    private long rejected;

    /**
     * A driver for validator {@code id}; nothing runs before {@link #start}.
     *
     * @param dir the validator's own directory (vote log and block store)
     * @param clockMs the clock the driver reads (ms since the epoch)
     */
    public ValidatorDriver(int id, PbftConfig config, Signer signer, SignatureVerifier verifier, Path dir,
                           DriverSettings settings, DriverListener listener, LongSupplier clockMs) {
        this.id = id;
        this.config = config;
        this.signer = signer;
        this.verifier = verifier;
        this.dir = dir;
        this.settings = settings;
        this.listener = listener;
        this.clockMs = clockMs;
        this.inbox = new LinkedBlockingQueue<>(settings.inboxCapacity() + settings.eventBatchesQueued() + 16);
        this.eventBatches = new Semaphore(settings.eventBatchesQueued());
        this.status = new ValidatorStatus(id, false, null, 0, 0, 0, false, config.validators().primary(0), 0, -1,
                Set.of(), 0);
    }

    /**
     * Opens the validator's files, restores the replica, attaches the transport (built with this driver's
     * inbound handler), starts the feed at the committed head's offsets and starts the thread.
     *
     * @throws IOException if the vote log or block store cannot be opened (corruption included)
     */
    public synchronized void start(Function<InboundHandler, PeerTransport> transports, EventFeed eventFeed)
            throws IOException {
        if (thread != null) {
            throw new IllegalStateException("validator " + id + " already started");
        }
        votes = VoteLog.open(dir);
        try {
            store = BlockStore.open(dir, config.chainId());
        } catch (IOException e) {
            votes.close();
            throw e;
        }
        log = new ValidatorLog(store.head());
        LogProposals proposals = new LogProposals(new BlockBuilder(settings.maxBlockEvents(), settings.maxBlockMs()),
                log, settings.maxClockSkewMs());
        replica = new PbftReplica(config, id, signer, verifier, proposals, proposals,
                new DurableState(votes.records(), store.loadedBlocks()));
        lastView = replica.view();
        LOG.info("validator {} restored: height {}, view {}{}, {} vote records", id, replica.head().height(),
                replica.view(), replica.viewChangeInProgress() ? " (changing to " + replica.targetView() + ")" : "",
                votes.size());
        listener.onRestored(id, store.loadedBlocks());
        transport = transports.apply(this::deliver);
        feed = eventFeed;
        running = true;
        publishStatus();
        anchoredHead = replica.head();
        feed.start(replica.head().offsets(), new EventSink() {
            @Override
            public void accept(List<ReadEvent> events, Map<TopicPartition, Long> positions)
                    throws InterruptedException {
                acceptEvents(events, positions);
            }

            @Override
            public boolean readOn(TopicPartition tp, long position) {
                return position - anchoredHead.nextOffset(tp) < settings.readAheadPerPartition();
            }
        });
        thread = new Thread(this::run, "validator-" + id);
        thread.start();
    }

    /** Queues a message from a peer; dropped if the inbox is full. Never blocks. */
    public void deliver(SignedMessage<?> message) {
        if (!running || !inbox.offer(new Message(message))) {
            dropped.incrementAndGet();
        }
    }

    /** Queues committed blocks from an untrusted source (the blocks topic); the replica verifies them. */
    public void offerCommittedBlocks(List<CommittedBlock> blocks) {
        if (running && !blocks.isEmpty()) {
            inbox.offer(new Blocks(List.copyOf(blocks)));
        }
    }

    private void acceptEvents(List<ReadEvent> events, Map<TopicPartition, Long> positions) throws InterruptedException {
        while (running) {
            if (eventBatches.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                if (!inbox.offer(new Events(events, positions))) {
                    eventBatches.release();
                    throw new IllegalStateException("inbox full although a batch permit was free");
                }
                return;
            }
        }
    }

    private void run() {
        List<Input> batch = new ArrayList<>();
        List<Action> actions = new ArrayList<>();
        long nextTick = clockMs.getAsLong();
        try {
            while (running) {
                long wait = nextTick - clockMs.getAsLong();
                Input first = wait > 0 ? inbox.poll(wait, TimeUnit.MILLISECONDS) : inbox.poll();
                if (first != null) {
                    batch.add(first);
                    inbox.drainTo(batch, DRAIN);
                }
                long now = clockMs.getAsLong();
                boolean readEvents = false;
                for (Input in : batch) {
                    readEvents |= handle(in, now, actions);
                }
                batch.clear();
                if (readEvents || now >= nextTick) {
                    actions.addAll(replica.onTick(now));
                    nextTick = now + settings.tickMs();
                }
                if (!running) {
                    break;
                }
                execute(actions);
                actions.clear();
                publishStatus();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            failure = e.toString();
            LOG.error("validator {} stopped: {}", id, e.toString(), e);
        } finally {
            running = false;
            closeResources();
            publishStatus();
        }
    }

    private boolean handle(Input in, long now, List<Action> actions) {
        if (in instanceof Message m) {
            actions.addAll(replica.onMessage(m.message(), now));
        } else if (in instanceof Events e) {
            eventBatches.release();
            log.append(e.events(), e.positions(), now);
            return true;
        } else if (in instanceof Blocks b) {
            actions.addAll(replica.onCommittedBlocks(b.blocks(), now));
        }
        return false;
    }

    private void execute(List<Action> actions) throws IOException {
        if (actions.isEmpty()) {
            return;
        }
        boolean persisted = false;
        long truncateTo = -1;
        List<CommittedBlock> committed = new ArrayList<>();
        List<Action> sends = new ArrayList<>();
        List<Action.ViewEntered> views = new ArrayList<>();
        for (Action a : actions) {
            if (a instanceof Action.Persist p) {
                votes.append(p.record());
                persisted = true;
            } else if (a instanceof Action.TruncateVotes t) {
                truncateTo = Math.max(truncateTo, t.stableHeight());
            } else if (a instanceof Action.CommitBlock c) {
                store.append(c.block());
                committed.add(c.block());
            } else if (a instanceof Action.Send || a instanceof Action.Broadcast) {
                sends.add(a);
            } else if (a instanceof Action.ViewEntered v) {
                views.add(v);
            } else if (a instanceof Action.Rejected r) {
                rejected++;
                LOG.debug("validator {} rejected {}: {} {}", id, r.message(), r.reason(), r.detail());
            } else if (a instanceof Action.BlockRefused r) {
                LOG.warn("validator {} refused block {} from the blocks topic: {} {}", id, r.height(), r.reason(),
                        r.detail());
            }
        }
        votes.sync();
        if (persisted && crashBeforeNextSend) {
            LOG.warn("validator {}: simulated crash after persisting, before sending", id);
            running = false;
            return;
        }
        for (Action a : sends) {
            if (a instanceof Action.Send s) {
                transport.send(s.to(), s.message());
            } else {
                transport.broadcast(((Action.Broadcast) a).message());
            }
        }
        if (truncateTo >= 0) {
            votes.truncate(truncateTo);
        }
        if (!committed.isEmpty()) {
            store.sync();
        }
        afterCommits(committed);
        for (Action.ViewEntered v : views) {
            long previous = lastView;
            lastView = v.view();
            listener.onViewEntered(id, previous, v.view(), v.primary(), replica.head().height());
        }
    }

    private void afterCommits(List<CommittedBlock> committed) {
        if (committed.isEmpty()) {
            return;
        }
        long now = clockMs.getAsLong();
        for (CommittedBlock b : committed) {
            long[] times = log.appendTimes(b.header().ranges(), b.header().treeSize());
            listener.onCommitted(id, b, now, times);
        }
        log.prune(replica.head());
        anchoredHead = replica.head();
    }

    private void publishStatus() {
        PbftReplica r = replica;
        if (r == null) {
            return;
        }
        long view = r.view();
        PeerTransport t = transport;
        EventFeed f = feed;
        status = new ValidatorStatus(id, running, failure, r.head().height(), r.head().headTimeMs(), view,
                r.viewChangeInProgress(),
                config.validators().primary(view), log.unanchored(r.head()), f == null ? -1 : f.lag(),
                t == null ? Set.of() : t.connectedPeers(), dropped.get());
    }

    /** The latest snapshot (updated after every batch). */
    public ValidatorStatus status() {
        return status;
    }

    /** Validator id. */
    public int id() {
        return id;
    }

    /** Inbound messages rejected by the replica so far (diagnostics). */
    public long rejectedMessages() {
        return rejected;
    }

    /**
     * Test hook: the next batch that persists a vote stops the validator right after the fsync and before
     * anything of the batch is sent, as a crash at that instant would.
     */
    void crashBeforeNextSend() {
        crashBeforeNextSend = true;
    }

    /** Stops the validator (thread, feed, transport, files); idempotent. Whatever was synced stays. */
    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            running = false;
            t = thread;
        }
        inbox.offer(new Wake());
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        } else if (t == null) {
            closeResources();
        }
    }

    /** Waits until the driver thread has ended (after {@link #close} or a failure). */
    public void awaitTermination(long timeoutMs) throws InterruptedException {
        Thread t = thread;
        if (t != null) {
            t.join(timeoutMs);
        }
    }

    private synchronized void closeResources() {
        if (feed != null) {
            feed.close();
        }
        if (transport != null) {
            transport.close();
        }
        try {
            if (votes != null) {
                votes.close();
            }
            if (store != null) {
                store.close();
            }
        } catch (IOException e) {
            LOG.warn("validator {}: closing files: {}", id, e.toString());
        }
    }
}
