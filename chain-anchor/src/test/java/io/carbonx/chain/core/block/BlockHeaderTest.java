package io.carbonx.chain.core.block;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.carbonx.chain.core.DecodeException;
import io.carbonx.chain.core.Digest;
import io.carbonx.chain.core.Sha256;
import io.carbonx.schemas.EventCodec;
import java.util.HexFormat;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class BlockHeaderTest {

    /** CRC-64-AVRO fingerprint of io.carbonx.chain.BlockHeader, as the 8 little-endian bytes on the wire. */
    private static final String PINNED_FINGERPRINT_LE = "6dd04affc28d33fd";

    static BlockHeader sample() {
        return new BlockHeader("carbonx", 7, Sha256.hash(new byte[] {1}), Sha256.hash(new byte[] {2}), 5,
                List.of(new PartitionRange("orders", 0, 10, 13), new PartitionRange("trades", 2, 4, 7)), 1_700_000L);
    }

    @Test
    void canonicalBytesArePinned() {
        // Golden encoding: changing it changes every block hash, so it must be a deliberate decision.
        // Avro single-object encoding: C3 01, the schema fingerprint (little-endian), then the body.
        String fingerprint = String.format("%016x", Long.reverseBytes(EventCodec.fingerprintOf(
                io.carbonx.chain.BlockHeader.class)));
        assertThat(fingerprint).isEqualTo(PINNED_FINGERPRINT_LE);
        assertThat(HexFormat.of().formatHex(sample().canonicalBytes())).isEqualTo(
                "c301" + PINNED_FINGERPRINT_LE
                        + "0e" + "636172626f6e78" // chainId "carbonx"
                        + "0e" // height 7
                        + "40" + Sha256.hash(new byte[] {1}).hex() // previousHash, 32 bytes
                        + "40" + Sha256.hash(new byte[] {2}).hex() // merkleRoot
                        + "0a" // treeSize 5
                        + "04" // one array block of 2 ranges
                        + "0c" + "6f7264657273" + "00" + "14" + "1a" // orders, 0, 10, 13
                        + "0c" + "747261646573" + "04" + "08" + "0e" // trades, 2, 4, 7
                        + "00" // end of array
                        + "c0c2cf01"); // timeMs 1_700_000
        assertThat(sample().hash()).isEqualTo(Sha256.hash(sample().canonicalBytes()));
    }

    @Test
    void canonicalBytesAreWhatAvroItselfWrites() throws Exception {
        byte[] viaCodec = EventCodec.standard().encode(sample().toAvro());
        java.nio.ByteBuffer viaGenerated = sample().toAvro().toByteBuffer();
        byte[] generated = new byte[viaGenerated.remaining()];
        viaGenerated.get(generated);
        assertThat(sample().canonicalBytes()).isEqualTo(viaCodec).isEqualTo(generated);
        assertThat(BlockHeader.fromAvro(EventCodec.standard().decode(viaCodec, io.carbonx.chain.BlockHeader.class)))
                .isEqualTo(sample());
    }

    @Test
    void decodeRejectsNonCanonicalEncodingsOfTheSameHeader() {
        byte[] bytes = sample().canonicalBytes();
        // height 7 written as a two-byte varint (8e 00): Avro would read it, the chain must not.
        int heightAt = 2 + 8 + 1 + 7;
        byte[] overlong = new byte[bytes.length + 1];
        System.arraycopy(bytes, 0, overlong, 0, heightAt);
        overlong[heightAt] = (byte) 0x8e;
        overlong[heightAt + 1] = 0x00;
        System.arraycopy(bytes, heightAt + 1, overlong, heightAt + 2, bytes.length - heightAt - 1);
        assertThatThrownBy(() -> BlockHeader.decode(overlong)).isInstanceOf(DecodeException.class)
                .hasMessageContaining("canonical");
    }

    @Property(tries = 300)
    void encodingMatchesAvroForArbitraryHeaders(@ForAll @LongRange(min = 1, max = Long.MAX_VALUE) long height,
                                                @ForAll @IntRange(min = 1, max = 4) int ranges,
                                                @ForAll @LongRange(min = 0, max = Long.MAX_VALUE / 2) long from,
                                                @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE - 8) int partition,
                                                @ForAll long timeMs) {
        List<PartitionRange> rs = new java.util.ArrayList<>();
        for (int i = 0; i < ranges; i++) {
            rs.add(new PartitionRange("topic-\u00e9-\ud83c\udf33", partition + i, from, from + 1 + i));
        }
        BlockHeader h = new BlockHeader("chain-\u4e2d", height, Sha256.hash(new byte[] {(byte) ranges}), Digest.ZERO,
                ranges, rs, timeMs);
        assertThat(h.canonicalBytes()).isEqualTo(EventCodec.standard().encode(h.toAvro()));
        assertThat(BlockHeader.decode(h.canonicalBytes())).isEqualTo(h);
    }

    @Test
    void rejectsTextThatUtf8CannotCarry() {
        List<PartitionRange> one = List.of(new PartitionRange("a", 0, 0, 1));
        assertThatThrownBy(() -> new BlockHeader("bad\ud800", 1, Digest.ZERO, Digest.ZERO, 1, one, 0))
                .isInstanceOf(IllegalArgumentException.class);
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
        byte[] fingerprint = bytes.clone();
        fingerprint[5] ^= 1;
        assertThatThrownBy(() -> BlockHeader.decode(fingerprint)).isInstanceOf(DecodeException.class);
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
