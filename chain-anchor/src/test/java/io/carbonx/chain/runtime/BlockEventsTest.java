package io.carbonx.chain.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.carbonx.chain.CommitSignature;
import io.carbonx.chain.core.block.Block;
import io.carbonx.chain.core.block.ChainState;
import io.carbonx.chain.core.block.LogEvent;
import io.carbonx.chain.core.pbft.message.Commit;
import io.carbonx.chain.core.pbft.message.CommitCertificate;
import io.carbonx.chain.core.pbft.message.CommittedBlock;
import io.carbonx.chain.core.pbft.message.SignedMessage;
import io.carbonx.chain.identity.ValidatorEnrolment;
import io.carbonx.chain.identity.ValidatorFiles;
import io.carbonx.chain.identity.ValidatorRoster;
import io.carbonx.chain.testing.ChainTestSupport;
import io.carbonx.events.BlockCommitted;
import io.carbonx.registry.identity.IdentityConfig;
import io.carbonx.registry.identity.pki.KeyKind;
import io.carbonx.schemas.EventCodec;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.Signature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** BlockCommitted events: lossless round trip, and signatures checkable from the event alone with plain JCA. */
class BlockEventsTest {

    private static final String CHAIN = "events-chain";
    private static final char[] PASS = ChainTestSupport.PASSPHRASE.toCharArray();

    @TempDir
    Path dir;
    private ValidatorRoster roster;
    private ValidatorEnrolment.Settings settings;

    @BeforeEach
    void enrol() throws Exception {
        settings = new ValidatorEnrolment.Settings(new ValidatorFiles(dir.resolve("v")), ValidatorRoster.DEFAULT_ROLES,
                CHAIN, dir.resolve("ca"), PASS, IdentityConfig.defaults().withPbkdf2Iterations(1000), PASS, 1000,
                KeyKind.ED25519);
        ValidatorEnrolment.ensureEnrolled(settings, Set.of(0, 1, 2, 3), Instant.now());
        roster = ValidatorEnrolment.roster(settings.files(), ValidatorRoster.DEFAULT_ROLES, settings.caDir(),
                Instant.now());
    }

    private CommittedBlock signedBlock() throws Exception {
        Block b = Block.assemble(ChainState.genesis(CHAIN), List.of(
                new LogEvent("carbonx.trades", 0, 0, "t0".getBytes(StandardCharsets.UTF_8)),
                new LogEvent("carbonx.trades", 0, 2, "t2".getBytes(StandardCharsets.UTF_8))), 1_700_000_000_000L);
        List<SignedMessage<Commit>> commits = new ArrayList<>();
        for (int v : new int[] {3, 0, 2}) {
            commits.add(SignedMessage.sign(CHAIN, new Commit(5, 1, b.header().hash()), v,
                    ValidatorEnrolment.load(settings.files(), v, PASS).signer()));
        }
        return new CommittedBlock(b.header(), new CommitCertificate(commits));
    }

    @Test
    void aCommittedBlockSurvivesTheEventRoundTrip() throws Exception {
        CommittedBlock block = signedBlock();

        BlockCommitted event = BlockEvents.toEvent(block, roster);
        byte[] bytes = EventCodec.standard().encode(event);
        CommittedBlock back = BlockEvents.fromEvent(EventCodec.standard().decode(bytes, BlockCommitted.class), roster);

        assertThat(back.header()).isEqualTo(block.header());
        assertThat(event.getCommitSignatures()).extracting(CommitSignature::getValidatorId)
                .containsExactly(roster.member(0).participantId(), roster.member(2).participantId(),
                        roster.member(3).participantId());
        assertThat(event.getEnvelope().getEventId()).isEqualTo("block-" + CHAIN + "-1");
        assertThat(ChainTestSupport.verifier(CHAIN, roster).verifyCommitCertificate(back.header(), back.certificate())
                .isOk()).isTrue();
    }

    @Test
    void eachCommitSignatureVerifiesOverTheDocumentedBytesWithTheValidatorCertificate() throws Exception {
        BlockCommitted event = BlockEvents.toEvent(signedBlock(), roster);
        byte[] hash = bytes(event.getBlockHash());

        for (CommitSignature s : event.getCommitSignatures()) {
            ByteArrayOutputStream signed = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(signed);
            out.write("CXPBFT".getBytes(StandardCharsets.US_ASCII));
            out.writeByte(1);
            out.writeShort(CHAIN.length());
            out.write(CHAIN.getBytes(StandardCharsets.UTF_8));
            out.writeByte(3);
            out.writeLong(event.getView());
            out.writeLong(event.getHeader().getHeight());
            out.write(hash);
            ValidatorRoster.Member m = roster.member(roster.idOfParticipant(s.getValidatorId()).orElseThrow());
            assertThat(s.getCertificateSerial()).isEqualTo(m.certificate().getSerialNumber().toString(16));
            Signature jca = Signature.getInstance(s.getAlgorithm());
            jca.initVerify(m.certificate().getPublicKey());
            jca.update(signed.toByteArray());
            assertThat(jca.verify(bytes(s.getSignature()))).as(s.getValidatorId()).isTrue();
        }
    }

    @Test
    void anEventWhoseStatedHashOrSignerIsWrongIsRefusedBeforeAnyVerification() throws Exception {
        BlockCommitted event = BlockEvents.toEvent(signedBlock(), roster);
        BlockCommitted wrongHash = BlockCommitted.newBuilder(event).setBlockHash(ByteBuffer.wrap(new byte[32])).build();
        List<CommitSignature> sigs = new ArrayList<>(event.getCommitSignatures());
        sigs.set(0, CommitSignature.newBuilder(sigs.get(0)).setValidatorId("p-00000000000000000000").build());
        BlockCommitted stranger = BlockCommitted.newBuilder(event).setCommitSignatures(sigs).build();

        assertThatThrownBy(() -> BlockEvents.fromEvent(wrongHash, roster)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("hash");
        assertThatThrownBy(() -> BlockEvents.fromEvent(stranger, roster)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a validator");
    }

    private static byte[] bytes(ByteBuffer b) {
        ByteBuffer d = b.duplicate();
        byte[] out = new byte[d.remaining()];
        d.get(out);
        return out;
    }
}
