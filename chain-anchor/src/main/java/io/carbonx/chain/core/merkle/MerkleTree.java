package io.carbonx.chain.core.merkle;

import io.carbonx.chain.core.Digest;
import java.util.ArrayList;
import java.util.List;

/**
 * An immutable RFC 6962 / RFC 9162 Merkle tree over an ordered list of leaves.
 *
 * <p>The tree is split at the largest power of two smaller than the size, recursively; an odd last
 * leaf is never duplicated (so, unlike Bitcoin's tree, {@code [a,b,c]} and {@code [a,b,c,c]} have
 * different roots). Roots and proofs are computed over the leaf hashes, which are kept; the
 * leaf data is not.
 */
public final class MerkleTree {

    private final List<Digest> leafHashes;
    private final Digest root;

    private MerkleTree(List<Digest> leafHashes) {
        this.leafHashes = List.copyOf(leafHashes);
        this.root = leafHashes.isEmpty() ? MerkleHash.emptyRoot() : subtreeRoot(0, leafHashes.size());
    }

    /** A tree whose leaves are the given data items, in order (each hashed as {@code H(0x00‖d)}). */
    public static MerkleTree ofData(List<byte[]> leaves) {
        List<Digest> hashes = new ArrayList<>(leaves.size());
        for (byte[] d : leaves) {
            hashes.add(MerkleHash.leaf(d));
        }
        return new MerkleTree(hashes);
    }

    /** A tree over already computed leaf hashes. */
    public static MerkleTree ofLeafHashes(List<Digest> leafHashes) {
        return new MerkleTree(leafHashes);
    }

    /** Number of leaves. */
    public int size() {
        return leafHashes.size();
    }

    /** The Merkle Tree Hash of all leaves. */
    public Digest root() {
        return root;
    }

    /** The hash of leaf {@code index}. */
    public Digest leafHash(int index) {
        return leafHashes.get(index);
    }

    /**
     * The audit path PATH(m, D[n]) of RFC 6962 §2.1.1 for leaf {@code index} in the whole tree,
     * bottom-up.
     *
     * @throws IndexOutOfBoundsException if {@code index} is not a leaf index
     */
    public InclusionProof inclusionProof(int index) {
        if (index < 0 || index >= leafHashes.size()) {
            throw new IndexOutOfBoundsException("leaf " + index + " of " + leafHashes.size());
        }
        List<Digest> path = new ArrayList<>();
        path(index, 0, leafHashes.size(), path);
        return new InclusionProof(index, leafHashes.size(), path);
    }

    /**
     * The consistency proof PROOF(m, D[n]) of RFC 6962 §2.1.2 between the first {@code oldSize}
     * leaves and the whole tree. Empty for {@code oldSize == size()} or {@code oldSize == 0}.
     */
    public List<Digest> consistencyProof(int oldSize) {
        if (oldSize < 0 || oldSize > leafHashes.size()) {
            throw new IndexOutOfBoundsException("old size " + oldSize + " of " + leafHashes.size());
        }
        List<Digest> proof = new ArrayList<>();
        if (oldSize > 0 && oldSize < leafHashes.size()) {
            subproof(oldSize, 0, leafHashes.size(), true, proof);
        }
        return List.copyOf(proof);
    }

    /** Root of the first {@code size} leaves (a prefix of this tree). */
    public Digest rootOfPrefix(int size) {
        if (size < 0 || size > leafHashes.size()) {
            throw new IndexOutOfBoundsException("prefix " + size + " of " + leafHashes.size());
        }
        return size == 0 ? MerkleHash.emptyRoot() : subtreeRoot(0, size);
    }

    // MTH(D[start:end]) for end - start >= 1.
    private Digest subtreeRoot(int start, int end) {
        int n = end - start;
        if (n == 1) {
            return leafHashes.get(start);
        }
        int k = (int) MerkleHash.split(n);
        return MerkleHash.node(subtreeRoot(start, start + k), subtreeRoot(start + k, end));
    }

    // PATH(m, D[start:end]) appended bottom-up.
    private void path(int m, int start, int end, List<Digest> out) {
        int n = end - start;
        if (n == 1) {
            return;
        }
        int k = (int) MerkleHash.split(n);
        if (m < k) {
            path(m, start, start + k, out);
            out.add(subtreeRoot(start + k, end));
        } else {
            path(m - k, start + k, end, out);
            out.add(subtreeRoot(start, start + k));
        }
    }

    // SUBPROOF(m, D[start:end], b) appended bottom-up.
    private void subproof(int m, int start, int end, boolean whole, List<Digest> out) {
        int n = end - start;
        if (m == n) {
            if (!whole) {
                out.add(subtreeRoot(start, end));
            }
            return;
        }
        int k = (int) MerkleHash.split(n);
        if (m <= k) {
            subproof(m, start, start + k, whole, out);
            out.add(subtreeRoot(start + k, end));
        } else {
            subproof(m - k, start + k, end, false, out);
            out.add(subtreeRoot(start, start + k));
        }
    }
}
