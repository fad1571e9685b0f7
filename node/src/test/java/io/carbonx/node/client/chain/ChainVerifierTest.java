package io.carbonx.node.client.chain;

import static org.assertj.core.api.Assertions.assertThat;

import io.carbonx.chain.CommitSignature;
import io.carbonx.chain.core.Digest;
import io.carbonx.chain.core.block.Block;
import io.carbonx.chain.core.block.BlockHeader;
import io.carbonx.chain.core.block.ChainState;
import io.carbonx.chain.core.block.LogEvent;
import io.carbonx.chain.core.pbft.message.Commit;
import io.carbonx.chain.core.pbft.message.CommitCertificate;
import io.carbonx.chain.core.pbft.message.CommittedBlock;
import io.carbonx.chain.core.pbft.message.SignedMessage;
import io.carbonx.chain.identity.ValidatorEnrolment;
import io.carbonx.chain.identity.ValidatorFiles;
import io.carbonx.chain.identity.ValidatorIdentity;
import io.carbonx.chain.identity.ValidatorRoster;
import io.carbonx.chain.runtime.BlockEvents;
import io.carbonx.events.BlockCommitted;
import io.carbonx.node.client.Report;
import io.carbonx.registry.identity.CertificateValidator;
import io.carbonx.registry.identity.IdentityConfig;
import io.carbonx.registry.identity.pki.KeyKind;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chain verifier on chains signed by real validator identities (issued by a registry CA made for the test):
 * a good chain passes, and each kind of damage fails with its check named.
 */
class ChainVerifierTest {

    private static final String CHAIN = "test-chain";
    private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
    private static final char[] PASS = "chain verifier test passphrase".toCharArray();

    @TempDir
    static Path dir;

    private static ValidatorRoster roster;
    private static List<ValidatorIdentity> validators;
    private static CertificateValidator trust;
    private static ValidatorCertificates certificates;

