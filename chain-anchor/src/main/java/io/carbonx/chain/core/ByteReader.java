package io.carbonx.chain.core;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Bounds-checked big-endian reader, the inverse of {@link ByteWriter}. Every malformed input ends in
 * a {@link DecodeException}; nothing else escapes, and lengths are checked against what remains
 * before any allocation.
 */
public final class ByteReader {

    private final byte[] buf;
    private int pos;

    /** Reads {@code bytes} (not copied; the caller must not mutate it while reading). */
    public ByteReader(byte[] bytes) {
        this.buf = bytes;
    }

    private void need(int n) {
        if (n < 0 || n > buf.length - pos) {
            throw new DecodeException("truncated input: need " + n + " bytes at " + pos + " of " + buf.length);
        }
    }

    /** One unsigned byte. */
    public int u8() {
        need(1);
        return buf[pos++] & 0xFF;
    }

    /** Four bytes big-endian. */
    public int i32() {
        need(4);
        int v = 0;
        for (int i = 0; i < 4; i++) {
            v = (v << 8) | (buf[pos++] & 0xFF);
        }
        return v;
    }

    /** Eight bytes big-endian. */
    public long i64() {
        need(8);
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (buf[pos++] & 0xFF);
        }
        return v;
    }

    /** Exactly {@code n} raw bytes. */
    public byte[] raw(int n) {
        need(n);
        byte[] out = Arrays.copyOfRange(buf, pos, pos + n);
        pos += n;
        return out;
    }

    /** A 4-byte length then that many bytes; the length may not exceed {@code maxLength}. */
    public byte[] bytes(int maxLength) {
        int len = i32();
        if (len < 0 || len > maxLength) {
            throw new DecodeException("length " + len + " outside 0.." + maxLength);
        }
        return raw(len);
    }

    /** A 2-byte length then strict UTF-8. */
    public String string() {
        need(2);
        int len = ((buf[pos] & 0xFF) << 8) | (buf[pos + 1] & 0xFF);
        pos += 2;
        need(len);
        try {
            String s = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(buf, pos, len))
                    .toString();
            pos += len;
            return s;
        } catch (CharacterCodingException e) {
            throw new DecodeException("invalid UTF-8 at " + pos);
        }
    }

    /** 32 raw digest bytes. */
    public Digest digest() {
        return Digest.of(raw(Digest.LENGTH));
    }

    /** A count prefix (4 bytes) checked against {@code max}. */
    public int count(int max) {
        int n = i32();
        if (n < 0 || n > max) {
            throw new DecodeException("count " + n + " outside 0.." + max);
        }
        return n;
    }

    /** Fails unless every byte was consumed. */
    public void expectEnd() {
        if (pos != buf.length) {
            throw new DecodeException("trailing bytes: " + (buf.length - pos));
        }
    }
}
