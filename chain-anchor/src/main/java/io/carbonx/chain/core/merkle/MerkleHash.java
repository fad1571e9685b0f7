package io.carbonx.chain.core.merkle;

import io.carbonx.chain.core.Digest;
import io.carbonx.chain.core.Sha256;

/**
 * The RFC 6962 / RFC 9162 §2.1.1 hash functions with their domain-separation prefixes:
 * {@code leaf = SHA-256(0x00 ‖ data)}, {@code node = SHA-256(0x01 ‖ left ‖ right)},
 * empty tree = {@code SHA-256("")}.
 */
public final class MerkleHash {

    /** Prefix of leaf hashes. */
    public static final byte LEAF_PREFIX = 0x00;
    /** Prefix of interior node hashes. */
    public static final byte NODE_PREFIX = 0x01;

    private static final Digest EMPTY = Sha256.hash(new byte[0]);

    private MerkleHash() {
    }

    /** MTH of a one-element list: SHA-256(0x00 ‖ data). */
    public static Digest leaf(byte[] data) {
        return Sha256.hashPrefixed(LEAF_PREFIX, data);
    }

    /** SHA-256(0x01 ‖ left ‖ right). */
    public static Digest node(Digest left, Digest right) {
        return Sha256.hashPrefixed(NODE_PREFIX, left, right);
    }

    /** MTH({}) = SHA-256 of the empty string. */
    public static Digest emptyRoot() {
        return EMPTY;
    }

    /** The largest power of two strictly smaller than {@code n} (n ≥ 2): RFC 6962's split point k. */
    static long split(long n) {
        if (n < 2) {
            throw new IllegalArgumentException("split needs n >= 2, got " + n);
        }
        return Long.highestOneBit(n - 1);
    }
}
