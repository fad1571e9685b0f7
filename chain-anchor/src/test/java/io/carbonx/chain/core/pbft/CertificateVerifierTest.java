package io.carbonx.chain.core.pbft;

import static io.carbonx.chain.core.pbft.Fixture.CHAIN;
import static org.assertj.core.api.Assertions.assertThat;

import io.carbonx.chain.core.block.BlockHeader;
import io.carbonx.chain.core.block.ChainState;
import io.carbonx.chain.core.pbft.message.Checkpoint;
import io.carbonx.chain.core.pbft.message.CheckpointProof;
import io.carbonx.chain.core.pbft.message.Commit;
import io.carbonx.chain.core.pbft.message.CommitCertificate;
import io.carbonx.chain.core.pbft.message.SignedMessage;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CertificateVerifierTest {

    private final Fixture fx = new Fixture(4);
    private final BlockHeader block = fx.proposal(Fixture.log(4), ChainState.genesis(CHAIN), 1_000);

    @Test
    void quorumSizesAndPrimaryRotation() {
        assertThat(new Fixture(4).validators.quorum()).isEqualTo(3);
        assertThat(new Fixture(7).validators.quorum()).isEqualTo(5);
        assertThat(new Fixture(7).validators.maxFaulty()).isEqualTo(2);
        assertThat(new Fixture(1).validators.quorum()).isEqualTo(1);
        assertThat(fx.validators.primary(0)).isZero();
        assertThat(fx.validators.primary(5)).isEqualTo(1);
    }

    @Test
    void commitCertificateNeedsAQuorumOfDistinctValidSignaturesOverTheBlockHash() {
        CertificateVerifier v = new CertificateVerifier(CHAIN, fx.validators, FakeCrypto.VERIFIER);
        SignedMessage<Commit> c0 = fx.commit(0, 0, block);
        SignedMessage<Commit> c1 = fx.commit(1, 0, block);
        SignedMessage<Commit> c2 = fx.commit(2, 0, block);
        assertThat(v.verifyCommitCertificate(block, new CommitCertificate(List.of(c0, c1, c2))).isOk()).isTrue();
        assertThat(v.verifyCommitCertificate(block, new CommitCertificate(List.of(c0, c1, c1))).reason())
                .isEqualTo(Reason.BAD_COMMIT_CERTIFICATE);
        assertThat(v.verifyCommitCertificate(block, new CommitCertificate(List.of(c0, c1))).reason())
                .isEqualTo(Reason.BAD_COMMIT_CERTIFICATE);
        SignedMessage<Commit> otherView = fx.signed(2, new Commit(1, 1, block.hash()));
        assertThat(v.verifyCommitCertificate(block, new CommitCertificate(List.of(c0, c1, otherView))).reason())
                .isEqualTo(Reason.BAD_COMMIT_CERTIFICATE);
        SignedMessage<Commit> outsider = SignedMessage.sign(CHAIN, c2.payload(), 7, fx.signer(2));
        assertThat(v.verifyCommitCertificate(block, new CommitCertificate(List.of(c0, c1, outsider))).reason())
                .isEqualTo(Reason.BAD_COMMIT_CERTIFICATE);
    }

    @Test
    void checkpointProofNeedsAQuorumAtACheckpointHeight() {
        CertificateVerifier v = new CertificateVerifier(CHAIN, fx.validators, FakeCrypto.VERIFIER);
        Checkpoint cp = new Checkpoint(4, block.hash());
        List<SignedMessage<Checkpoint>> three = List.of(fx.signed(0, cp), fx.signed(1, cp), fx.signed(3, cp));
        assertThat(v.verifyCheckpointProof(new CheckpointProof(4, block.hash(), three), 4).isOk()).isTrue();
        assertThat(v.verifyCheckpointProof(new CheckpointProof(4, block.hash(), three.subList(0, 2)), 4).reason())
                .isEqualTo(Reason.BAD_CHECKPOINT_PROOF);
        assertThat(v.verifyCheckpointProof(new CheckpointProof(4, block.hash(), three), 3).reason())
                .isEqualTo(Reason.BAD_CHECKPOINT_PROOF);
        assertThat(v.verifyCheckpointProof(new CheckpointProof(4, block.hash().flipBit(1), three), 4).reason())
                .isEqualTo(Reason.BAD_CHECKPOINT_PROOF);
        assertThat(v.verifyCheckpointProof(CheckpointProof.genesis(), 4).isOk()).isTrue();
    }

    @Test
    void onlySuccessfulVerificationsAreCached() {
        AtomicInteger calls = new AtomicInteger();
        SignatureVerifier counting = (k, m, s) -> {
            calls.incrementAndGet();
            return FakeCrypto.VERIFIER.verify(k, m, s);
        };
        CertificateVerifier v = new CertificateVerifier(CHAIN, fx.validators, counting);
        SignedMessage<Commit> good = fx.commit(1, 0, block);
        SignedMessage<Commit> bad = new SignedMessage<>(good.payload(), 1, new byte[32]);
        assertThat(v.authenticate(good).isOk()).isTrue();
        assertThat(v.authenticate(good).isOk()).isTrue();
        assertThat(calls).hasValue(1);
        assertThat(v.authenticate(bad).reason()).isEqualTo(Reason.BAD_SIGNATURE);
        assertThat(v.authenticate(bad).reason()).isEqualTo(Reason.BAD_SIGNATURE);
        assertThat(calls).hasValue(3);
        SignedMessage<Commit> claimsOther = new SignedMessage<>(good.payload(), 2, good.signature());
        assertThat(v.authenticate(claimsOther).reason()).isEqualTo(Reason.BAD_SIGNATURE);
    }
}
