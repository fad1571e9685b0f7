package io.carbonx.chain.core;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-256 through the JDK's {@link MessageDigest} (hardware intrinsics where available). */
public final class Sha256 {

    private Sha256() {
    }

    /** SHA-256 of the concatenation of {@code parts}. */
    public static Digest hash(byte[]... parts) {
        MessageDigest md = newDigest();
        for (byte[] part : parts) {
            md.update(part);
        }
        return Digest.of(md.digest());
    }

    /** SHA-256(prefix ‖ data). */
    public static Digest hashPrefixed(byte prefix, byte[] data) {
        MessageDigest md = newDigest();
        md.update(prefix);
        md.update(data);
        return Digest.of(md.digest());
    }

    /** SHA-256(prefix ‖ left ‖ right). */
    public static Digest hashPrefixed(byte prefix, Digest left, Digest right) {
        MessageDigest md = newDigest();
        md.update(prefix);
        md.update(left.bytes());
        md.update(right.bytes());
        return Digest.of(md.digest());
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is mandatory in every JDK", e);
        }
    }
}
