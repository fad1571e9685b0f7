package io.carbonx.chain.core.block;

import io.carbonx.chain.core.ByteReader;
import io.carbonx.chain.core.ByteWriter;
import io.carbonx.chain.core.DecodeException;
import io.carbonx.chain.core.Digest;
import io.carbonx.chain.core.Sha256;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A block header. Its hash, {@code SHA-256(canonicalBytes())}, is the block hash that validators
 * vote on and sign.
 *
 * <p>Canonical bytes (big-endian, lengths prefixed): {@code "CXBH"}, version {@code 0x01},
 * chainId (u16 length + UTF-8), height (i64), previousHash (32), merkleRoot (32), treeSize (i64),
 * range count (i32) then per range topic (u16 + UTF-8), partition (i32), fromOffset (i64),
 * toOffsetExclusive (i64), and timeMs (i64).
 *
 * @param chainId the chain this block belongs to
 * @param height 1 for the first block
 * @param previousHash hash of the block at {@code height - 1}; {@link Digest#ZERO} for height 1
 * @param merkleRoot RFC 6962 root over the block's events in canonical order
 * @param treeSize number of events (Merkle leaves), ≥ 1
 * @param ranges one range per topic partition, strictly ascending by topic partition
 * @param timeMs the proposer's logical time when the block was cut
 */
public record BlockHeader(String chainId, long height, Digest previousHash, Digest merkleRoot, long treeSize,
                          List<PartitionRange> ranges, long timeMs) {

    private static final byte[] MAGIC = {'C', 'X', 'B', 'H'};
    private static final int VERSION = 1;
    /** Upper bound on ranges accepted by the decoder. */
    public static final int MAX_RANGES = 1 << 16;

    /** Validates structure; does not check the Merkle root against any events. */
    public BlockHeader {
        Objects.requireNonNull(chainId, "chainId");
        Objects.requireNonNull(previousHash, "previousHash");
        Objects.requireNonNull(merkleRoot, "merkleRoot");
        if (chainId.isEmpty()) {
            throw new IllegalArgumentException("empty chain id");
        }
        if (height < 1) {
            throw new IllegalArgumentException("height must be >= 1, got " + height);
        }
        ranges = List.copyOf(ranges);
        if (ranges.isEmpty() || ranges.size() > MAX_RANGES) {
            throw new IllegalArgumentException("a block covers 1.." + MAX_RANGES + " ranges, got " + ranges.size());
        }
        long maxEvents = 0;
        for (int i = 0; i < ranges.size(); i++) {
            if (i > 0 && ranges.get(i - 1).topicPartition().compareTo(ranges.get(i).topicPartition()) >= 0) {
                throw new IllegalArgumentException("ranges not strictly ascending at " + i);
            }
            maxEvents = Math.addExact(maxEvents, ranges.get(i).span());
        }
        if (treeSize < ranges.size() || treeSize > maxEvents) {
            throw new IllegalArgumentException("tree size " + treeSize + " impossible for ranges " + ranges);
        }
    }

    /** The canonical encoding described in the class comment. */
    public byte[] canonicalBytes() {
        ByteWriter w = new ByteWriter();
        writeTo(w);
        return w.toByteArray();
    }

    /** Appends the canonical encoding to {@code w}. */
    public void writeTo(ByteWriter w) {
        w.raw(MAGIC).u8(VERSION).string(chainId).i64(height).digest(previousHash).digest(merkleRoot).i64(treeSize);
        w.i32(ranges.size());
        for (PartitionRange r : ranges) {
            w.string(r.topicPartition().topic()).i32(r.topicPartition().partition())
                    .i64(r.fromOffset()).i64(r.toOffsetExclusive());
        }
        w.i64(timeMs);
    }

    /** The block hash: SHA-256 of the canonical bytes. */
    public Digest hash() {
        return Sha256.hash(canonicalBytes());
    }

    /**
     * Decodes exactly one header from {@code bytes}.
     *
     * @throws DecodeException if the bytes are not a canonical header
     */
    public static BlockHeader decode(byte[] bytes) {
        ByteReader r = new ByteReader(bytes);
        BlockHeader h = readFrom(r);
        r.expectEnd();
        return h;
    }

    /** Reads one header from {@code r}; the inverse of {@link #writeTo}. */
    public static BlockHeader readFrom(ByteReader r) {
        byte[] magic = r.raw(MAGIC.length);
        if (!Arrays.equals(magic, MAGIC)) {
            throw new DecodeException("not a block header (bad magic)");
        }
        int version = r.u8();
        if (version != VERSION) {
            throw new DecodeException("unsupported header version " + version);
        }
        String chainId = r.string();
        long height = r.i64();
        Digest prev = r.digest();
        Digest root = r.digest();
        long treeSize = r.i64();
        int n = r.count(MAX_RANGES);
        List<PartitionRange> ranges = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String topic = r.string();
            int partition = r.i32();
            long from = r.i64();
            long to = r.i64();
            ranges.add(checked(() -> new PartitionRange(topic, partition, from, to)));
        }
        long timeMs = r.i64();
        return checked(() -> new BlockHeader(chainId, height, prev, root, treeSize, ranges, timeMs));
    }

    private static <T> T checked(Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new DecodeException("invalid header field: " + e.getMessage());
        }
    }
}
