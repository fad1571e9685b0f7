package io.carbonx.chain.core;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Big-endian writer for the canonical encodings of chain-anchor (block headers, PBFT payloads).
 * Variable-length fields carry a length prefix so every encoding is unambiguous.
 */
public final class ByteWriter {

    private byte[] buf;
    private int size;

    /** An empty writer. */
    public ByteWriter() {
        this.buf = new byte[128];
    }

    private void ensure(int extra) {
        int needed = Math.addExact(size, extra);
        if (needed > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(needed, buf.length * 2));
        }
    }

    /** One unsigned byte (0..255). */
    public ByteWriter u8(int v) {
        if (v < 0 || v > 0xFF) {
            throw new IllegalArgumentException("u8 out of range: " + v);
        }
        ensure(1);
        buf[size++] = (byte) v;
        return this;
    }

    /** Four bytes, big-endian. */
    public ByteWriter i32(int v) {
        ensure(4);
        for (int shift = 24; shift >= 0; shift -= 8) {
            buf[size++] = (byte) (v >>> shift);
        }
        return this;
    }

    /** Eight bytes, big-endian. */
    public ByteWriter i64(long v) {
        ensure(8);
        for (int shift = 56; shift >= 0; shift -= 8) {
            buf[size++] = (byte) (v >>> shift);
        }
        return this;
    }

    /** The bytes as they are, no length prefix. */
    public ByteWriter raw(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buf, size, bytes.length);
        size += bytes.length;
        return this;
    }

    /** A 4-byte length followed by the bytes. */
    public ByteWriter bytes(byte[] bytes) {
        i32(bytes.length);
        return raw(bytes);
    }

    /** A 2-byte length followed by the UTF-8 bytes; at most 65535 bytes. */
    public ByteWriter string(String s) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        if (utf8.length > 0xFFFF) {
            throw new IllegalArgumentException("string too long: " + utf8.length + " bytes");
        }
        ensure(2);
        buf[size++] = (byte) (utf8.length >>> 8);
        buf[size++] = (byte) utf8.length;
        return raw(utf8);
    }

    /** The 32 digest bytes, no prefix. */
    public ByteWriter digest(Digest d) {
        d.writeTo(this);
        return this;
    }

    /** A copy of what was written. */
    public byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }
}
