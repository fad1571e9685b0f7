package io.carbonx.chain.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.carbonx.chain.core.Digest;
import io.carbonx.chain.core.block.BlockBuilder;
import io.carbonx.chain.core.block.BlockHeader;
import io.carbonx.chain.core.block.LogEvent;
import io.carbonx.chain.core.block.PartitionRange;
import io.carbonx.chain.core.block.TopicPartition;
import io.carbonx.chain.core.pbft.CertificateVerifier;
import io.carbonx.chain.core.pbft.message.CommittedBlock;
import io.carbonx.chain.core.pbft.message.Commit;
import io.carbonx.chain.core.pbft.message.SignedMessage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/** The chain invariants every runtime test checks on what validators committed. */
public final class ChainAssertions {

    private ChainAssertions() {
    }

    /**
     * {@code blocks} (heights 1..n) form a hash chain from genesis, every certificate holds a quorum of valid
     * signatures from distinct validators over its block's hash, and every block's Merkle root and tree size
     * are those of the events {@code log} holds in its ranges.
     */
    public static void assertValidChain(List<CommittedBlock> blocks, CertificateVerifier verifier,
                                        Function<TopicPartition, List<LogEvent>> log) {
        Digest previous = Digest.ZERO;
        for (int i = 0; i < blocks.size(); i++) {
            CommittedBlock b = blocks.get(i);
            BlockHeader h = b.header();
            assertThat(h.height()).as("height").isEqualTo(i + 1);
            assertThat(h.previousHash()).as("previous hash of %d", h.height()).isEqualTo(previous);
            assertThat(verifier.verifyCommitCertificate(h, b.certificate()).isOk())
                    .as("certificate of %d: %s", h.height(), verifier.verifyCommitCertificate(h, b.certificate()))
                    .isTrue();
            Set<Integer> signers = new HashSet<>();
            for (SignedMessage<Commit> c : b.certificate().commits()) {
                signers.add(c.author());
            }
            assertThat(signers).hasSizeGreaterThanOrEqualTo(verifier.validators().quorum());
            List<LogEvent> events = new ArrayList<>();
            for (PartitionRange r : h.ranges()) {
                for (LogEvent e : log.apply(r.topicPartition())) {
                    if (e.offset() >= r.fromOffset() && e.offset() < r.toOffsetExclusive()) {
                        events.add(e);
                    }
                }
            }
            assertThat((long) events.size()).as("tree size of %d", h.height()).isEqualTo(h.treeSize());
            assertThat(BlockBuilder.rootOf(events)).as("Merkle root of %d", h.height()).isEqualTo(h.merkleRoot());
            previous = h.hash();
        }
    }

    /**
     * The blocks' ranges cover every partition of {@code ends} contiguously from offset 0 to its end, each offset
     * exactly once (so every event is in exactly one block).
     */
    public static void assertCoversExactly(List<CommittedBlock> blocks, Map<TopicPartition, Long> ends) {
        Map<TopicPartition, Long> next = new TreeMap<>();
        for (CommittedBlock b : blocks) {
            for (PartitionRange r : b.header().ranges()) {
                long expected = next.getOrDefault(r.topicPartition(), 0L);
                assertThat(r.fromOffset()).as("range of %s in block %d", r.topicPartition(), b.height())
                        .isEqualTo(expected);
                next.put(r.topicPartition(), r.toOffsetExclusive());
            }
        }
        assertThat(next).isEqualTo(new TreeMap<>(ends));
    }

    /** Validators that committed a height committed the same block there. */
    public static void assertAgree(Map<Integer, List<CommittedBlock>> byValidator) {
        Map<Long, Digest> seen = new TreeMap<>();
        byValidator.forEach((id, blocks) -> {
            for (CommittedBlock b : blocks) {
                Digest d = seen.putIfAbsent(b.height(), b.header().hash());
                assertThat(d == null || d.equals(b.header().hash()))
                        .as("validator %d disagrees at height %d", id, b.height()).isTrue();
            }
        });
    }
}
