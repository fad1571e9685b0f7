package io.carbonx.chain.core.block;

import io.carbonx.chain.core.ByteReader;
import io.carbonx.chain.core.ByteWriter;
import io.carbonx.chain.core.DecodeException;
import io.carbonx.chain.core.Digest;
import io.carbonx.chain.core.Sha256;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A block header. Its hash, {@code SHA-256(canonicalBytes())}, is the block hash that validators
 * vote on and sign.
 *
 * <p><b>Canonical bytes</b>: the Avro single-object encoding of the contract record
 * {@code io.carbonx.chain.BlockHeader} (schemas module): {@code C3 01}, the 8-byte little-endian
 * CRC-64-AVRO fingerprint of the header schema, then the Avro binary encoding of chainId, height,
 * previousHash, merkleRoot, treeSize, ranges (topic, partition, fromOffset, toOffsetExclusive) and
 * timeMs. These are exactly the bytes {@code EventCodec.standard().encode(toAvro())} produces, so any
 * Avro implementation decodes them and a verifier hashes them with any SHA-256 tool. There is one
 * encoding: {@link #decode} accepts only bytes that re-encode identically.
 *
 * <p>Inside PBFT messages, the vote log and the block store a header is written as its canonical
 * bytes with a 4-byte big-endian length prefix ({@link #writeTo}).
 *
 * <p>Immutable; the canonical bytes and the hash are computed once, at construction.
 */
public final class BlockHeader {

    /** Upper bound on ranges accepted by the decoder. */
    public static final int MAX_RANGES = 1 << 16;
    /** Upper bound on a header's canonical length accepted by the decoder. */
    public static final int MAX_ENCODED_LENGTH = 16 << 20;

    private final String chainId;
    private final long height;
    private final Digest previousHash;
    private final Digest merkleRoot;
    private final long treeSize;
    private final List<PartitionRange> ranges;
    private final long timeMs;
    private final byte[] canonical;
    private final Digest hash;

    /**
     * Validates structure; does not check the Merkle root against any events.
     *
     * @param chainId the chain this block belongs to (valid Unicode, non-empty)
     * @param height 1 for the first block
     * @param previousHash hash of the block at {@code height - 1}; {@link Digest#ZERO} for height 1
     * @param merkleRoot RFC 6962 root over the block's events in canonical order
     * @param treeSize number of events (Merkle leaves), ≥ 1
     * @param ranges one range per topic partition, strictly ascending by topic partition
     * @param timeMs the proposer's logical time when the block was cut
     * @throws IllegalArgumentException for any structural violation
     */
    public BlockHeader(String chainId, long height, Digest previousHash, Digest merkleRoot, long treeSize,
                       List<PartitionRange> ranges, long timeMs) {
        this.chainId = Objects.requireNonNull(chainId, "chainId");
        this.previousHash = Objects.requireNonNull(previousHash, "previousHash");
        this.merkleRoot = Objects.requireNonNull(merkleRoot, "merkleRoot");
        if (chainId.isEmpty() || !HeaderCodec.wellFormed(chainId)) {
            throw new IllegalArgumentException("chain id must be non-empty, well-formed Unicode");
        }
        if (height < 1) {
            throw new IllegalArgumentException("height must be >= 1, got " + height);
        }
        this.ranges = List.copyOf(ranges);
        if (this.ranges.isEmpty() || this.ranges.size() > MAX_RANGES) {
            throw new IllegalArgumentException("a block covers 1.." + MAX_RANGES + " ranges, got " + ranges.size());
        }
        long maxEvents = 0;
        for (int i = 0; i < this.ranges.size(); i++) {
            PartitionRange r = this.ranges.get(i);
            if (i > 0 && this.ranges.get(i - 1).topicPartition().compareTo(r.topicPartition()) >= 0) {
                throw new IllegalArgumentException("ranges not strictly ascending at " + i);
            }
            if (!HeaderCodec.wellFormed(r.topicPartition().topic())) {
                throw new IllegalArgumentException("topic name is not well-formed Unicode at " + i);
            }
            maxEvents = Math.addExact(maxEvents, r.span());
        }
        if (treeSize < this.ranges.size() || treeSize > maxEvents) {
            throw new IllegalArgumentException("tree size " + treeSize + " impossible for ranges " + ranges);
        }
        this.height = height;
        this.treeSize = treeSize;
        this.timeMs = timeMs;
        this.canonical = HeaderCodec.encode(this);
        this.hash = Sha256.hash(canonical);
    }

    /** The chain id. */
    public String chainId() {
        return chainId;
    }

    /** The height (1 for the first block). */
    public long height() {
        return height;
    }

    /** Hash of the previous block ({@link Digest#ZERO} at height 1). */
    public Digest previousHash() {
        return previousHash;
    }

    /** RFC 6962 Merkle root over the block's events in canonical order. */
    public Digest merkleRoot() {
        return merkleRoot;
    }

    /** Number of events. */
    public long treeSize() {
        return treeSize;
    }

    /** The ranges, ascending by topic partition. */
    public List<PartitionRange> ranges() {
        return ranges;
    }

    /** The proposer's logical time. */
    public long timeMs() {
        return timeMs;
    }

    /** A copy of the canonical encoding described in the class comment. */
    public byte[] canonicalBytes() {
        return canonical.clone();
    }

    /** Length of the canonical encoding. */
    public int encodedLength() {
        return canonical.length;
    }

    /** Appends the canonical bytes with a 4-byte length prefix to {@code w}. */
    public void writeTo(ByteWriter w) {
        w.bytes(canonical);
    }

    /** The block hash: SHA-256 of the canonical bytes. */
    public Digest hash() {
        return hash;
    }

    /** This header as the contract's generated Avro record. */
    public io.carbonx.chain.BlockHeader toAvro() {
        return HeaderCodec.toAvro(this);
    }

    /**
     * The header an Avro record describes.
     *
     * @throws IllegalArgumentException if the record violates a structural rule (see the constructor)
     */
    public static BlockHeader fromAvro(io.carbonx.chain.BlockHeader avro) {
        return HeaderCodec.fromAvro(avro);
    }

    /**
     * Decodes exactly one header from its canonical bytes.
     *
     * @throws DecodeException if the bytes are not a canonical header (bad marker or fingerprint,
     *     truncated, trailing bytes, a non-canonical Avro encoding, or a structurally invalid header)
     */
    public static BlockHeader decode(byte[] bytes) {
        return HeaderCodec.decode(bytes);
    }

    /** Reads one length-prefixed header from {@code r}; the inverse of {@link #writeTo}. */
    public static BlockHeader readFrom(ByteReader r) {
        return decode(r.bytes(MAX_ENCODED_LENGTH));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BlockHeader h && Arrays.equals(canonical, h.canonical);
    }

    @Override
    public int hashCode() {
        return hash.hashCode();
    }

    @Override
    public String toString() {
        return "BlockHeader[" + chainId + " #" + height + " " + hash + ", " + treeSize + " events, ranges=" + ranges
                + ", timeMs=" + timeMs + "]";
    }
}
