package io.carbonx.chain.evidence;

import io.carbonx.chain.BlockHeader;
import io.carbonx.chain.EventRange;
import io.carbonx.chain.core.Digest;
import io.carbonx.chain.core.Sha256;
import io.carbonx.chain.core.merkle.MerkleTree;
import io.carbonx.chain.core.pbft.Signer;
import io.carbonx.chain.core.pbft.message.Commit;
import io.carbonx.chain.core.pbft.message.CommitCertificate;
import io.carbonx.chain.core.pbft.message.SignedMessage;
import io.carbonx.registry.identity.pki.ParticipantIdentity;
import io.carbonx.schemas.EventCodec;
import java.nio.ByteBuffer;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.apache.avro.specific.SpecificRecord;

/**
 * An {@link EvidenceSource} held in memory, built from real objects: events appended as their single-object
 * encoding to topic partitions, blocks cut over them with real RFC 6962 Merkle trees and Avro headers (block hash
 * = SHA-256 of {@code EventCodec.encode(header)}), commit certificates signed by the validators' real keys, and
 * time-stamp tokens added as a TSA returned them. For tests, benchmarks and demos; the anchoring runtime
 * provides the production source over its block store. Thread-safe (synchronised).
 */
public final class InMemoryEvidenceSource implements EvidenceSource {

    /**
     * A validator's signing key for commit certificates.
     *
     * @param id     validator id (index in the validator set)
     * @param signer its key
     */
    public record ValidatorKey(int id, Signer signer) {
    }

    private record Stored(EventLocation location, byte[] bytes, SpecificRecord record) {
    }

    private record Block(long height, byte[] headerBytes, Digest hash, List<Stored> events, MerkleTree tree,
                         CommitCertificate certificate) {
    }

    private final String chainId;
    private final EventCodec codec = EventCodec.standard();
    private ConsortiumCertificates certificates;
    private final List<Block> blocks = new ArrayList<>();
    private final List<Stored> pending = new ArrayList<>();
    private final Map<String, Long> nextOffset = new TreeMap<>();
    private final Map<String, Long> blockStart = new TreeMap<>();
    private final Map<EventLocation, long[]> anchored = new HashMap<>();
    private final List<Stored> log = new ArrayList<>();
    private final Map<String, X509Certificate> participants = new HashMap<>();
    private final Map<Long, List<byte[]>> tokens = new HashMap<>();

    /** An empty chain. */
    public InMemoryEvidenceSource(String chainId, ConsortiumCertificates certificates) {
        this.chainId = Objects.requireNonNull(chainId, "chainId");
        this.certificates = Objects.requireNonNull(certificates, "certificates");
    }

    /** Appends {@code event} (encoded with the contract codec) to {@code topic}-{@code partition}. */
    public synchronized EventLocation append(String topic, int partition, SpecificRecord event) {
        byte[] bytes = codec.encode(event);
        String key = topic + "/" + partition;
        long offset = nextOffset.getOrDefault(key, 0L);
        nextOffset.put(key, offset + 1);
        EventLocation location = new EventLocation(topic, partition, offset);
        Stored stored = new Stored(location, bytes, codec.decode(bytes));
        pending.add(stored);
        log.add(stored);
        return location;
    }

    /**
     * Cuts a block over every pending event (in topic, partition, offset order) and signs its commit certificate
     * with {@code signers} (none: the block has no certificate yet).
     *
     * @return the new block's height (the first block is 1)
     */
    public synchronized long commitBlock(long timeMs, long view, List<ValidatorKey> signers) {
        if (pending.isEmpty()) {
            throw new IllegalStateException("no pending events");
        }
        List<Stored> events = new ArrayList<>(pending);
        events.sort(Comparator.comparing((Stored s) -> s.location().topic()).thenComparingInt(s -> s.location().partition())
                .thenComparingLong(s -> s.location().offset()));
        pending.clear();
        List<byte[]> leaves = new ArrayList<>();
        Map<String, long[]> ranges = new TreeMap<>();
        for (Stored s : events) {
            leaves.add(s.bytes());
            String key = s.location().topic() + "/" + s.location().partition();
            ranges.computeIfAbsent(key, k -> new long[] {blockStart.getOrDefault(k, 0L), 0})[1] = s.location().offset() + 1;
        }
        List<EventRange> eventRanges = new ArrayList<>();
        for (Map.Entry<String, long[]> r : ranges.entrySet()) {
            int slash = r.getKey().lastIndexOf('/');
            eventRanges.add(EventRange.newBuilder().setTopic(r.getKey().substring(0, slash))
                    .setPartition(Integer.parseInt(r.getKey().substring(slash + 1))).setFromOffset(r.getValue()[0])
                    .setToOffsetExclusive(r.getValue()[1]).build());
            blockStart.put(r.getKey(), r.getValue()[1]);
        }
        MerkleTree tree = MerkleTree.ofData(leaves);
        long height = blocks.size() + 1L;
        Digest previous = blocks.isEmpty() ? Digest.ZERO : blocks.get(blocks.size() - 1).hash();
        BlockHeader header = BlockHeader.newBuilder().setChainId(chainId).setHeight(height)
                .setPreviousHash(ByteBuffer.wrap(previous.bytes())).setMerkleRoot(ByteBuffer.wrap(tree.root().bytes()))
                .setTreeSize(events.size()).setRanges(eventRanges).setTimeMs(timeMs).build();
        byte[] headerBytes = codec.encode(header);
        Digest hash = Sha256.hash(headerBytes);
        List<SignedMessage<Commit>> commits = new ArrayList<>();
        for (ValidatorKey k : signers) {
            commits.add(SignedMessage.sign(chainId, new Commit(view, height, hash), k.id(), k.signer()));
        }
        blocks.add(new Block(height, headerBytes, hash, List.copyOf(events), tree,
                signers.isEmpty() ? null : new CommitCertificate(commits)));
        for (int i = 0; i < events.size(); i++) {
            anchored.put(events.get(i).location(), new long[] {height, i});
        }
        return height;
    }

