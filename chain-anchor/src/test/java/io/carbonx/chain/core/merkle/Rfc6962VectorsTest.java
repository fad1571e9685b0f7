package io.carbonx.chain.core.merkle;

import static org.assertj.core.api.Assertions.assertThat;

import io.carbonx.chain.core.Digest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The RFC 6962 test vectors used by certificate-transparency implementations (the 8-leaf set of
 * google/certificate-transparency, as kept in transparency-dev/merkle proof/verify_test.go).
 */
class Rfc6962VectorsTest {

    private static final List<byte[]> LEAVES = List.of(hex(""), hex("00"), hex("10"), hex("2021"), hex("3031"),
            hex("40414243"), hex("5051525354555657"), hex("606162636465666768696a6b6c6d6e6f"));

    /** roots[i] = root of the tree of the first i+1 leaves. */
    private static final List<String> ROOTS = List.of(
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

    private record Vector(int leafIndex, int treeSize, List<String> proof) {
    }

    /** Inclusion vectors (0-based leaf index here; the Go source lists them 1-based). */
    private static final List<Vector> INCLUSION = List.of(
            new Vector(0, 1, List.of()),
            new Vector(0, 8, List.of("96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4")),
            new Vector(5, 8, List.of("bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                    "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")),
            new Vector(2, 3, List.of("fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125")),
            new Vector(1, 5, List.of("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b")));

    /** Consistency vectors: (old size, new size, proof). */
    private static final List<Vector> CONSISTENCY = List.of(
            new Vector(1, 1, List.of()),
            new Vector(1, 8, List.of("96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4")),
            new Vector(6, 8, List.of("0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                    "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")),
            new Vector(2, 5, List.of("5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b")),
            new Vector(6, 7, List.of("0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                    "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
                    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")));

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s);
    }

    private static List<Digest> digests(List<String> hexes) {
        List<Digest> out = new ArrayList<>();
        for (String h : hexes) {
            out.add(Digest.ofHex(h));
        }
        return out;
    }

    @Test
    void rootsOfEveryPrefixOfTheEightLeavesMatchTheVectors() {
        for (int size = 1; size <= 8; size++) {
            assertThat(MerkleTree.ofData(LEAVES.subList(0, size)).root().hex()).as("size %d", size)
                    .isEqualTo(ROOTS.get(size - 1));
        }
    }

    @Test
    void inclusionProofsAreGeneratedAndVerifiedAsInTheVectors() {
        for (Vector v : INCLUSION) {
            MerkleTree tree = MerkleTree.ofData(LEAVES.subList(0, v.treeSize()));
            assertThat(tree.inclusionProof(v.leafIndex()).path()).isEqualTo(digests(v.proof()));
            assertThat(MerkleVerifier.verifyInclusion(MerkleHash.leaf(LEAVES.get(v.leafIndex())), v.leafIndex(),
                    v.treeSize(), digests(v.proof()), Digest.ofHex(ROOTS.get(v.treeSize() - 1))))
                    .isEqualTo(MerkleVerifier.Result.VALID);
        }
    }

    @Test
    void consistencyProofsAreGeneratedAndVerifiedAsInTheVectors() {
        MerkleTree eight = MerkleTree.ofData(LEAVES);
        for (Vector v : CONSISTENCY) {
            MerkleTree tree = MerkleTree.ofData(LEAVES.subList(0, v.treeSize()));
            int oldSize = v.leafIndex();
            assertThat(tree.consistencyProof(oldSize)).isEqualTo(digests(v.proof()));
            assertThat(MerkleVerifier.verifyConsistency(oldSize, v.treeSize(), digests(v.proof()),
                    Digest.ofHex(ROOTS.get(oldSize - 1)), Digest.ofHex(ROOTS.get(v.treeSize() - 1))))
                    .isEqualTo(MerkleVerifier.Result.VALID);
        }
        assertThat(eight.rootOfPrefix(3).hex()).isEqualTo(ROOTS.get(2));
    }

    @Test
    void theEmptyLeafHashIsTheFirstRoot() {
        assertThat(MerkleHash.leaf(new byte[0]).hex()).isEqualTo(ROOTS.get(0));
    }
}
