package io.carbonx.chain.core.block;

import io.carbonx.chain.EventRange;
import io.carbonx.chain.core.DecodeException;
import io.carbonx.chain.core.Digest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The canonical header bytes: Avro single-object encoding of {@code io.carbonx.chain.BlockHeader},
 * written by a small encoder that produces exactly what Avro's own {@code BinaryMessageEncoder}
 * produces (pinned by tests against {@code EventCodec}), and read by a strict, bounded decoder that
 * accepts only bytes which re-encode identically (one encoding per header).
 *
 * <p>Avro binary, as used here: {@code long}/{@code int} are zig-zag varints; {@code string} and
 * {@code bytes} are a {@code long} length then the bytes; an array is one block ({@code long} count,
 * the items) then a {@code long} 0. The 10-byte single-object prefix ({@code C3 01} + fingerprint)
 * is taken once from the generated class's own encoder.
 */
final class HeaderCodec {

    /** {@code C3 01} and the CRC-64-AVRO fingerprint of the header schema, little-endian. */
    private static final byte[] PREFIX = prefix();

    private HeaderCodec() {
    }

    private static byte[] prefix() {
        io.carbonx.chain.BlockHeader sample = new io.carbonx.chain.BlockHeader("c", 1L,
                ByteBuffer.wrap(new byte[Digest.LENGTH]), ByteBuffer.wrap(new byte[Digest.LENGTH]), 1L,
                List.of(new EventRange("t", 0, 0L, 1L)), 0L);
        try {
            ByteBuffer b = sample.toByteBuffer();
            byte[] p = new byte[10];
            b.get(p);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException("Avro cannot encode a header sample", e);
        }
    }