    @BeforeAll
    static void enrol() throws Exception {
        ValidatorEnrolment.Settings s = new ValidatorEnrolment.Settings(new ValidatorFiles(dir.resolve("validators")),
                ValidatorRoster.DEFAULT_ROLES, CHAIN, dir.resolve("ca"), PASS,
                IdentityConfig.defaults().withPbkdf2Iterations(1000), PASS, 1000, KeyKind.ED25519);
        ValidatorEnrolment.ensureEnrolled(s, Set.of(0, 1, 2, 3), NOW);
        roster = ValidatorEnrolment.roster(s.files(), ValidatorRoster.DEFAULT_ROLES, s.caDir(), NOW);
        validators = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            validators.add(ValidatorEnrolment.load(s.files(), i, PASS));
        }
        trust = roster.certificateValidator();
        certificates = ValidatorCertificates.load(List.of(dir.resolve("validators")));
    }

    /** Blocks 1..n, each with one event, signed by validators {@code signers}. */
    private static List<BlockHeader> headers(int n) {
        List<BlockHeader> out = new ArrayList<>();
        ChainState head = ChainState.genesis(CHAIN);
        for (int h = 1; h <= n; h++) {
            LogEvent e = new LogEvent("carbonx.orders", 0, h - 1, ("event " + h).getBytes(StandardCharsets.UTF_8));
            BlockHeader header = Block.assemble(head, List.of(e), NOW.toEpochMilli() + h * 1000L).header();
            head = head.append(header);
            out.add(header);
        }
        return out;
    }

    private static BlockCommitted signed(BlockHeader header, int... signers) {
        List<SignedMessage<Commit>> commits = new ArrayList<>();
        for (int v : signers) {
            commits.add(SignedMessage.sign(CHAIN, new Commit(0, header.height(), header.hash()), v,
                    validators.get(v).signer()));
        }
        return BlockEvents.toEvent(new CommittedBlock(header, new CommitCertificate(commits)), roster);
    }

    private static List<BlockCommitted> chain(int n) {
        List<BlockCommitted> out = new ArrayList<>();
        for (BlockHeader h : headers(n)) {
            out.add(signed(h, 0, 1, 2));
        }
        return out;
    }

    private static Report verify(List<BlockCommitted> blocks) {
        return new ChainVerifier(CHAIN, trust, certificates, 4).verify(blocks).report();
    }

    private static String failures(Report r) {
        StringBuilder b = new StringBuilder();
        r.failures().forEach(l -> b.append(l.render()).append('\n'));
        return b.toString();
    }

    @Test
    void aChainSignedByAQuorumOfValidatorsIsValid() {
        ChainVerifier.Result result = new ChainVerifier(CHAIN, trust, certificates, 4).verify(chain(3));

        assertThat(result.report().valid()).as(failures(result.report())).isTrue();
        assertThat(result.height()).isEqualTo(3);
        assertThat(result.events()).isEqualTo(3);
    }

    @Test
    void aBlockWhosePreviousHashDoesNotLinkFails_evenWithAValidCertificate() {
        List<BlockHeader> good = headers(2);
        BlockHeader second = good.get(1);
        BlockHeader unlinked = new BlockHeader(CHAIN, 2, Digest.ZERO.flipBit(3), second.merkleRoot(),
                second.treeSize(), second.ranges(), second.timeMs());
        Report r = verify(List.of(signed(good.get(0), 0, 1, 2), signed(unlinked, 0, 1, 2)));

        assertThat(r.valid()).isFalse();
        assertThat(failures(r)).contains("hash link 1 -> 2").doesNotContain("commit certificate of block");
    }

    @Test
    void aForgedSignatureFailsThatBlocksCertificate() {
        List<BlockCommitted> blocks = chain(3);
        CommitSignature original = blocks.get(1).getCommitSignatures().get(1);
        byte[] forged = new byte[original.getSignature().remaining()];
        original.getSignature().duplicate().get(forged);
        forged[5] ^= 1;
        blocks.get(1).getCommitSignatures().set(1, new CommitSignature(original.getValidatorId(),
                original.getCertificateSerial(), original.getAlgorithm(), ByteBuffer.wrap(forged)));

        Report r = verify(blocks);

        assertThat(r.valid()).isFalse();
        assertThat(failures(r)).contains("commit certificate of block 2").contains("does not verify")
                .doesNotContain("block 1").doesNotContain("block 3");
    }

    @Test
    void twoSignaturesOfFourValidatorsAreNotAQuorum() {
        List<BlockHeader> h = headers(1);
        Report r = verify(List.of(signed(h.get(0), 2, 3)));

        assertThat(r.valid()).isFalse();
        assertThat(failures(r)).contains("2 valid signatures from distinct validators, quorum 3");
    }

    @Test
    void aMissingBlockIsReported() {
        List<BlockCommitted> blocks = chain(3);
        blocks.remove(1);

        Report r = verify(blocks);

        assertThat(r.valid()).isFalse();
        assertThat(failures(r)).contains("blocks 2..2 are missing");
    }

    @Test
    void twoDifferentBlocksAtOneHeightAreAFork() {
        List<BlockHeader> h = headers(1);
        BlockHeader other = new BlockHeader(CHAIN, 1, Digest.ZERO, h.get(0).merkleRoot(), 1, h.get(0).ranges(),
                h.get(0).timeMs() + 1);
        Report r = verify(List.of(signed(h.get(0), 0, 1, 2), signed(other, 1, 2, 3)));

        assertThat(failures(r)).contains("a fork");
    }

    @Test
    void aSignerWhoseCertificateIsNotGivenFails() {
        ValidatorCertificates three = ValidatorCertificates.load(List.of(dir.resolve("validators").resolve("0"),
                dir.resolve("validators").resolve("1"), dir.resolve("validators").resolve("3")));
        Report r = new ChainVerifier(CHAIN, trust, three, 4).verify(chain(1)).report();

        assertThat(r.valid()).isFalse();
        assertThat(failures(r)).contains("certificate not given");
    }

    @Test
    void certificatesFromAnotherConsortiumAreNotTrusted(@TempDir Path other) throws Exception {
        ValidatorEnrolment.Settings s = new ValidatorEnrolment.Settings(new ValidatorFiles(other.resolve("v")),
                ValidatorRoster.DEFAULT_ROLES, CHAIN, other.resolve("ca"), PASS,
                IdentityConfig.defaults().withPbkdf2Iterations(1000), PASS, 1000, KeyKind.ED25519);
        ValidatorEnrolment.ensureEnrolled(s, Set.of(0), NOW);
        CertificateValidator otherTrust = ValidatorEnrolment.roster(s.files(), List.of(
                io.carbonx.events.Role.EXCHANGE), s.caDir(), NOW).certificateValidator();

        Report r = new ChainVerifier(CHAIN, otherTrust, certificates, 4).verify(chain(1)).report();

        assertThat(r.valid()).isFalse();
        assertThat(failures(r)).contains("not valid for a validator").contains("UNTRUSTED_CHAIN");
    }

    @Test
    void fewerThanFourValidatorsIsNotAValidatorSet() {
        Report r = new ChainVerifier(CHAIN, trust, certificates, 3).verify(chain(1)).report();

        assertThat(failures(r)).contains("validator set");
    }
}
