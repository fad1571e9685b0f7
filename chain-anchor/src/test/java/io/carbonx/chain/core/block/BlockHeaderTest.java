package io.carbonx.chain.core.block;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.carbonx.chain.core.DecodeException;
import io.carbonx.chain.core.Digest;
import io.carbonx.chain.core.Sha256;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class BlockHeaderTest {

    static BlockHeader sample() {
        return new BlockHeader("carbonx", 7, Sha256.hash(new byte[] {1}), Sha256.hash(new byte[] {2}), 5,
                List.of(new PartitionRange("orders", 0, 10, 13), new PartitionRange("trades", 2, 4, 7)), 1_700_000L);
    }

    @Test
    void canonicalBytesArePinned() {
        // Golden encoding: changing it changes every block hash, so it must be a deliberate decision.
        assertThat(sample().hash().hex())
                .isEqualTo(Sha256.hash(sample().canonicalBytes()).hex());
        assertThat(java.util.HexFormat.of().formatHex(sample().canonicalBytes())).isEqualTo(
                "43584248" + "01" + "0007" + "636172626f6e78" + "0000000000000007"
                        + Sha256.hash(new byte[] {1}).hex() + Sha256.hash(new byte[] {2}).hex()
                        + "0000000000000005" + "00000002"
                        + "0006" + "6f7264657273" + "00000000" + "000000000000000a" + "000000000000000d"
                        + "0006" + "747261646573" + "00000002" + "0000000000000004" + "0000000000000007"
                        + "000000000019f0a0");
    }

    @Test
    void decodeIsTheInverseOfEncode() {
        assertThat(BlockHeader.decode(sample().canonicalBytes())).isEqualTo(sample());
    }

    @Test
    void decodeRejectsTrailingBytesBadMagicAndTruncation() {
        byte[] bytes = sample().canonicalBytes();
        byte[] longer = java.util.Arrays.copyOf(bytes, bytes.length + 1);
        assertThatThrownBy(() -> BlockHeader.decode(longer)).isInstanceOf(DecodeException.class);
        byte[] magic = bytes.clone();
        magic[0] = 'X';
        assertThatThrownBy(() -> BlockHeader.decode(magic)).isInstanceOf(DecodeException.class);
        for (int len = 0; len < bytes.length; len++) {
            byte[] cut = java.util.Arrays.copyOf(bytes, len);
            assertThatThrownBy(() -> BlockHeader.decode(cut)).isInstanceOf(DecodeException.class);
        }
    }

    @Test
    void everySingleByteChangeIsRejectedOrChangesTheHash() {
        byte[] bytes = sample().canonicalBytes();
        Digest original = sample().hash();
        for (int i = 0; i < bytes.length; i++) {
            for (int delta : new int[] {1, 0x80}) {
                byte[] changed = bytes.clone();
                changed[i] ^= (byte) delta;
                try {
                    assertThat(BlockHeader.decode(changed).hash()).as("byte %d", i).isNotEqualTo(original);
                } catch (DecodeException expected) {
                    // rejected: fine
                }
            }
        }
    }

    @Test
    void rejectsUnsortedRangesAndImpossibleTreeSizes() {
        Digest z = Digest.ZERO;
        List<PartitionRange> unsorted = List.of(new PartitionRange("b", 0, 0, 1), new PartitionRange("a", 0, 0, 1));
        assertThatThrownBy(() -> new BlockHeader("c", 1, z, z, 2, unsorted, 0))
                .isInstanceOf(IllegalArgumentException.class);
        List<PartitionRange> one = List.of(new PartitionRange("a", 0, 0, 3));
        assertThatThrownBy(() -> new BlockHeader("c", 1, z, z, 4, one, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BlockHeader("c", 0, z, z, 1, one, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BlockHeader("c", 1, z, z, 1, List.of(), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Property(tries = 200)
    void roundTripsArbitraryHeaders(@ForAll @LongRange(min = 1, max = Long.MAX_VALUE) long height,
                                    @ForAll @IntRange(min = 1, max = 5) int ranges,
                                    @ForAll @LongRange(min = 0, max = 1L << 40) long from,
                                    @ForAll long timeMs) {
        List<PartitionRange> rs = new java.util.ArrayList<>();
        for (int i = 0; i < ranges; i++) {
            rs.add(new PartitionRange("topic-é", i, from, from + 1 + i));
        }
        BlockHeader h = new BlockHeader("chain", height, Sha256.hash(new byte[] {(byte) ranges}), Digest.ZERO,
                ranges, rs, timeMs);
        assertThat(BlockHeader.decode(h.canonicalBytes())).isEqualTo(h);
    }
}
