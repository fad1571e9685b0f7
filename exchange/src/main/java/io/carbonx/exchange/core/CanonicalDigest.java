package io.carbonx.exchange.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 over a canonical, unambiguous encoding: a domain tag first, then fields in a fixed order; integers
 * big-endian, strings as a 4-byte length and UTF-8 bytes (length -1 for null), booleans as one byte. Two values
 * give the same digest exactly when they encode the same fields in the same order. Shared by the venue cores
 * (pool, primary auction, agreement desk) for their state hashes and draw seeds.
 */
public final class CanonicalDigest {

    private final MessageDigest sha256;
    private final byte[] buffer = new byte[8];

    public CanonicalDigest(String domain) {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
        putString(domain);
    }

    public CanonicalDigest putLong(long v) {
        for (int i = 7; i >= 0; i--) {
            buffer[i] = (byte) v;
            v >>>= 8;
        }
        sha256.update(buffer, 0, 8);
        return this;
    }

    public CanonicalDigest putInt(int v) {
        for (int i = 3; i >= 0; i--) {
            buffer[i] = (byte) v;
            v >>>= 8;
        }
        sha256.update(buffer, 0, 4);
        return this;
    }

    public CanonicalDigest putBoolean(boolean v) {
        sha256.update(v ? (byte) 1 : (byte) 0);
        return this;
    }

    public CanonicalDigest putString(String s) {
        if (s == null) {
            return putInt(-1);
        }
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        putInt(bytes.length);
        sha256.update(bytes);
        return this;
    }

    public CanonicalDigest putBytes(byte[] bytes) {
        putInt(bytes.length);
        sha256.update(bytes);
        return this;
    }

    public byte[] digest() {
        return sha256.digest();
    }

    public String hex() {
        return HexFormat.of().formatHex(digest());
    }
}
