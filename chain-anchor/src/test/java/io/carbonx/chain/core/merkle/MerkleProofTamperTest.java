package io.carbonx.chain.core.merkle;

import static org.assertj.core.api.Assertions.assertThat;

import io.carbonx.chain.core.Digest;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** Every single-bit change to a proof element, the leaf data or the root makes verification fail. */
class MerkleProofTamperTest {

    @Property(tries = 60)
    void everySingleBitFlipOfAProofOrLeafOrRootFails(@ForAll @IntRange(min = 1, max = 90) int size,
                                                       @ForAll @IntRange(min = 0, max = 1000) int indexSeed,
                                                       @ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
        List<byte[]> leaves = MerkleReference.leaves(size, seed);
        MerkleTree tree = MerkleTree.ofData(leaves);
        int index = indexSeed % size;
        InclusionProof proof = tree.inclusionProof(index);
        byte[] leaf = leaves.get(index);
        assertThat(proof.verify(leaf, tree.root())).isEqualTo(MerkleVerifier.Result.VALID);

        for (int e = 0; e < proof.path().size(); e++) {
            for (int bit = 0; bit < 256; bit++) {
                List<Digest> tampered = new ArrayList<>(proof.path());
                tampered.set(e, tampered.get(e).flipBit(bit));
                assertThat(new InclusionProof(index, size, tampered).verify(leaf, tree.root()))
                        .as("path[%d] bit %d", e, bit).isEqualTo(MerkleVerifier.Result.ROOT_MISMATCH);
            }
        }
        for (int bit = 0; bit < leaf.length * 8; bit++) {
            byte[] changed = leaf.clone();
            changed[bit / 8] ^= (byte) (1 << (bit % 8));
            assertThat(proof.verify(changed, tree.root())).as("leaf bit %d", bit)
                    .isEqualTo(MerkleVerifier.Result.ROOT_MISMATCH);
        }
        for (int bit = 0; bit < 256; bit++) {
            assertThat(proof.verify(leaf, tree.root().flipBit(bit))).isEqualTo(MerkleVerifier.Result.ROOT_MISMATCH);
        }
    }
}
