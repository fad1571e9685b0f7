package io.carbonx.chain.core.pbft;

import static io.carbonx.chain.core.pbft.Fixture.CHAIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.carbonx.chain.core.ByteWriter;
import io.carbonx.chain.core.DecodeException;
import io.carbonx.chain.core.block.BlockHeader;
import io.carbonx.chain.core.block.ChainState;
import io.carbonx.chain.core.pbft.message.BlockRequest;
import io.carbonx.chain.core.pbft.message.BlockResponse;
import io.carbonx.chain.core.pbft.message.Checkpoint;
import io.carbonx.chain.core.pbft.message.CheckpointProof;
import io.carbonx.chain.core.pbft.message.CommitCertificate;
import io.carbonx.chain.core.pbft.message.CommittedBlock;
import io.carbonx.chain.core.pbft.message.NewView;
import io.carbonx.chain.core.pbft.message.Payload;
import io.carbonx.chain.core.pbft.message.PayloadCodec;
import io.carbonx.chain.core.pbft.message.PrePrepare;
import io.carbonx.chain.core.pbft.message.PreparedCertificate;
import io.carbonx.chain.core.pbft.message.SignedMessage;
import io.carbonx.chain.core.pbft.message.Status;
import io.carbonx.chain.core.pbft.message.ViewChange;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** Round trips of every PBFT message type, and fuzzing of the decoder (malformed input ⇒ DecodeException only). */
class PayloadCodecTest {

    private static final Fixture FX = new Fixture(4);
    private static final BlockHeader BLOCK = FX.proposal(Fixture.log(4), ChainState.genesis(CHAIN), 1_000);

    static List<SignedMessage<?>> samples() {
        PreparedCertificate cert = new PreparedCertificate(FX.prePrepare(0, BLOCK),
                List.of(FX.prepare(1, 0, BLOCK), FX.prepare(2, 0, BLOCK)));
        Checkpoint cp = new Checkpoint(4, BLOCK.hash());
        CheckpointProof proof = new CheckpointProof(4, BLOCK.hash(), List.of(FX.signed(0, cp), FX.signed(1, cp),
                FX.signed(2, cp)));
        SignedMessage<ViewChange> vc = FX.signed(1, new ViewChange(1, CheckpointProof.genesis(), List.of(cert)));
        CommittedBlock committed = new CommittedBlock(BLOCK, new CommitCertificate(List.of(FX.commit(0, 0, BLOCK),
                FX.commit(1, 0, BLOCK), FX.commit(2, 0, BLOCK))));
        return List.of(FX.prePrepare(0, BLOCK), FX.prepare(1, 0, BLOCK), FX.commit(2, 0, BLOCK), FX.signed(3, cp),
                vc, FX.signed(1, new ViewChange(2, proof, List.of())),
                FX.signed(1, new NewView(1, List.of(vc, vc), List.of(FX.signed(1, new PrePrepare(1, 1, BLOCK))))),
                FX.signed(2, new Status(3, 17, 16)), FX.signed(3, new BlockRequest(5, 8)),
                FX.signed(0, new BlockResponse(List.of(committed), proof)));
    }

    @Test
    void everyMessageTypeRoundTrips() {
        for (SignedMessage<?> m : samples()) {
            SignedMessage<Payload> back = SignedMessage.decode(m.encode());
            assertThat(back).as("%s", m.type()).isEqualTo(m);
            assertThat(PayloadCodec.decode(PayloadCodec.encode(m.payload()))).isEqualTo(m.payload());
            assertThat(back.encode()).isEqualTo(m.encode());
        }
    }

    @Test
    void decodedMessagesKeepVerifiableSignatures() {
        CertificateVerifier v = new CertificateVerifier(CHAIN, FX.validators, FakeCrypto.VERIFIER);
        for (SignedMessage<?> m : samples()) {
            assertThat(v.authenticate(SignedMessage.decode(m.encode())).isOk()).isTrue();
        }
    }

    @Test
    void aNestedMessageOfTheWrongTypeIsRejectedBeforeItIsDecoded() {
        SignedMessage<?> status = FX.signed(2, new Status(0, 0, 0));
        ByteWriter w = new ByteWriter().u8(6).i64(1).i32(1);
        status.writeTo(w);
        w.i32(0);
        assertThatThrownBy(() -> PayloadCodec.decode(w.toByteArray())).isInstanceOf(DecodeException.class)
                .hasMessageContaining("expected ViewChange");
        assertThatThrownBy(() -> status.as(PrePrepare.class)).isInstanceOf(ClassCastException.class);
    }

    @Test
    void everySingleByteChangeOrTruncationIsRejectedOrDecodesCanonically() {
        Random rnd = new Random(7);
        for (SignedMessage<?> m : samples()) {
            byte[] bytes = m.encode();
            for (int i = 0; i < bytes.length; i += 1 + rnd.nextInt(3)) {
                byte[] changed = bytes.clone();
                changed[i] ^= (byte) (1 << rnd.nextInt(8));
                assertDecodesCanonicallyOrRejects(changed);
            }
            for (int len = 0; len < bytes.length; len += 1 + rnd.nextInt(7)) {
                byte[] cut = Arrays.copyOf(bytes, len);
                assertThatThrownBy(() -> SignedMessage.decode(cut)).isInstanceOf(DecodeException.class);
            }
        }
    }

    private static void assertDecodesCanonicallyOrRejects(byte[] bytes) {
        SignedMessage<Payload> decoded;
        try {
            decoded = SignedMessage.decode(bytes);
        } catch (DecodeException expected) {
            return;
        }
        assertThat(decoded.encode()).isEqualTo(bytes);
    }

    @Property(tries = 2_000)
    void arbitraryBytesNeverEscapeAsAnythingButDecodeException(@ForAll @Size(max = 300) byte[] bytes) {
        assertDecodesCanonicallyOrRejects(bytes);
    }

    @Property(tries = 500)
    void arbitraryPayloadsBehindAValidTagNeverEscape(@ForAll @IntRange(min = 1, max = 9) int tag,
                                                      @ForAll @Size(max = 200) byte[] body) {
        byte[] bytes = new byte[body.length + 1];
        bytes[0] = (byte) tag;
        System.arraycopy(body, 0, bytes, 1, body.length);
        try {
            Payload p = PayloadCodec.decode(bytes);
            assertThat(PayloadCodec.encode(p)).isEqualTo(bytes);
        } catch (DecodeException expected) {
            // fine
        }
    }
}
