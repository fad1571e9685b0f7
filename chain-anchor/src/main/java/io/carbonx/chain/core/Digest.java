package io.carbonx.chain.core;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * An immutable 32-byte SHA-256 value (block hash, Merkle node, vote digest).
 *
 * <p>Equality is by content; ordering is unsigned lexicographic, so sets of digests iterate
 * deterministically.
 */
public final class Digest implements Comparable<Digest> {

    /** Length of every digest in bytes. */
    public static final int LENGTH = 32;

    /** All-zero digest: the previous hash of the first block. */
    public static final Digest ZERO = new Digest(new byte[LENGTH]);

    private final byte[] value;

    private Digest(byte[] value) {
        this.value = value;
    }

    /**
     * Wraps a copy of {@code bytes}.
     *
     * @throws IllegalArgumentException if {@code bytes} is not exactly 32 bytes long
     */
    public static Digest of(byte[] bytes) {
        if (bytes == null || bytes.length != LENGTH) {
            throw new IllegalArgumentException("digest must be " + LENGTH + " bytes, got "
                    + (bytes == null ? "null" : bytes.length));
        }
        return new Digest(bytes.clone());
    }

    /** Wraps {@code bytes} without copying; the caller hands them over (32 bytes, never modified again). */
    static Digest wrap(byte[] bytes) {
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("digest must be " + LENGTH + " bytes, got " + bytes.length);
        }
        return new Digest(bytes);
    }

    /** The internal array, for hashing in this package only; never modified. */
    byte[] raw() {
        return value;
    }

    /** Parses 64 hex characters. */
    public static Digest ofHex(String hex) {
        return of(HexFormat.of().parseHex(hex));
    }

    /** A copy of the 32 bytes. */
    public byte[] bytes() {
        return value.clone();
    }

    /** Writes the raw bytes into {@code writer}. */
    public void writeTo(ByteWriter writer) {
        writer.raw(value);
    }

    /** Lower-case hex. */
    public String hex() {
        return HexFormat.of().formatHex(value);
    }

    /** Returns a copy with bit {@code bit} (0..255) flipped; for tamper tests. */
    public Digest flipBit(int bit) {
        byte[] copy = value.clone();
        copy[bit / 8] ^= (byte) (1 << (bit % 8));
        return new Digest(copy);
    }

    @Override
    public int compareTo(Digest other) {
        return Arrays.compareUnsigned(value, other.value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Digest d && Arrays.equals(value, d.value);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return hex().substring(0, 12);
    }
}
