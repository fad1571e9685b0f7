package io.carbonx.chain.evidence.live;

import io.carbonx.chain.core.Digest;
import io.carbonx.chain.core.block.BlockHeader;
import io.carbonx.chain.core.block.ChainState;
import io.carbonx.chain.core.block.PartitionRange;
import io.carbonx.chain.core.block.TopicPartition;
import io.carbonx.chain.core.pbft.message.CommittedBlock;
import io.carbonx.chain.evidence.EventLocation;
import io.carbonx.chain.evidence.StoredBlock;
import io.carbonx.registry.identity.pki.Crls;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * What is anchored, as the {@link EvidenceIndexer} verified it: the committed blocks from height 1 in order (each
 * extends the previous one: the hash chain), with their commit certificates; for each block, the offset range of
 * every partition it covers; for each subject key ({@link EventKeys}), the anchored events that mention it; the
 * time-stamp tokens over block hashes; the participant certificates and the newest CRL the identity events carried.
 * Event bytes are not kept: they stay in the log, where the block's ranges find them.
 *
 * <p>Memory: about 100 bytes per anchored event and key, plus the block headers and certificates (a few hundred
 * bytes per block). Nothing is persisted: a restarted node indexes the chain again from the blocks topic.
 *
 * <p>Thread-safe: one writer (the indexer) and any number of readers; every method is synchronised, and what a
 * reader saw stays true (the index only grows).
 */
public final class AnchorIndex {

    /**
     * An indexed event.
     *
     * @param location      where it is in the log
     * @param height        the committed block holding it
     * @param logicalTimeMs its envelope's logical time (-1 when it did not decode)
     */
    public record Entry(EventLocation location, long height, long logicalTimeMs) {
    }

    /**
     * An event of a block being added.
     *
     * @param location      where it is
     * @param keys          its subject keys ({@link EventKeys#of}); empty when it did not decode
     * @param logicalTimeMs its logical time, or -1
     */
    public record Keyed(EventLocation location, List<String> keys, long logicalTimeMs) {
        /** Copies the keys. */
        public Keyed {
            Objects.requireNonNull(location, "location");
            keys = List.copyOf(keys);
        }
    }

    private record PendingToken(Digest blockHash, byte[] token) {
    }

    private ChainState head;
    private final List<CommittedBlock> blocks = new ArrayList<>();
    private final Map<TopicPartition, TreeMap<Long, long[]>> ranges = new HashMap<>();
    private final Map<String, List<Entry>> keys = new HashMap<>();
    private final Map<String, X509Certificate> certificates = new HashMap<>();
    private final TreeMap<Long, List<byte[]>> tokens = new TreeMap<>();
    private final TreeMap<Long, List<PendingToken>> pendingTokens = new TreeMap<>();
    private X509CRL crl;
    private long events;
    private long rejectedTokens;

    /** An empty index of chain {@code chainId}. */
    public AnchorIndex(String chainId) {
        this.head = ChainState.genesis(chainId);
    }

    /**
     * Adds the next block with its events (in leaf order). The caller has verified the commit certificate and that
     * {@code events} are the block's leaves (count and Merkle root).
     *
     * @throws IllegalArgumentException if the block does not extend the indexed head (nothing changes)
     */
    public synchronized void addBlock(CommittedBlock block, List<Keyed> events) {
        BlockHeader h = block.header();
        head.checkExtends(h).ifPresent(r -> {
            throw new IllegalArgumentException("block " + h.height() + " does not extend indexed head " + head.height()
                    + ": " + r);
        });
        if (events.size() != h.treeSize()) {
            throw new IllegalArgumentException("block " + h.height() + " has " + h.treeSize() + " leaves, "
                    + events.size() + " events given");
        }
        head = head.append(h);
        blocks.add(block);
        for (PartitionRange r : h.ranges()) {
            ranges.computeIfAbsent(r.topicPartition(), k -> new TreeMap<>())
                    .put(r.fromOffset(), new long[] {r.toOffsetExclusive(), h.height()});
        }
        for (Keyed e : events) {
            Entry entry = new Entry(e.location(), h.height(), e.logicalTimeMs());
            for (String k : e.keys()) {
                keys.computeIfAbsent(k, x -> new ArrayList<>(2)).add(entry);
            }
        }
        this.events += events.size();
        List<PendingToken> pending = pendingTokens.remove(h.height());
        if (pending != null) {
            for (PendingToken p : pending) {
                addTimestamp(h.height(), p.blockHash(), p.token());
            }
        }
    }

