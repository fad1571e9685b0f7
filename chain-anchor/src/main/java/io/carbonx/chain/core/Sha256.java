package io.carbonx.chain.core;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-256 through the JDK's {@link MessageDigest} (hardware intrinsics where available). */
public final class Sha256 {

    private Sha256() {
    }

    /** One digest per thread: {@code MessageDigest.getInstance} per hash costs more than hashing a small leaf. */
    private static final ThreadLocal<MessageDigest> DIGESTS = ThreadLocal.withInitial(Sha256::newDigest);

    /** SHA-256 of the concatenation of {@code parts}. */
    public static Digest hash(byte[]... parts) {
        MessageDigest md = digest();
        for (byte[] part : parts) {
            md.update(part);
        }
        return Digest.wrap(md.digest());
    }

    /** SHA-256(prefix ‖ data). */
    public static Digest hashPrefixed(byte prefix, byte[] data) {
        MessageDigest md = digest();
        md.update(prefix);
        md.update(data);
        return Digest.wrap(md.digest());
    }

    /** SHA-256(prefix ‖ left ‖ right). */
    public static Digest hashPrefixed(byte prefix, Digest left, Digest right) {
        MessageDigest md = digest();
        md.update(prefix);
        md.update(left.raw());
        md.update(right.raw());
        return Digest.wrap(md.digest());
    }

    /** The calling thread's digest, reset. */
    private static MessageDigest digest() {
        MessageDigest md = DIGESTS.get();
        md.reset();
        return md;
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is mandatory in every JDK", e);
        }
    }
}
