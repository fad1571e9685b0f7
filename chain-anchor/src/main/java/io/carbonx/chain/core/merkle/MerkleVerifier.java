package io.carbonx.chain.core.merkle;

import io.carbonx.chain.core.Digest;
import java.util.List;

/**
 * Stateless verification of RFC 9162 inclusion (§2.1.3.2) and consistency (§2.1.4.2) proofs.
 * Every failure says why; nothing is thrown for bad proofs.
 */
public final class MerkleVerifier {

    /** Outcome of a verification: {@link #VALID} or the precise reason it failed. */
    public enum Result {
        /** The proof links the leaf (or old tree) to the given root(s). */
        VALID,
        /** leaf index ≥ tree size, or old size > new size. */
        INDEX_OUT_OF_RANGE,
        /** The path has more elements than the tree's shape allows. */
        PROOF_TOO_LONG,
        /** The path has fewer elements than the tree's shape requires. */
        PROOF_TOO_SHORT,
        /** The recomputed root differs from the expected one. */
        ROOT_MISMATCH,
        /** A consistency proof that must be empty is not, or one that must not be empty is. */
        MALFORMED_PROOF
    }

    private MerkleVerifier() {
    }

    /**
     * RFC 9162 §2.1.3.2: verifies that {@code leafHash} is leaf {@code leafIndex} of a tree of
     * {@code treeSize} leaves whose root is {@code root}.
     */
    public static Result verifyInclusion(Digest leafHash, long leafIndex, long treeSize, List<Digest> path,
                                         Digest root) {
        if (leafIndex < 0 || treeSize <= 0 || leafIndex >= treeSize) {
            return Result.INDEX_OUT_OF_RANGE;
        }
        long fn = leafIndex;
        long sn = treeSize - 1;
        Digest r = leafHash;
        for (Digest p : path) {
            if (sn == 0) {
                return Result.PROOF_TOO_LONG;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = MerkleHash.node(p, r);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                r = MerkleHash.node(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        if (sn != 0) {
            return Result.PROOF_TOO_SHORT;
        }
        return r.equals(root) ? Result.VALID : Result.ROOT_MISMATCH;
    }

    /**
     * RFC 9162 §2.1.4.2: verifies that the tree of {@code oldSize} leaves with root {@code oldRoot}
     * is a prefix of the tree of {@code newSize} leaves with root {@code newRoot}. Equal sizes need
     * an empty proof and equal roots; an empty old tree is consistent with any tree (empty proof).
     */
    public static Result verifyConsistency(long oldSize, long newSize, List<Digest> proof, Digest oldRoot,
                                           Digest newRoot) {
        if (oldSize < 0 || oldSize > newSize) {
            return Result.INDEX_OUT_OF_RANGE;
        }
        if (oldSize == newSize || oldSize == 0) {
            if (!proof.isEmpty()) {
                return Result.MALFORMED_PROOF;
            }
            return oldSize == 0 || oldRoot.equals(newRoot) ? Result.VALID : Result.ROOT_MISMATCH;
        }
        if (proof.isEmpty()) {
            return Result.MALFORMED_PROOF;
        }
        return walkConsistency(oldSize, newSize, proof, oldRoot, newRoot);
    }

    private static Result walkConsistency(long oldSize, long newSize, List<Digest> proof, Digest oldRoot,
                                          Digest newRoot) {
        boolean powerOfTwo = Long.bitCount(oldSize) == 1;
        int start = powerOfTwo ? 0 : 1;
        Digest seed = powerOfTwo ? oldRoot : proof.get(0);
        long fn = oldSize - 1;
        long sn = newSize - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        Digest fr = seed;
        Digest sr = seed;
        for (int i = start; i < proof.size(); i++) {
            Digest c = proof.get(i);
            if (sn == 0) {
                return Result.PROOF_TOO_LONG;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = MerkleHash.node(c, fr);
                sr = MerkleHash.node(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                sr = MerkleHash.node(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        if (sn != 0) {
            return Result.PROOF_TOO_SHORT;
        }
        return fr.equals(oldRoot) && sr.equals(newRoot) ? Result.VALID : Result.ROOT_MISMATCH;
    }
}