    /**
     * Adds a time-stamp token over block {@code height}'s hash (a block not yet indexed keeps it until it is). Only
     * the first token per height is kept; a token stated over another hash than the indexed block's is dropped.
     *
     * @return false if dropped for a hash mismatch
     */
    public synchronized boolean addTimestamp(long height, Digest blockHash, byte[] token) {
        if (height > head.height()) {
            pendingTokens.computeIfAbsent(height, k -> new ArrayList<>()).add(new PendingToken(blockHash, token.clone()));
            return true;
        }
        if (height < 1 || !blocks.get((int) (height - 1)).header().hash().equals(blockHash)) {
            rejectedTokens++;
            return false;
        }
        tokens.putIfAbsent(height, List.of(token.clone()));
        return true;
    }

    /** Records a participant certificate (from a ParticipantRegistered event). */
    public synchronized void addCertificate(String participantId, X509Certificate certificate) {
        certificates.put(certificateKey(participantId, certificate.getSerialNumber().toString(16)), certificate);
    }

    /** Keeps {@code newer} if its cRLNumber is higher than the kept CRL's. */
    public synchronized void addCrl(X509CRL newer) {
        if (crl == null || Crls.crlNumber(newer) > Crls.crlNumber(crl)) {
            crl = newer;
        }
    }

    /** The indexed height (0 when empty). */
    public synchronized long height() {
        return head.height();
    }

    /** The indexed head. */
    public synchronized ChainState head() {
        return head;
    }

    /** The newest indexed block holding a time-stamp token (0 when none). */
    public synchronized long latestStampedHeight() {
        return tokens.isEmpty() ? 0 : tokens.lastKey();
    }

    /** Anchored events indexed so far. */
    public synchronized long eventCount() {
        return events;
    }

    /** Tokens dropped because they were over another hash than the indexed block's. */
    public synchronized long rejectedTokens() {
        return rejectedTokens;
    }

    /** The events indexed under {@code key}, in anchoring order. */
    public synchronized List<Entry> find(String key) {
        return List.copyOf(keys.getOrDefault(key, List.of()));
    }

    /** The height of the block whose ranges cover {@code location}, if indexed. */
    public synchronized OptionalLong heightOf(EventLocation location) {
        TreeMap<Long, long[]> r = ranges.get(new TopicPartition(location.topic(), location.partition()));
        Map.Entry<Long, long[]> e = r == null ? null : r.floorEntry(location.offset());
        return e == null || location.offset() >= e.getValue()[0] ? OptionalLong.empty() : OptionalLong.of(e.getValue()[1]);
    }

    /** Committed block {@code height} (1..{@link #height()}). */
    public synchronized CommittedBlock block(long height) {
        if (height < 1 || height > head.height()) {
            throw new IllegalArgumentException("no indexed block " + height + " (height " + head.height() + ")");
        }
        return blocks.get((int) (height - 1));
    }

    /** The indexed blocks {@code from..to} (clamped to 1..height), as stored blocks. */
    public synchronized List<StoredBlock> blocks(long from, long to) {
        List<StoredBlock> out = new ArrayList<>();
        for (long h = Math.max(1, from); h <= Math.min(to, head.height()); h++) {
            CommittedBlock b = blocks.get((int) (h - 1));
            out.add(new StoredBlock(h, b.header().canonicalBytes(), b.certificate()));
        }
        return out;
    }

    /** The tokens kept for block {@code height} (copies). */
    public synchronized List<byte[]> tokens(long height) {
        return tokens.getOrDefault(height, List.of()).stream().map(byte[]::clone).toList();
    }

    /** A participant certificate by participant id and serial (hex, any case). */
    public synchronized Optional<X509Certificate> certificate(String participantId, String serialHex) {
        return Optional.ofNullable(certificates.get(certificateKey(participantId, serialHex)));
    }

    /** The newest CRL the identity events carried, if any. */
    public synchronized Optional<X509CRL> crl() {
        return Optional.ofNullable(crl);
    }

    private static String certificateKey(String participantId, String serialHex) {
        String s = serialHex.toLowerCase(Locale.ROOT).replaceFirst("^0+(?=.)", "");
        return participantId + "/" + s;
    }
}
