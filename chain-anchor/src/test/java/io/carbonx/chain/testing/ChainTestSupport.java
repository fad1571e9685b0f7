package io.carbonx.chain.testing;

import io.carbonx.chain.core.block.LogEvent;
import io.carbonx.chain.core.block.TopicPartition;
import io.carbonx.chain.core.pbft.CertificateVerifier;
import io.carbonx.chain.feed.MemoryEventFeed;
import io.carbonx.chain.feed.MemoryLog;
import io.carbonx.chain.feed.ReadEvent;
import io.carbonx.chain.identity.ValidatorRoster;
import io.carbonx.chain.service.AnchorSettings;
import io.carbonx.chain.service.ChainNode;
import io.carbonx.eventlog.KafkaClients;
import io.carbonx.eventlog.runtime.KafkaClientTracker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;

/** Settings and nodes for tests: a CA of their own, fast key derivation, small blocks, short timers. */
public final class ChainTestSupport {

    /** Passphrase of test CAs and keys (at least 12 characters). */
    public static final String PASSPHRASE = "test-passphrase-0123";

    private ChainTestSupport() {
    }

    /** Settings rooted in {@code dir} (CA in {@code dir/ca}, validators in {@code dir/validators}). */
    public static AnchorSettings settings(Path dir, JsonObject overrides) {
        JsonObject json = new JsonObject()
                .put("chainId", "test-chain")
                .put("caDir", dir.resolve("ca").toString())
                .put("validatorsDir", dir.resolve("validators").toString())
                .put("caPassphrase", PASSPHRASE)
                .put("keyPassphrase", PASSPHRASE)
                .put("caPbkdf2Iterations", 1000)
                .put("keyPbkdf2Iterations", 1000)
                .put("maxBlockEvents", 50)
                .put("maxBlockMs", 5)
                .put("tickMs", 5)
                .put("viewTimeoutMs", 500)
                .put("checkpointInterval", 4)
                .put("watermarkWindow", 16)
                .put("retransmitMs", 100)
                .put("statusMs", 250);
        return AnchorSettings.of(json.mergeIn(overrides));
    }

    /** A node whose validators read {@code log} (no Kafka unless {@code kafka} is given). */
    public static ChainNode memoryNode(AnchorSettings s, Path dir, MemoryLog log, KafkaClients kafka) {
        return new ChainNode(s, dir, "test-node", kafka, KafkaClientTracker.NONE, new SimpleMeterRegistry(),
                System::currentTimeMillis, id -> new MemoryEventFeed(log, "feed-" + id, 1000));
    }

    /** The certificate verifier of {@code roster}'s chain. */
    public static CertificateVerifier verifier(String chainId, ValidatorRoster roster) {
        return new CertificateVerifier(chainId, roster.validatorSet(), roster.signatureVerifier());
    }

    /** The events {@code log} holds in {@code tp}, as log events. */
    public static List<LogEvent> events(MemoryLog log, TopicPartition tp) {
        return log.events(tp).stream().map(ChainTestSupport::toLogEvent).toList();
    }

    private static LogEvent toLogEvent(ReadEvent e) {
        return new LogEvent(e.topicPartition(), e.offset(), e.bytes());
    }
}