    /** True if {@code s} has no unpaired surrogate (so UTF-8 encoding is lossless). */
    static boolean wellFormed(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    static byte[] encode(BlockHeader h) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 + 48 * h.ranges().size());
        out.writeBytes(PREFIX);
        writeString(out, h.chainId());
        writeLong(out, h.height());
        writeBytes(out, h.previousHash().bytes());
        writeBytes(out, h.merkleRoot().bytes());
        writeLong(out, h.treeSize());
        writeLong(out, h.ranges().size());
        for (PartitionRange r : h.ranges()) {
            writeString(out, r.topicPartition().topic());
            writeLong(out, r.topicPartition().partition());
            writeLong(out, r.fromOffset());
            writeLong(out, r.toOffsetExclusive());
        }
        writeLong(out, 0);
        writeLong(out, h.timeMs());
        return out.toByteArray();
    }

    private static void writeLong(ByteArrayOutputStream out, long value) {
        long n = (value << 1) ^ (value >> 63);
        while ((n & ~0x7FL) != 0) {
            out.write((int) ((n & 0x7F) | 0x80));
            n >>>= 7;
        }
        out.write((int) n);
    }

    private static void writeBytes(ByteArrayOutputStream out, byte[] bytes) {
        writeLong(out, bytes.length);
        out.writeBytes(bytes);
    }

    private static void writeString(ByteArrayOutputStream out, String s) {
        writeBytes(out, s.getBytes(StandardCharsets.UTF_8));
    }

    static BlockHeader decode(byte[] bytes) {
        if (bytes.length < PREFIX.length || !Arrays.equals(bytes, 0, PREFIX.length, PREFIX, 0, PREFIX.length)) {
            throw new DecodeException("not a block header (single-object marker or schema fingerprint differs)");
        }
        Reader r = new Reader(bytes, PREFIX.length);
        String chainId = r.string();
        long height = r.varLong();
        Digest prev = r.digest();
        Digest root = r.digest();
        long treeSize = r.varLong();
        long count = r.varLong();
        if (count < 1 || count > BlockHeader.MAX_RANGES) {
            throw new DecodeException("range block count " + count + " outside 1.." + BlockHeader.MAX_RANGES);
        }
        List<PartitionRange> ranges = new ArrayList<>((int) count);
        for (int i = 0; i < count; i++) {
            String topic = r.string();
            long partition = r.varLong();
            long from = r.varLong();
            long to = r.varLong();
            if (partition < 0 || partition > Integer.MAX_VALUE) {
                throw new DecodeException("partition out of range: " + partition);
            }
            ranges.add(construct(() -> new PartitionRange(topic, (int) partition, from, to)));
        }
        if (r.varLong() != 0) {
            throw new DecodeException("ranges must be one array block");
        }
        long timeMs = r.varLong();
        if (r.pos != bytes.length) {
            throw new DecodeException("trailing bytes: " + (bytes.length - r.pos));
        }
        BlockHeader h = construct(() -> new BlockHeader(chainId, height, prev, root, treeSize, ranges, timeMs));
        if (!Arrays.equals(h.canonicalBytes(), bytes)) {
            throw new DecodeException("not the canonical encoding of the header it describes");
        }
        return h;
    }

    private interface Constructor<T> {
        T get();
    }

    private static <T> T construct(Constructor<T> constructor) {
        try {
            return constructor.get();
        } catch (IllegalArgumentException | ArithmeticException | NullPointerException e) {
            throw new DecodeException("invalid header field: " + e.getMessage());
        }
    }

    /** Bounded reader of Avro binary primitives; every length is checked against the input first. */
    private static final class Reader {
        private final byte[] buf;
        private int pos;

        Reader(byte[] buf, int pos) {
            this.buf = buf;
            this.pos = pos;
        }

        long varLong() {
            long n = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                if (pos >= buf.length) {
                    throw new DecodeException("truncated varint at " + pos);
                }
                int b = buf[pos++] & 0xFF;
                n |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    return (n >>> 1) ^ -(n & 1);
                }
            }
            throw new DecodeException("varint longer than 10 bytes at " + pos);
        }

        byte[] bytes(int max) {
            long len = varLong();
            if (len < 0 || len > max || len > buf.length - pos) {
                throw new DecodeException("length " + len + " invalid at " + pos);
            }
            byte[] out = Arrays.copyOfRange(buf, pos, pos + (int) len);
            pos += (int) len;
            return out;
        }

        String string() {
            byte[] utf8 = bytes(BlockHeader.MAX_ENCODED_LENGTH);
            String s = new String(utf8, StandardCharsets.UTF_8);
            if (!Arrays.equals(utf8, s.getBytes(StandardCharsets.UTF_8))) {
                throw new DecodeException("invalid UTF-8");
            }
            return s;
        }

        Digest digest() {
            byte[] d = bytes(Digest.LENGTH);
            if (d.length != Digest.LENGTH) {
                throw new DecodeException("digest of " + d.length + " bytes");
            }
            return Digest.of(d);
        }
    }

    static io.carbonx.chain.BlockHeader toAvro(BlockHeader h) {
        List<EventRange> ranges = new ArrayList<>(h.ranges().size());
        for (PartitionRange r : h.ranges()) {
            ranges.add(new EventRange(r.topicPartition().topic(), r.topicPartition().partition(), r.fromOffset(),
                    r.toOffsetExclusive()));
        }
        return new io.carbonx.chain.BlockHeader(h.chainId(), h.height(), ByteBuffer.wrap(h.previousHash().bytes()),
                ByteBuffer.wrap(h.merkleRoot().bytes()), h.treeSize(), ranges, h.timeMs());
    }

    static BlockHeader fromAvro(io.carbonx.chain.BlockHeader a) {
        List<PartitionRange> ranges = new ArrayList<>(a.getRanges().size());
        for (EventRange r : a.getRanges()) {
            ranges.add(new PartitionRange(r.getTopic(), r.getPartition(), r.getFromOffset(), r.getToOffsetExclusive()));
        }
        return new BlockHeader(a.getChainId(), a.getHeight(), Digest.of(remaining(a.getPreviousHash())),
                Digest.of(remaining(a.getMerkleRoot())), a.getTreeSize(), ranges, a.getTimeMs());
    }

    private static byte[] remaining(ByteBuffer b) {
        ByteBuffer copy = b.duplicate();
        byte[] out = new byte[copy.remaining()];
        copy.get(out);
        return out;
    }
}
