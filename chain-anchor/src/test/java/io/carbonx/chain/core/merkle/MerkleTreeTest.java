package io.carbonx.chain.core.merkle;

import static org.assertj.core.api.Assertions.assertThat;

import io.carbonx.chain.core.Digest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MerkleTreeTest {

    private static void assertSameHashes(List<Digest> actual, List<byte[]> expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(actual.get(i).bytes()).as("element %d", i).isEqualTo(expected.get(i));
        }
    }

    @Test
    void emptyTreeRootIsSha256OfTheEmptyString() {
        assertThat(MerkleTree.ofData(List.of()).root().hex())
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void rootsMatchTheRecursiveReferenceForEverySizeUpTo130() {
        for (int n = 0; n <= 130; n++) {
            List<byte[]> leaves = MerkleReference.leaves(n, n);
            assertThat(MerkleTree.ofData(leaves).root().bytes()).as("size %d", n)
                    .isEqualTo(MerkleReference.mth(leaves));
        }
    }

    @Test
    void inclusionProofsMatchTheReferenceAndVerifyForEveryLeafOfTreesUpTo70() {
        for (int n = 1; n <= 70; n++) {
            List<byte[]> leaves = MerkleReference.leaves(n, 1000 + n);
            MerkleTree tree = MerkleTree.ofData(leaves);
            for (int i = 0; i < n; i++) {
                InclusionProof proof = tree.inclusionProof(i);
                assertSameHashes(proof.path(), MerkleReference.path(i, leaves));
                assertThat(proof.verify(leaves.get(i), tree.root())).as("n=%d i=%d", n, i)
                        .isEqualTo(MerkleVerifier.Result.VALID);
            }
        }
    }

    @Test
    void consistencyProofsMatchTheReferenceAndVerifyForEveryPrefixUpTo40() {
        for (int n = 1; n <= 40; n++) {
            List<byte[]> leaves = MerkleReference.leaves(n, 2000 + n);
            MerkleTree tree = MerkleTree.ofData(leaves);
            for (int m = 1; m <= n; m++) {
                List<Digest> proof = tree.consistencyProof(m);
                if (m < n) {
                    assertSameHashes(proof, MerkleReference.proof(m, leaves));
                } else {
                    assertThat(proof).isEmpty();
                }
                assertThat(MerkleVerifier.verifyConsistency(m, n, proof, tree.rootOfPrefix(m), tree.root()))
                        .as("m=%d n=%d", m, n).isEqualTo(MerkleVerifier.Result.VALID);
                if (!proof.isEmpty()) {
                    assertThat(MerkleVerifier.verifyConsistency(m, n, proof, tree.root(), tree.rootOfPrefix(m)))
                            .isNotEqualTo(MerkleVerifier.Result.VALID);
                }
            }
        }
    }

    @Test
    void oddTreesAreNotPaddedByDuplicatingTheLastLeaf() {
        List<byte[]> three = List.of(new byte[] {1}, new byte[] {2}, new byte[] {3});
        List<byte[]> four = List.of(new byte[] {1}, new byte[] {2}, new byte[] {3}, new byte[] {3});
        assertThat(MerkleTree.ofData(three).root()).isNotEqualTo(MerkleTree.ofData(four).root());
        // The last leaf of a 3-leaf tree sits directly under the root: a single-element path.
        InclusionProof last = MerkleTree.ofData(three).inclusionProof(2);
        assertThat(last.path()).hasSize(1);
        assertThat(last.verify(new byte[] {3}, MerkleTree.ofData(three).root())).isEqualTo(MerkleVerifier.Result.VALID);
        // …and it does not verify as leaf 3 of the duplicated tree.
        InclusionProof asDuplicate = new InclusionProof(3, 4, last.path());
        assertThat(asDuplicate.verify(new byte[] {3}, MerkleTree.ofData(three).root()))
                .isNotEqualTo(MerkleVerifier.Result.VALID);
    }

    @Test
    void lastLeafOfEveryOddTreeVerifiesAndItsNeighboursProofDoesNot() {
        for (int n = 3; n <= 99; n += 2) {
            List<byte[]> leaves = MerkleReference.leaves(n, 3000 + n);
            MerkleTree tree = MerkleTree.ofData(leaves);
            InclusionProof last = tree.inclusionProof(n - 1);
            assertThat(last.verify(leaves.get(n - 1), tree.root())).isEqualTo(MerkleVerifier.Result.VALID);
            InclusionProof wrong = new InclusionProof(n - 2, n, last.path());
            assertThat(wrong.verify(leaves.get(n - 1), tree.root())).isNotEqualTo(MerkleVerifier.Result.VALID);
        }
    }

    @Test
    void anInteriorNodePassedAsALeafFails() {
        List<byte[]> leaves = MerkleReference.leaves(4, 7);
        MerkleTree tree = MerkleTree.ofData(leaves);
        Digest left = MerkleHash.node(tree.leafHash(0), tree.leafHash(1));
        Digest right = MerkleHash.node(tree.leafHash(2), tree.leafHash(3));
        // As leaf data (l ‖ r): domain separation makes H(0x00‖l‖r) differ from the node H(0x01‖l‖r).
        byte[] concatenated = new byte[64];
        System.arraycopy(tree.leafHash(0).bytes(), 0, concatenated, 0, 32);
        System.arraycopy(tree.leafHash(1).bytes(), 0, concatenated, 32, 32);
        assertThat(MerkleHash.leaf(concatenated)).isNotEqualTo(left);
        assertThat(new InclusionProof(0, 4, List.of(right)).verify(concatenated, tree.root()))
                .isNotEqualTo(MerkleVerifier.Result.VALID);
        assertThat(new InclusionProof(0, 2, List.of(right)).verify(concatenated, tree.root()))
                .isEqualTo(MerkleVerifier.Result.ROOT_MISMATCH);
        // As a leaf hash at the authenticated tree size: the path is too short for a 4-leaf tree.
        assertThat(MerkleVerifier.verifyInclusion(left, 0, 4, List.of(right), tree.root()))
                .isEqualTo(MerkleVerifier.Result.PROOF_TOO_SHORT);
        assertThat(MerkleVerifier.verifyInclusion(left, 1, 4, List.of(right), tree.root()))
                .isNotEqualTo(MerkleVerifier.Result.VALID);
    }

    /**
     * The audit path's shape: per level, whether the sibling is on the left (with its exact leaf range)
     * or on the right (with its first leaf only). A proof only authenticates this shape: two (index,
     * size) pairs with equal shapes are indistinguishable by design, which is why the tree size must be
     * authenticated separately (the block header carries it).
     */
    private static List<String> shape(long m, long start, long end) {
        List<String> out = new ArrayList<>();
        long n = end - start;
        if (n <= 1) {
            return out;
        }
        long k = Long.highestOneBit(n - 1);
        if (m < k) {
            out.addAll(shape(m, start, start + k));
            out.add("R" + (start + k));
        } else {
            out.addAll(shape(m - k, start + k, end));
            out.add("L" + start + "-" + (start + k));
        }
        return out;
    }

    @Test
    void wrongIndexOrSizeFailsForEveryProofOfTreesUpTo64() {
        int legitimatelyAmbiguous = 0;
        for (int n = 1; n <= 64; n++) {
            List<byte[]> leaves = MerkleReference.leaves(n, 4000 + n);
            MerkleTree tree = MerkleTree.ofData(leaves);
            for (int i = 0; i < n; i++) {
                InclusionProof p = tree.inclusionProof(i);
                Digest leaf = tree.leafHash(i);
                for (long wi : new long[] {i - 1, i + 1, i ^ 2}) {
                    if (wi != i) {
                        assertThat(MerkleVerifier.verifyInclusion(leaf, wi, n, p.path(), tree.root()))
                                .as("n=%d i=%d as index %d", n, i, wi).isNotEqualTo(MerkleVerifier.Result.VALID);
                    }
                }
                for (long wn : new long[] {n + 1, n - 1, 2L * n, n / 2}) {
                    if (wn == n || i >= wn) {
                        continue;
                    }
                    boolean sameShape = shape(i, 0, wn).equals(shape(i, 0, n));
                    MerkleVerifier.Result r = MerkleVerifier.verifyInclusion(leaf, i, wn, p.path(), tree.root());
                    assertThat(r == MerkleVerifier.Result.VALID).as("n=%d i=%d as size %d", n, i, wn)
                            .isEqualTo(sameShape);
                    legitimatelyAmbiguous += sameShape ? 1 : 0;
                }
                List<Digest> extra = new ArrayList<>(p.path());
                extra.add(tree.root());
                assertThat(MerkleVerifier.verifyInclusion(leaf, i, n, extra, tree.root()))
                        .isNotEqualTo(MerkleVerifier.Result.VALID);
                if (!p.path().isEmpty()) {
                    assertThat(MerkleVerifier.verifyInclusion(leaf, i, n, p.path().subList(0, p.path().size() - 1),
                            tree.root())).isNotEqualTo(MerkleVerifier.Result.VALID);
                }
            }
        }
        // Sanity: the shape oracle is exercised both ways (e.g. leaf 0 of 3 vs 4 leaves is ambiguous).
        assertThat(legitimatelyAmbiguous).isPositive();
    }

    @Test
    void outOfRangeInputsAreRejectedWithAReason() {
        MerkleTree tree = MerkleTree.ofData(MerkleReference.leaves(5, 1));
        assertThat(MerkleVerifier.verifyInclusion(tree.leafHash(0), 5, 5, List.of(), tree.root()))
                .isEqualTo(MerkleVerifier.Result.INDEX_OUT_OF_RANGE);
        assertThat(MerkleVerifier.verifyInclusion(tree.leafHash(0), 0, 0, List.of(), tree.root()))
                .isEqualTo(MerkleVerifier.Result.INDEX_OUT_OF_RANGE);
        assertThat(MerkleVerifier.verifyConsistency(6, 5, List.of(), tree.root(), tree.root()))
                .isEqualTo(MerkleVerifier.Result.INDEX_OUT_OF_RANGE);
        assertThat(MerkleVerifier.verifyConsistency(2, 5, List.of(), tree.rootOfPrefix(2), tree.root()))
                .isEqualTo(MerkleVerifier.Result.MALFORMED_PROOF);
    }
}
