package io.carbonx.chain.service;

import io.carbonx.chain.evidence.EvidenceService;
import io.carbonx.chain.evidence.live.AnchorIndex;
import io.carbonx.chain.evidence.live.EvidenceIndexer;
import io.carbonx.chain.evidence.live.LiveEvidenceSource;
import io.carbonx.chain.evidence.live.LogReader;
import io.carbonx.chain.identity.RosterException;
import io.carbonx.chain.identity.TsaEnrolment;
import io.carbonx.chain.identity.ValidatorEnrolment;
import io.carbonx.chain.identity.ValidatorFiles;
import io.carbonx.chain.identity.ValidatorRoster;
import io.carbonx.chain.runtime.BlockStamper;
import io.carbonx.chain.timestamp.LocalTimestampClient;
import io.carbonx.chain.timestamp.TimestampAuthority;
import io.carbonx.chain.timestamp.TimestampClient;
import io.carbonx.chain.timestamp.TimestampClients;
import io.carbonx.eventlog.KafkaClients;
import io.carbonx.eventlog.runtime.KafkaClientTracker;
import io.carbonx.registry.identity.pki.CaStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A node's time-stamping and evidence parts: the {@link BlockStamper} (when this node time-stamps, see
 * {@link AnchorSettings#timestamping()}) and the evidence index over the running chain ({@link EvidenceIndexer},
 * {@link LiveEvidenceSource}) behind an {@link EvidenceService}. Built by {@link ChainNode#start} after the roster is
 * checked (the stamper must listen before the validators start), started after them. Either part may be absent: no
 * Kafka, {@code timestamping: off}, {@code evidence: false}.
 */
final class EvidenceRuntime implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EvidenceRuntime.class);
    private static final String SERVICE = "chain-anchor";

    private final BlockStamper stamper;
    private final AnchorIndex index;
    private final EvidenceIndexer indexer;
    private final LogReader reader;
    private final EvidenceService service;

    private EvidenceRuntime(BlockStamper stamper, AnchorIndex index, EvidenceIndexer indexer, LogReader reader,
                            EvidenceService service) {
        this.stamper = stamper;
        this.index = index;
        this.indexer = indexer;
        this.reader = reader;
        this.service = service;
    }

    /**
     * Creates the parts {@code s} asks for (none without Kafka); the TSA identity is issued if needed.
     *
     * @throws RosterException if the TSA identity cannot be issued or loaded, or the CA certificates not read
     */
    static EvidenceRuntime create(AnchorSettings s, ValidatorEnrolment.Settings enrol, ValidatorRoster roster,
                                  Path serviceDir, String nodeId, KafkaClients kafka, KafkaClientTracker tracker,
                                  MeterRegistry registry, LongSupplier clockMs) throws RosterException {
        if (kafka == null) {
            return new EvidenceRuntime(null, null, null, null, null);
        }
        BlockStamper stamper = null;
        TimestampClient client = timestampClient(s, enrol, roster, clockMs);
        if (client != null) {
            stamper = new BlockStamper(s.chainId(), client, kafka, s.blocksTopic(), s.stampIntervalMs(), tracker,
                    SERVICE);
            LOG.info("chain {}: time-stamping committed blocks with TSA {}", s.chainId(), client.tsaName());
        }
        if (!s.evidence()) {
            return new EvidenceRuntime(stamper, null, null, null, null);
        }
        ValidatorFiles files = enrol.files();
        LiveEvidenceSource.Consortium consortium = new LiveEvidenceSource.Consortium(
                ValidatorFiles.readCertificate(files.rootFile()), ValidatorFiles.readCertificate(files.issuingFile()),
                roster.members().stream().map(ValidatorRoster.Member::certificate).toList(),
                s.caDir(serviceDir).resolve(CaStore.CRL));
        AnchorIndex index = new AnchorIndex(s.chainId());
        EvidenceIndexer indexer = new EvidenceIndexer(kafka, nodeId + "-chain-evidence", s.blocksTopic(), roster,
                s.chainId(), consortium.issuingCa(), index, tracker, SERVICE);
        LogReader reader = new LogReader(kafka, nodeId + "-chain-evidence-reader", 30_000, tracker, SERVICE);
        LiveEvidenceSource source = new LiveEvidenceSource(s.chainId(), index, reader, consortium, s.anchoredTopics(),
                s.evidenceTailScanLimit());
        EvidenceService service = new EvidenceService(source, r -> {
            registry.counter("carbonx.chain.evidence.requests", "granted", Boolean.toString(r.granted()),
                    "kind", r.subject().kind().word()).increment();
            LOG.info("evidence request by {}: {} -> {} ({})", r.caller() == null ? "anonymous"
                    : r.caller().role() + " " + r.caller().participantId(), r.subject(),
                    r.granted() ? "granted" : "refused", r.reason());
        });
        return new EvidenceRuntime(stamper, index, indexer, reader, service);
    }

    private static TimestampClient timestampClient(AnchorSettings s, ValidatorEnrolment.Settings enrol,
                                                   ValidatorRoster roster, LongSupplier clockMs) throws RosterException {
        AnchorSettings.Timestamping mode = s.timestamping();
        int operator = s.tsaOperator();
        switch (mode) {
            case OFF:
                return null;
            case HTTP:
                return TimestampClients.create(s.tsaHttp(), null, Clock.systemUTC(), HttpClient.newHttpClient(),
                        new SecureRandom());
            case CONSORTIUM:
                if (operator < 0) {
                    throw new IllegalArgumentException("timestamping: consortium needs a local validator of role "
                            + s.json().getString("tsaValidatorRole") + " (localValidators " + s.localValidators() + ")");
                }
                break;
            default:
                if (operator < 0) {
                    return null;
                }
        }
        TimestampAuthority tsa = TsaEnrolment.ensure(enrol, roster, operator, Instant.ofEpochMilli(clockMs.getAsLong()),
                new SecureRandom());
        return new LocalTimestampClient(tsa, new NodeClock(clockMs), new SecureRandom());
    }

    /** The node's clock as a {@link Clock} (UTC): the TSA's genTime is the time the node runs on. */
    private static final class NodeClock extends Clock {
        private final LongSupplier ms;

        NodeClock(LongSupplier ms) {
            this.ms = ms;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return zone.equals(ZoneOffset.UTC) ? this : Clock.fixed(instant(), zone);
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(ms.getAsLong());
        }
    }

    /** The stamper to register as a driver listener, or null. */
    BlockStamper stamper() {
        return stamper;
    }

    /** The evidence API, or null when this node serves none. */
    EvidenceService service() {
        return service;
    }

    /** Starts the stamper and the indexer. */
    void start() {
        if (stamper != null) {
            stamper.start();
        }
        if (indexer != null) {
            indexer.start();
        }
    }

    /** Health details: stamper and index progress. */
    JsonObject details() {
        JsonObject d = new JsonObject();
        if (stamper != null) {
            JsonObject st = new JsonObject().put("stampedHeight", stamper.stampedHeight());
            if (stamper.failure() != null) {
                st.put("failure", stamper.failure());
            }
            d.put("timestamping", st);
        }
        if (index != null) {
            JsonObject ev = new JsonObject().put("indexedHeight", index.height())
                    .put("bundledHeight", index.latestStampedHeight()).put("seenHeight", indexer.seenHeight())
                    .put("indexedEvents", index.eventCount());
            if (indexer.failure() != null) {
                ev.put("failure", indexer.failure());
            }
            d.put("evidence", ev);
        }
        return d;
    }

    @Override
    public void close() {
        if (stamper != null) {
            stamper.close();
        }
        if (indexer != null) {
            indexer.close();
        }
        if (reader != null) {
            reader.close();
        }
    }
}
