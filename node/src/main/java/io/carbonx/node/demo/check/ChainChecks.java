package io.carbonx.node.demo.check;

import io.carbonx.chain.core.block.BlockHeader;
import io.carbonx.chain.core.block.PartitionRange;
import io.carbonx.events.BlockCommitted;
import io.carbonx.node.client.Report;
import io.carbonx.node.client.TopicReader;
import io.carbonx.node.client.chain.AnchoredEvents;
import io.carbonx.node.client.chain.BlockLog;
import io.carbonx.node.client.chain.ChainVerifier;
import io.carbonx.node.client.chain.ValidatorCertificates;
import io.carbonx.registry.identity.CertificateValidator;
import io.carbonx.schemas.TopicSpec;
import io.carbonx.schemas.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.TopicPartition;

/**
 * The chain against the log: whether the committed blocks cover every anchored topic up to given end offsets
 * ({@link #uncovered}), and the end-to-end verification of {@code carbonx chain verify} ({@link ChainVerifier}:
 * heights, hash links, commit certificates against the root; {@link AnchoredEvents}: every block's Merkle root and
 * size recomputed from the log, no record skipped or anchored twice).
 */
public final class ChainChecks {

    /** The check's names. */
    public static final String ANCHORED = "every event anchored";
    public static final String VERIFIED = "chain verified end to end";

    private final TopicReader reader;

    /** @param reader reads the blocks and the anchored topics */
    public ChainChecks(TopicReader reader) {
        this.reader = reader;
    }

    /** End offsets of every anchored topic's partitions now. */
    public Map<TopicPartition, Long> anchoredEnds() {
        Map<TopicPartition, Long> out = new TreeMap<>((a, b) -> a.toString().compareTo(b.toString()));
        for (TopicSpec t : Topics.anchored()) {
            for (TopicPartition tp : reader.partitions(t.name())) {
                out.put(tp, reader.endOffset(tp));
            }
        }
        return out;
    }

    /**
     * The records below {@code ends} that no committed block anchors yet (0 when the chain covers them): for every
     * partition, the committed records from the highest anchored offset up to its end. Transaction markers are not
     * records, so a partition whose only unanchored offsets are markers counts as covered.
     */
    public long uncovered(Map<TopicPartition, Long> ends, List<BlockCommitted> blocks) {
        Map<String, Long> anchoredTo = new TreeMap<>();
        for (BlockCommitted b : blocks) {
            for (PartitionRange r : BlockHeader.fromAvro(b.getHeader()).ranges()) {
                anchoredTo.merge(r.topicPartition().topic() + "#" + r.topicPartition().partition(),
                        r.toOffsetExclusive(), Math::max);
            }
        }
        long missing = 0;
        for (Map.Entry<TopicPartition, Long> e : ends.entrySet()) {
            TopicPartition tp = e.getKey();
            long from = anchoredTo.getOrDefault(tp.topic() + "#" + tp.partition(), 0L);
            if (from < e.getValue()) {
                missing += reader.read(tp, from, e.getValue(), r -> { });
            }
        }
        return missing;
    }

    /** Reads the blocks topic. */
    public BlockLog blocks() {
        return BlockLog.read(reader, Topics.CHAIN_BLOCKS);
    }

    /**
     * The end-to-end verification.
     *
     * @param chainId      the chain
     * @param trust        the consortium root and issuing CA
     * @param certificates the validators' certificates
     * @param validators   n
     */
    public CheckResult verify(String chainId, CertificateValidator trust, ValidatorCertificates certificates,
                              int validators) {
        BlockLog log = blocks();
        ChainVerifier.Result result = new ChainVerifier(chainId, trust, certificates, validators).verify(log.blocks());
        Report report = result.report();
        if (log.undecodable() > 0) {
            report.fail("blocks topic", log.undecodable() + " records are not decodable events");
        }
        long events = 0;
        if (!result.headers().isEmpty()) {
            events = new AnchoredEvents(reader).check(result.headers(), report);
        }
        List<String> problems = new ArrayList<>();
        report.failures().forEach(l -> problems.add(l.check() + ": " + l.detail()));
        return CheckResult.of(VERIFIED, problems, "height " + result.height() + ", " + result.events()
                + " events in blocks; headers, hash links and " + validators + "-validator commit certificates verify"
                + " against the consortium root; " + events + " events read back from the log match every block's"
                + " Merkle root", report.failures().size() + " chain check(s) failed");
    }
}
