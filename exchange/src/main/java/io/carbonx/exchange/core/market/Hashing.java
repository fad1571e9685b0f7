package io.carbonx.exchange.core.market;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 helpers for state hashes (the JDK's digest: every JDK has SHA-256). */
final class Hashing {

    private Hashing() {
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JDK", e);
        }
    }

    static void putLong(MessageDigest d, long value) {
        for (int i = 0; i < 8; i++) {
            d.update((byte) (value >>> (56 - 8 * i)));
        }
    }

    static void putString(MessageDigest d, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        putLong(d, bytes.length);
        d.update(bytes);
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
