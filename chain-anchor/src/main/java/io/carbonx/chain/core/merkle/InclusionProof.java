package io.carbonx.chain.core.merkle;

import io.carbonx.chain.core.Digest;
import java.util.List;

/**
 * An RFC 9162 inclusion proof: the leaf's index, the size of the tree it was taken from, and the
 * audit path (sibling hashes, bottom-up).
 *
 * @param leafIndex zero-based leaf index
 * @param treeSize number of leaves of the tree
 * @param path sibling hashes from the leaf level upwards
 */
public record InclusionProof(long leafIndex, long treeSize, List<Digest> path) {

    /** Copies {@code path}. */
    public InclusionProof {
        path = List.copyOf(path);
    }

    /** Verifies this proof for the leaf {@code data} against {@code root}. */
    public MerkleVerifier.Result verify(byte[] data, Digest root) {
        return MerkleVerifier.verifyInclusion(MerkleHash.leaf(data), leafIndex, treeSize, path, root);
    }
}