    /** The hash of block {@code height}. */
    public synchronized byte[] blockHash(long height) {
        return blocks.get((int) (height - 1)).hash().bytes();
    }

    /** Adds a DER {@code TimeStampToken} over block {@code height}'s hash. */
    public synchronized void addTimestampToken(long height, byte[] tokenDer) {
        tokens.computeIfAbsent(height, h -> new ArrayList<>()).add(tokenDer.clone());
    }

    /** Makes a participant certificate available to {@link #participantCertificate}. */
    public synchronized void addParticipantCertificate(X509Certificate certificate) {
        try {
            participants.put(ParticipantIdentity.of(certificate).participantId() + "/"
                    + certificate.getSerialNumber().toString(16), certificate);
        } catch (CertificateParsingException e) {
            throw new IllegalArgumentException("not a participant certificate", e);
        }
    }

    /** Replaces the consortium certificates (e.g. with a newer CRL). */
    public synchronized void setCertificates(ConsortiumCertificates certificates) {
        this.certificates = Objects.requireNonNull(certificates, "certificates");
    }

    @Override
    public String chainId() {
        return chainId;
    }

    @Override
    public synchronized List<EventLocation> eventsByTrade(String tradeId) {
        return where(r -> EventFacts.mentions(r, EvidenceKind.TRADE, tradeId));
    }

    @Override
    public synchronized List<EventLocation> eventsByOrder(String orderId) {
        return where(r -> EventFacts.mentions(r, EvidenceKind.ORDER, orderId));
    }

    @Override
    public synchronized List<EventLocation> eventsByDefault(String defaultId) {
        return where(r -> EventFacts.mentions(r, EvidenceKind.DEFAULT, defaultId));
    }

    @Override
    public synchronized List<EventLocation> eventsByPenalty(String penaltyId) {
        return where(r -> EventFacts.mentions(r, EvidenceKind.PENALTY, penaltyId));
    }

    @Override
    public synchronized List<EventLocation> eventsByParticipant(String participantId, long fromMs, long toMsExclusive) {
        return where(r -> {
            long t = EventFacts.envelope(r).getLogicalTime();
            return t >= fromMs && t < toMsExclusive && EventFacts.involves(r, participantId);
        });
    }

    private List<EventLocation> where(Predicate<SpecificRecord> test) {
        return log.stream().filter(s -> test.test(s.record())).map(Stored::location).toList();
    }

    @Override
    public synchronized Optional<AnchoredEvent> anchoredEvent(EventLocation location) {
        long[] at = anchored.get(location);
        if (at == null) {
            return Optional.empty();
        }
        Block b = blocks.get((int) (at[0] - 1));
        return Optional.of(new AnchoredEvent(location, b.events().get((int) at[1]).bytes(), b.height(),
                b.tree().inclusionProof((int) at[1])));
    }

    @Override
    public synchronized long latestHeight() {
        return blocks.size();
    }

    @Override
    public synchronized List<StoredBlock> blocks(long fromHeight, long toHeight) {
        List<StoredBlock> out = new ArrayList<>();
        for (long h = Math.max(1, fromHeight); h <= Math.min(toHeight, blocks.size()); h++) {
            Block b = blocks.get((int) (h - 1));
            out.add(new StoredBlock(h, b.headerBytes(), b.certificate()));
        }
        return out;
    }

    @Override
    public synchronized ConsortiumCertificates certificates() {
        return certificates;
    }

    @Override
    public synchronized Optional<X509Certificate> participantCertificate(String participantId, String serialHex) {
        return Optional.ofNullable(participants.get(participantId + "/" + serialHex));
    }

    @Override
    public synchronized List<byte[]> timestampTokens(long height) {
        return tokens.getOrDefault(height, List.of()).stream().map(byte[]::clone).toList();
    }
}
