package io.carbonx.chain.core.pbft;

import java.util.ArrayList;
import java.util.List;

/**
 * The consortium's validators: ids {@code 0..n-1}, each with its public key.
 *
 * <p>{@code f = ⌊(n-1)/3⌋} faults are tolerated. Quorums have {@code ⌈(n+f+1)/2⌉} members, which is
 * {@code 2f+1} when {@code n = 3f+1}: any two quorums share at least {@code f+1} validators, hence
 * an honest one. The primary of view {@code v} is {@code v mod n}.
 */
public final class ValidatorSet {

    private final List<byte[]> publicKeys;

    /** Validators in id order; at least one. */
    public ValidatorSet(List<byte[]> publicKeys) {
        if (publicKeys.isEmpty()) {
            throw new IllegalArgumentException("at least one validator");
        }
        List<byte[]> copy = new ArrayList<>(publicKeys.size());
        for (byte[] k : publicKeys) {
            copy.add(k.clone());
        }
        this.publicKeys = List.copyOf(copy);
    }

    /** n. */
    public int size() {
        return publicKeys.size();
    }

    /** Tolerated faults f. */
    public int maxFaulty() {
        return (size() - 1) / 3;
    }

    /** Quorum size (2f+1 for n = 3f+1). */
    public int quorum() {
        return (size() + maxFaulty() + 2) / 2;
    }

    /** True for ids {@code 0..n-1}. */
    public boolean contains(int id) {
        return id >= 0 && id < publicKeys.size();
    }

    /** Public key of validator {@code id}. */
    public byte[] publicKey(int id) {
        if (!contains(id)) {
            throw new IllegalArgumentException("not a validator: " + id);
        }
        return publicKeys.get(id).clone();
    }

    /** Primary of {@code view}. */
    public int primary(long view) {
        return (int) Math.floorMod(view, (long) size());
    }
}
