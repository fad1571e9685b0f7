package io.carbonx.chain.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import io.carbonx.chain.core.Digest;
import io.carbonx.chain.core.merkle.InclusionProof;
import io.carbonx.chain.core.merkle.MerkleHash;
import io.carbonx.chain.core.merkle.MerkleTree;
import io.carbonx.chain.core.merkle.MerkleVerifier;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SortedMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * RFC 6962 / 9162 edge cases through the bundle verifier: every leaf of trees of 1..17 leaves verifies (including
 * the last leaf of every odd tree); a wrong leaf index, a wrong tree size, a proof that stops at an interior node,
 * and Bitcoin-style duplication of the last leaf are rejected.
 */
class BundleInclusionEdgeCasesTest {

    static final int MAX = 17;
    static EvidenceFixture fx;
    static byte[] zip;

    @BeforeAll
    static void chain() throws Exception {
        fx = EvidenceFixture.create(EvidenceFixture.Seller.NORMAL);
        zip = new BundleBuilder(EdgeChain.build(fx, MAX)).build(EdgeChain.everything(fx));
    }

    static VerificationReport verify(byte[] bundle) {
        return new EvidenceVerifier().verify(bundle, fx.pki.root());
    }

    /** Event number of leaf {@code index} of the block with {@code size} leaves (block k holds k leaves). */
    static int eventNumber(int size, int index) {
        return size * (size - 1) / 2 + index + 1;
    }

    @Test
    void everyLeafOfTreesOfOneToSeventeenLeavesVerifies() {
        VerificationReport r = verify(zip);
        assertThat(r.valid()).as(r.render()).isTrue();
        assertThat(r.eventCount()).isEqualTo(MAX * (MAX + 1) / 2);
        for (int size = 1; size <= MAX; size++) {
            String lastLeaf = "inclusion of event " + eventNumber(size, size - 1) + " in block " + size;
            assertThat(r.checks()).filteredOn(c -> c.name().equals(lastLeaf)).singleElement()
                    .satisfies(c -> assertThat(c.passed()).isTrue());
        }
    }

    @Test
    void wrongLeafIndexIsRejected() throws Exception {
        for (int size : new int[] {2, 3, 5, 7, 8, 13, 17}) {
            int n = eventNumber(size, size - 1);
            VerificationReport r = verify(withProof(n, p -> p.replaceFirst("leaf-index: " + (size - 1),
                    "leaf-index: " + (size - 2))));
            assertThat(r.failures()).as("size " + size).extracting(Check::reason)
                    .containsExactly(VerificationFailure.INCLUSION_PROOF_INVALID);
        }
    }

    @Test
    void wrongTreeSizeIsRejected() throws Exception {
        for (int size : new int[] {1, 4, 6, 16}) {
            int n = eventNumber(size, 0);
            VerificationReport r = verify(withProof(n, p -> p.replaceFirst("tree-size: " + size, "tree-size: " + (size + 1))));
            assertThat(r.failures()).as("size " + size).extracting(Check::reason)
                    .containsExactly(VerificationFailure.INCLUSION_PROOF_INVALID);
            assertThat(r.failures().get(0).detail()).contains("proof is for a tree of " + (size + 1));
        }
    }

    @Test
    void proofThatStopsAtAnInteriorNodeIsRejected() throws Exception {
        int size = 8;
        int n = eventNumber(size, 5);
        VerificationReport r = verify(withProof(n, p -> {
            String[] lines = p.split("\n");
            StringBuilder b = new StringBuilder(lines[0] + "\nleaf-index: 2\n" + lines[2] + "\n" + lines[3] + "\n");
            for (int i = 5; i < lines.length; i++) {
                b.append(lines[i]).append('\n');
            }
            return b.toString();
        }));
        assertThat(r.failures()).extracting(Check::reason).containsExactly(VerificationFailure.INCLUSION_PROOF_INVALID);
        assertThat(r.failures().get(0).detail()).startsWith("PROOF_TOO_SHORT");
    }

    @Test
    void interiorNodeBytesPassedAsAnEventAreNotALeaf() throws Exception {
        List<byte[]> leaves = List.of("a".getBytes(StandardCharsets.UTF_8), "b".getBytes(StandardCharsets.UTF_8));
        MerkleTree tree = MerkleTree.ofData(leaves);
        byte[] interior = concat(tree.leafHash(0).bytes(), tree.leafHash(1).bytes());
        assertThat(MerkleVerifier.verifyInclusion(MerkleHash.leaf(interior), 0, 1, List.of(), tree.root()))
                .isEqualTo(MerkleVerifier.Result.ROOT_MISMATCH);

        SortedMap<String, byte[]> m = Reseal.members(zip);
        m.put(BundlePaths.event(1), interior);
        m.put(BundlePaths.SUMS, Checksums.render(m));
        VerificationReport r = verify(StoredZip.write(m));
        assertThat(r.failures()).extracting(Check::reason).containsExactly(VerificationFailure.BAD_FORMAT);
    }

    @Test
    void duplicatingTheLastLeafOfAnOddTreeIsRejected() throws Exception {
        int size = 3;
        int n = eventNumber(size, size - 1);
        InclusionProof real = ProofText.parse("p", Reseal.members(zip).get(BundlePaths.proof(n))).proof();
        Digest last = MerkleHash.leaf(Reseal.members(zip).get(BundlePaths.event(n)));
        VerificationReport r = verify(withProof(n, p -> "block: 3\nleaf-index: 3\ntree-size: 4\npath:\n" + last.hex() + "\n"
                + real.path().get(real.path().size() - 1).hex() + "\n"));
        assertThat(r.failures()).extracting(Check::reason).containsExactly(VerificationFailure.INCLUSION_PROOF_INVALID);
        VerificationReport outOfRange = verify(withProof(n, p -> p.replaceFirst("leaf-index: 2", "leaf-index: 3")));
        assertThat(outOfRange.failures().get(0).detail()).startsWith("INDEX_OUT_OF_RANGE");
    }

    private static byte[] withProof(int event, java.util.function.UnaryOperator<String> edit) throws Exception {
        SortedMap<String, byte[]> m = Reseal.members(zip);
        String proof = new String(m.get(BundlePaths.proof(event)), StandardCharsets.US_ASCII);
        m.put(BundlePaths.proof(event), edit.apply(proof).getBytes(StandardCharsets.US_ASCII));
        return Reseal.reseal(m);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
