package io.carbonx.chain.evidence.live;

import io.carbonx.chain.core.Digest;
import io.carbonx.chain.core.pbft.CertificateVerifier;
import io.carbonx.chain.core.pbft.Verdict;
import io.carbonx.chain.core.pbft.message.CommittedBlock;
import io.carbonx.chain.evidence.EventFacts;
import io.carbonx.chain.identity.ValidatorRoster;
import io.carbonx.chain.runtime.BlockEvents;
import io.carbonx.eventlog.KafkaClients;
import io.carbonx.eventlog.runtime.KafkaClientTracker;
import io.carbonx.events.BlockCommitted;
import io.carbonx.events.BlockTimestamped;
import io.carbonx.events.CertificateRevoked;
import io.carbonx.events.ParticipantRegistered;
import io.carbonx.registry.identity.pki.BcProvider;
import io.carbonx.registry.identity.pki.Certificates;
import io.carbonx.schemas.EventCodec;
import io.carbonx.schemas.EventDecodingException;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the {@link AnchorIndex} from the running chain: follows the blocks topic ({@code read_committed}) from its
 * beginning, and for each {@code BlockCommitted} of the chain, in height order: verifies the commit certificate
 * against the validator roster (a quorum of valid signatures from distinct validators) and the hash chain, reads
 * the block's events from the anchored topics by the header's offset ranges and checks them against the header
 * (count and Merkle root, {@link BlockContent}), decodes them, and indexes their subject keys; identity events
 * also give the participant certificates and CRLs. {@code BlockTimestamped} events give the time-stamp tokens.
 *
 * <p>Nothing is trusted blindly: a block whose certificate does not verify or that does not extend the indexed
 * head is skipped (logged), and a block whose events in the log differ from its header stops indexing there
 * ({@link #failure()}, retried every few seconds). Each event is read from the log once while indexing; the index
 * keeps no event bytes. One thread; blocks in {@code poll}; no spinning.
 */
public final class EvidenceIndexer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EvidenceIndexer.class);
    private static final long RETRY_MS = 2_000;

    private final KafkaClients clients;
    private final String clientId;
    private final String blocksTopic;
    private final String chainId;
    private final ValidatorRoster roster;
    private final CertificateVerifier verifier;
    private final X509Certificate issuingCa;
    private final AnchorIndex index;
    private final LogReader reader;
    private final KafkaClientTracker tracker;
    private final String service;
    private final EventCodec codec = EventCodec.standard();
    private final TreeMap<Long, List<CommittedBlock>> pending = new TreeMap<>();
    private volatile KafkaConsumer<byte[], byte[]> consumer;
    private volatile boolean running;
    private volatile String failure;
    private volatile long seenHeight;
    private long retryAtMs;
    private Thread thread;

    /**
     * @param clientId  client id prefix of its two consumers
     * @param issuingCa the issuing CA (CRLs from identity events are kept only if it signed them)
     * @param index     the index to fill
     */
    public EvidenceIndexer(KafkaClients clients, String clientId, String blocksTopic, ValidatorRoster roster,
                           String chainId, X509Certificate issuingCa, AnchorIndex index, KafkaClientTracker tracker,
                           String service) {
        this.clients = clients;
        this.clientId = clientId;
        this.blocksTopic = blocksTopic;
        this.chainId = chainId;
        this.roster = roster;
        this.verifier = new CertificateVerifier(chainId, roster.validatorSet(), roster.signatureVerifier());
        this.issuingCa = issuingCa;
        this.index = index;
        this.tracker = tracker;
        this.service = service;
        this.reader = new LogReader(clients, clientId + "-log", 30_000, tracker, service);
    }

    /** Starts following the blocks topic from its beginning. */
    public synchronized void start() {
        running = true;
        thread = new Thread(this::runWithRestarts, clientId);
        thread.setDaemon(true);
        thread.start();
    }

    /** Why indexing is stopped at a block, or null while it is fine. */
    public String failure() {
        return failure;
    }

    /** The highest block height seen on the blocks topic. */
    public long seenHeight() {
        return seenHeight;
    }

    /**
     * Follows the blocks topic until closed. A consumer that fails (broker unreachable too long, a client error) is
     * replaced after a pause and reads the topic again from its beginning: blocks already indexed are skipped, tokens
     * already kept are not duplicated.
     */
    private void runWithRestarts() {
        while (running) {
            Map<String, Object> config = new HashMap<>(clients.consumerConfig(clientId + "-blocks",
                    Map.of(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false")));
            config.remove(ConsumerConfig.GROUP_ID_CONFIG);
            KafkaConsumer<byte[], byte[]> c;
            synchronized (this) {
                if (!running) {
                    return;
                }
                c = clients.newConsumer(config);
                consumer = c;
            }
            KafkaClientTracker.Registration registration = tracker.track(c, service);
            try {
                follow(c);
            } catch (WakeupException e) {
                return; // close() asked us to stop
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (running) {
                    failure = "following " + blocksTopic + " failed, restarting: " + e;
                    LOG.error("{}: evidence indexing failed; restarting the consumer", clientId, e);
                }
            } finally {
                registration.close();
                c.close(CloseOptions.timeout(Duration.ofSeconds(2)));
            }
            try {
                Thread.sleep(RETRY_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void follow(KafkaConsumer<byte[], byte[]> c) throws InterruptedException {
        while (running && !assign(c)) {
            Thread.sleep(500);
        }
        while (running) {
            for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(200))) {
                accept(r);
            }
            indexPending();
        }
    }

    private boolean assign(KafkaConsumer<byte[], byte[]> c) {
        List<PartitionInfo> infos;
        try {
            infos = c.partitionsFor(blocksTopic, Duration.ofSeconds(5));
        } catch (KafkaException e) {
            LOG.debug("{}: {} not listable yet: {}", clientId, blocksTopic, e.toString());
            return false;
        }
        if (infos == null || infos.isEmpty()) {
            return false;
        }
        List<TopicPartition> tps = new ArrayList<>();
        infos.forEach(p -> tps.add(new TopicPartition(blocksTopic, p.partition())));
        c.assign(tps);
        c.seekToBeginning(tps);
        return true;
    }

    private void accept(ConsumerRecord<byte[], byte[]> r) {
        if (r.value() == null) {
            return;
        }
        try {
            Class<? extends SpecificRecord> type = codec.typeOf(r.value());
            if (type == BlockCommitted.class) {
                BlockCommitted event = codec.decode(r.value(), BlockCommitted.class);
                if (event.getHeader().getChainId().equals(chainId)) {
                    CommittedBlock b = BlockEvents.fromEvent(event, roster);
                    seenHeight = Math.max(seenHeight, b.height());
                    if (b.height() > index.height()) {
                        pending.computeIfAbsent(b.height(), h -> new ArrayList<>(1)).add(b);
                    }
                }
            } else if (type == BlockTimestamped.class) {
                BlockTimestamped t = codec.decode(r.value(), BlockTimestamped.class);
                if (t.getChainId().equals(chainId) && !index.addTimestamp(t.getHeight(),
                        Digest.of(bytes(t.getBlockHash())), bytes(t.getTimestampToken()))) {
                    LOG.warn("{}: time-stamp {} is over another hash than block {}", clientId,
                            t.getEnvelope().getEventId(), t.getHeight());
                }
            }
        } catch (EventDecodingException | IllegalArgumentException e) {
            LOG.warn("{}: skipping {}-{}@{}: {}", clientId, r.topic(), r.partition(), r.offset(), e.getMessage());
        }
    }

    private void indexPending() {
        pending.headMap(index.height(), true).clear();
        if (System.currentTimeMillis() < retryAtMs) {
            return;
        }
        List<CommittedBlock> candidates;
        while (running && (candidates = pending.get(index.height() + 1)) != null) {
            CommittedBlock next = null;
            for (CommittedBlock b : candidates) {
                Verdict v = verifier.verifyCommitCertificate(b.header(), b.certificate());
                if (!v.isOk()) {
                    LOG.error("{}: block {} on {} has an invalid commit certificate, skipped: {}", clientId,
                            b.height(), blocksTopic, v);
                } else if (index.head().checkExtends(b.header()).isPresent()) {
                    LOG.error("{}: block {} does not extend indexed head: {}", clientId, b.height(),
                            index.head().checkExtends(b.header()).get());
                } else {
                    next = b;
                    break;
                }
            }
            if (next == null) {
                pending.remove(index.height() + 1);
                continue;
            }
            if (!indexBlock(next)) {
                retryAtMs = System.currentTimeMillis() + RETRY_MS;
                return;
            }
            pending.remove(next.height());
        }
    }

    /** Indexes {@code b}; false (with {@link #failure} set) if its events cannot be read or do not match. */
    private boolean indexBlock(CommittedBlock b) {
        BlockContent content;
        try {
            content = BlockContent.read(reader, b.header());
        } catch (LogReader.LogReadException e) {
            failure = "block " + b.height() + ": " + e.getMessage();
            LOG.warn("{}: cannot read the events of block {} yet: {}", clientId, b.height(), e.getMessage());
            return false;
        } catch (BlockContent.MismatchException e) {
            failure = e.getMessage();
            LOG.error("{}: the log does not hold what block {} anchors: {}", clientId, b.height(), e.getMessage());
            return false;
        }
        List<AnchorIndex.Keyed> keyed = new ArrayList<>(content.bytes().size());
        for (int i = 0; i < content.bytes().size(); i++) {
            keyed.add(keyed(content, i));
        }
        index.addBlock(b, keyed);
        failure = null;
        return true;
    }

    private AnchorIndex.Keyed keyed(BlockContent content, int i) {
        byte[] bytes = content.bytes().get(i);
        if (!codec.knowsWriterOf(bytes)) {
            return new AnchorIndex.Keyed(content.locations().get(i), List.of(), -1);
        }
        SpecificRecord event;
        try {
            event = codec.decode(bytes);
        } catch (EventDecodingException e) {
            return new AnchorIndex.Keyed(content.locations().get(i), List.of(), -1);
        }
        identity(event);
        return new AnchorIndex.Keyed(content.locations().get(i), EventKeys.of(event),
                EventFacts.envelope(event).getLogicalTime());
    }

    private void identity(SpecificRecord event) {
        try {
            if (event instanceof ParticipantRegistered r) {
                index.addCertificate(r.getParticipantId(), Certificates.fromDer(bytes(r.getCertificateDer())));
            } else if (event instanceof CertificateRevoked r && r.getCrlDer() != null && r.getCrlDer().remaining() > 0) {
                X509CRL crl = Certificates.crlFromDer(bytes(r.getCrlDer()));
                crl.verify(issuingCa.getPublicKey(), BcProvider.get());
                index.addCrl(crl);
            }
        } catch (GeneralSecurityException | RuntimeException e) {
            LOG.warn("{}: identity event {} not usable for evidence: {}", clientId,
                    EventFacts.envelope(event).getEventId(), e.toString());
        }
    }

    private static byte[] bytes(ByteBuffer b) {
        ByteBuffer d = b.duplicate();
        byte[] out = new byte[d.remaining()];
        d.get(out);
        return out;
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
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        reader.close();
    }
}
