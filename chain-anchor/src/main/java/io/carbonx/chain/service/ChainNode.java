package io.carbonx.chain.service;

import io.carbonx.chain.core.pbft.PbftConfig;
import io.carbonx.chain.core.pbft.message.CommittedBlock;
import io.carbonx.chain.evidence.EvidenceService;
import io.carbonx.chain.feed.EventFeed;
import io.carbonx.chain.feed.KafkaEventFeed;
import io.carbonx.chain.identity.RosterException;
import io.carbonx.chain.identity.ValidatorEnrolment;
import io.carbonx.chain.identity.ValidatorFiles;
import io.carbonx.chain.identity.ValidatorIdentity;
import io.carbonx.chain.identity.ValidatorRoster;
import io.carbonx.chain.runtime.AnchorMetrics;
import io.carbonx.chain.runtime.BlocksTopicFollower;
import io.carbonx.chain.runtime.ChainPublisher;
import io.carbonx.chain.runtime.DriverListener;
import io.carbonx.chain.runtime.ValidatorDriver;
import io.carbonx.chain.runtime.ValidatorStatus;
import io.carbonx.chain.transport.InMemoryBus;
import io.carbonx.chain.transport.InboundHandler;
import io.carbonx.chain.transport.PeerTransport;
import io.carbonx.chain.transport.TlsTransport;
import io.carbonx.chain.transport.ValidatorTls;
import io.carbonx.eventlog.KafkaClients;
import io.carbonx.eventlog.runtime.KafkaClientTracker;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntFunction;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The validators one node runs, wired together: identities (enrolled with the registry CA at first start),
 * the roster checked against the consortium CA, one {@link ValidatorDriver} per local validator with its own
 * event feed, the transport (the in-memory bus when all validators are here, TLS otherwise), the publisher
 * of {@code BlockCommitted}/{@code ViewChanged} and the blocks-topic follower for catch-up, the metrics, and
 * ({@link EvidenceRuntime}) the block time-stamper and the evidence index behind {@link #evidence()}.
 *
 * <p>Validators can be stopped and started again individually ({@link #stopValidator}, {@link #startValidator}):
 * a stopped validator's files stay, and it resumes from them. Thread-safe.
 */
public final class ChainNode implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ChainNode.class);
    private static final String SERVICE = "chain-anchor";
    /** Blocks are looked up on the topic from this long before a head's time (clock differences). */
    private static final long CLOCK_MARGIN_MS = 60_000;

    private final AnchorSettings settings;
    private final Path serviceDir;
    private final String nodeId;
    private final KafkaClients kafka;
    private final KafkaClientTracker tracker;
    private final LongSupplier clockMs;
    private final IntFunction<EventFeed> feeds;
    private final AnchorMetrics metrics;
    private final MeterRegistry registry;
    private final List<DriverListener> listeners = new CopyOnWriteArrayList<>();
    private final Map<Integer, ValidatorDriver> drivers = new TreeMap<>();
    private final Map<Integer, ValidatorIdentity> identities = new TreeMap<>();
    private ValidatorFiles files;
    private ValidatorRoster roster;
    private PbftConfig pbft;
    private InMemoryBus bus;
    private volatile ChainPublisher publisher;
    private volatile BlocksTopicFollower follower;
    private volatile EvidenceRuntime evidence;
    private final AtomicBoolean caughtUp = new AtomicBoolean();
    private boolean closed;

    /**
     * @param serviceDir the service's data directory ({@code <node.dataDir>/services/chain-anchor})
     * @param kafka the cluster's clients, or null to run without Kafka (no publisher, no follower; benchmarks)
     * @param feeds each validator's own read of the log; null: a {@link KafkaEventFeed} per validator
     */
    public ChainNode(AnchorSettings settings, Path serviceDir, String nodeId, KafkaClients kafka,
                     KafkaClientTracker tracker, MeterRegistry registry, LongSupplier clockMs,
                     IntFunction<EventFeed> feeds) {
        this.settings = settings;
        this.serviceDir = serviceDir;
        this.nodeId = nodeId;
        this.kafka = kafka;
        this.tracker = tracker;
        this.clockMs = clockMs;
        this.feeds = feeds != null ? feeds : this::kafkaFeed;
        this.metrics = new AnchorMetrics(registry, settings.chainId());
        this.registry = registry;
    }

    /** Adds a listener of every local validator's commits and views (tests, benchmarks). */
    public void addListener(DriverListener listener) {
        listeners.add(listener);
    }

    /**
     * Enrols missing local validators, checks the roster, and starts publisher, validators and follower.
     *
     * @throws RosterException if identities cannot be issued or loaded or a certificate is not acceptable
     * @throws IOException if a validator's files cannot be opened
     */
    public synchronized void start() throws RosterException, IOException {
        Instant now = Instant.ofEpochMilli(clockMs.getAsLong());
        files = new ValidatorFiles(settings.validatorsDir(serviceDir));
        ValidatorEnrolment.Settings enrol = new ValidatorEnrolment.Settings(files, settings.roles(), settings.chainId(),
                settings.caDir(serviceDir), settings.caPassphrase(), settings.caConfig(), settings.keyPassphrase(),
                settings.keyPbkdf2Iterations(), settings.keyKind());
        List<Integer> enrolled = ValidatorEnrolment.ensureEnrolled(enrol, settings.localValidators(), now);
        if (!enrolled.isEmpty()) {
            LOG.info("chain {}: validators {} enrolled with the registry CA", settings.chainId(), enrolled);
        }
        roster = ValidatorEnrolment.roster(files, settings.roles(), settings.caDir(serviceDir), now);
        for (int id : settings.localValidators()) {
            identities.put(id, ValidatorEnrolment.load(files, id, settings.keyPassphrase()));
        }
        pbft = settings.pbft(roster.validatorSet());
        EvidenceRuntime ev = EvidenceRuntime.create(settings, enrol, roster, serviceDir, nodeId, kafka, tracker,
                registry, clockMs);
        evidence = ev;
        if (ev.stamper() != null) {
            listeners.add(ev.stamper());
        }
        if (settings.transport() == AnchorSettings.Transport.MEMORY) {
            bus = new InMemoryBus(roster.size());
        }
        if (kafka != null && settings.publishBlocks()) {
            publisher = new ChainPublisher(kafka, settings.chainId(), settings.blocksTopic(), settings.viewsTopic(),
                    roster, tracker, SERVICE, 30_000);
            publisher.start();
        }
        long oldestHead = Long.MAX_VALUE;
        for (int id : settings.localValidators()) {
            oldestHead = Math.min(oldestHead, startValidator(id).status().headTimeMs());
        }
        if (kafka != null && settings.followBlocksTopic()) {
            follower = new BlocksTopicFollower(kafka, nodeId + "-chain-blocks-follower", settings.blocksTopic(),
                    settings.chainId(), roster, this::runningDrivers, tracker, SERVICE);
            follower.start(Math.max(0, oldestHead - CLOCK_MARGIN_MS));
        }
        ev.start();
    }

    /**
     * Starts (or restarts) local validator {@code id} from its files.
     *
     * @throws IOException if its files cannot be opened
     */
    public synchronized ValidatorDriver startValidator(int id) throws IOException {
        ValidatorIdentity identity = identities.get(id);
        if (identity == null) {
            throw new IllegalArgumentException("validator " + id + " does not run on this node");
        }
        if (drivers.containsKey(id)) {
            throw new IllegalStateException("validator " + id + " is running");
        }
        ValidatorDriver d = new ValidatorDriver(id, pbft, identity.signer(), roster.signatureVerifier(),
                files.validatorDir(id), settings.driver(), new FanIn(), clockMs);
        d.start(handler -> transport(identity, handler), feeds.apply(id));
        drivers.put(id, d);
        BlocksTopicFollower f = follower;
        if (f != null) {
            f.rewind(Math.max(0, d.status().headTimeMs() - CLOCK_MARGIN_MS));
        }
        return d;
    }

    /** Stops local validator {@code id} (its files stay); no-op if it is not running. */
    public void stopValidator(int id) {
        ValidatorDriver d;
        synchronized (this) {
            d = drivers.remove(id);
        }
        if (d != null) {
            d.close();
        }
    }

    private PeerTransport transport(ValidatorIdentity identity, InboundHandler handler) {
        if (bus != null) {
            return bus.attach(identity.id(), handler);
        }
        try {
            ValidatorTls tls = ValidatorTls.create(identity, roster, () -> Instant.ofEpochMilli(clockMs.getAsLong()));
            Map<Integer, java.net.InetSocketAddress> peers = settings.peers();
            return TlsTransport.start(identity.id(), tls, peers.get(identity.id()), peers, handler,
                    TlsTransport.Settings.defaults());
        } catch (IOException e) {
            throw new UncheckedIOException("validator " + identity.id() + " cannot listen on "
                    + settings.peers().get(identity.id()), e);
        }
    }

    private EventFeed kafkaFeed(int id) {
        if (kafka == null) {
            throw new IllegalStateException("no Kafka and no event feed given");
        }
        return new KafkaEventFeed(kafka, nodeId + "-chain-anchor-v" + id, settings.anchoredTopics(), 1_000, tracker,
                SERVICE);
    }

    /** The running local validators. */
    public synchronized List<ValidatorDriver> runningDrivers() {
        return new ArrayList<>(drivers.values());
    }

    /** Status of every running local validator, by id. */
    public synchronized List<ValidatorStatus> statuses() {
        List<ValidatorStatus> out = new ArrayList<>();
        for (ValidatorDriver d : drivers.values()) {
            out.add(d.status());
        }
        return out;
    }

    /** Highest block height seen on the blocks topic since start (0 without Kafka or before the first block). */
    public long blocksTopicHeight() {
        BlocksTopicFollower f = follower;
        return f == null ? 0 : f.seenHeight();
    }

    /**
     * The readiness latch: once {@code now} was true, stays true (a validator that falls behind later is lag, not
     * catching up).
     *
     * @param now whether every local validator is within the allowed lag now
     * @return whether this node has caught up once
     */
    public boolean latchCaughtUp(boolean now) {
        if (now) {
            caughtUp.set(true);
        }
        return caughtUp.get();
    }

    /** The checked roster (after {@link #start}). */
    public synchronized ValidatorRoster roster() {
        return roster;
    }

    /** The in-memory bus (memory transport only), e.g. for tests that watch every message. */
    public synchronized InMemoryBus bus() {
        return bus;
    }

    /** The publisher, or null when this node does not publish. */
    public synchronized ChainPublisher publisher() {
        return publisher;
    }

    /** The evidence API over this node's index of the chain, or null when it serves none (no Kafka, or off). */
    public EvidenceService evidence() {
        EvidenceRuntime ev = evidence;
        return ev == null ? null : ev.service();
    }

    /** Time-stamping and evidence-index progress, for health (empty before start). */
    public JsonObject evidenceDetails() {
        EvidenceRuntime ev = evidence;
        return ev == null ? new JsonObject() : ev.details();
    }

    /** The metrics. */
    public AnchorMetrics metrics() {
        return metrics;
    }

    /** The settings. */
    public AnchorSettings settings() {
        return settings;
    }

    @Override
    public void close() {
        List<ValidatorDriver> running;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            running = new ArrayList<>(drivers.values());
            drivers.clear();
        }
        if (follower != null) {
            follower.close();
        }
        EvidenceRuntime ev = evidence;
        if (ev != null) {
            ev.close();
        }
        for (ValidatorDriver d : running) {
            d.close();
        }
        if (publisher != null) {
            publisher.close();
        }
    }

    /** Routes every driver's reports to metrics, publisher and extra listeners. */
    private final class FanIn implements DriverListener {
        @Override
        public void onCommitted(int validator, CommittedBlock block, long commitTimeMs, long[] appendTimesMs) {
            metrics.committed(block, commitTimeMs, appendTimesMs);
            ChainPublisher p = publisher;
            if (p != null) {
                p.submitBlocks(List.of(block));
            }
            for (DriverListener l : listeners) {
                l.onCommitted(validator, block, commitTimeMs, appendTimesMs);
            }
        }

        @Override
        public void onViewEntered(int validator, long previousView, long view, int primary, long height) {
            LOG.info("chain {}: validator {} entered view {} (was {}), primary {}, committed height {}",
                    settings.chainId(), validator, view, previousView, primary, height);
            metrics.viewEntered(view);
            ChainPublisher p = publisher;
            if (p != null) {
                p.submitView(previousView, view, primary, height, clockMs.getAsLong());
            }
            for (DriverListener l : listeners) {
                l.onViewEntered(validator, previousView, view, primary, height);
            }
        }

        @Override
        public void onRestored(int validator, List<CommittedBlock> blocks) {
            ChainPublisher p = publisher;
            if (p != null) {
                p.submitBlocks(blocks);
            }
            for (DriverListener l : listeners) {
                l.onRestored(validator, blocks);
            }
        }
    }
}
