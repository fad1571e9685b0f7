package io.carbonx.chain.evidence;

import static io.carbonx.chain.testing.TestPki.T1;
import static org.assertj.core.api.Assertions.assertThat;

import io.carbonx.chain.testing.TestPki;
import io.carbonx.chain.testing.TestPki.Participant;
import io.carbonx.events.Role;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.SortedMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Certificates, signatures and time-stamps judged at the right time and against the right root: a revoked, foreign
 * or expired signer is rejected with the reason; a signer revoked after its order was anchored is not; a time-stamp
 * over another hash, a missing quorum, a validator of the wrong role, a forged commit and a foreign root are
 * rejected.
 */
class EvidenceCertificateTest {

    static EvidenceFixture normal;
    static byte[] trade;

    @BeforeAll
    static void fixture() throws Exception {
        normal = EvidenceFixture.create(EvidenceFixture.Seller.NORMAL);
        trade = new BundleBuilder(normal.source).build(EvidenceSubject.trade(EvidenceFixture.TRADE));
    }

    private static VerificationReport verify(EvidenceFixture fx, byte[] zip) {
        return new EvidenceVerifier().verify(zip, fx.pki.root());
    }

    private static byte[] sellOrderBundle(EvidenceFixture fx) throws EvidenceException {
        return new BundleBuilder(fx.source).build(EvidenceSubject.order(EvidenceFixture.SELL_ORDER));
    }

    private static Check onlyFailure(VerificationReport r) {
        assertThat(r.valid()).isFalse();
        assertThat(r.failures()).as(r.render()).hasSize(1);
        return r.failures().get(0);
    }

    @Test
    void signerRevokedBeforeItsOrderWasAnchoredIsRejectedAsRevoked(@TempDir Path dir) throws Exception {
        EvidenceFixture fx = EvidenceFixture.create(dir, EvidenceFixture.Seller.REVOKED_BEFORE);
        Check failure = onlyFailure(verify(fx, sellOrderBundle(fx)));
        assertThat(failure.reason()).isEqualTo(VerificationFailure.SIGNER_CERTIFICATE_INVALID);
        assertThat(failure.detail()).contains("REVOKED");
    }

    @Test
    void signerRevokedAfterItsOrderWasAnchoredStillVerifies(@TempDir Path dir) throws Exception {
        EvidenceFixture fx = EvidenceFixture.create(dir, EvidenceFixture.Seller.REVOKED_AFTER);
        VerificationReport r = verify(fx, sellOrderBundle(fx));
        assertThat(r.valid()).as(r.render()).isTrue();
        assertThat(fx.source.certificates().crl().getRevokedCertificates()).hasSize(1);
    }

    @Test
    void signerWhoseCertificateExpiredBeforeTheOrderWasAnchoredIsRejectedAsExpired(@TempDir Path dir) throws Exception {
        EvidenceFixture fx = EvidenceFixture.create(dir, EvidenceFixture.Seller.EXPIRED);
        Check failure = onlyFailure(verify(fx, sellOrderBundle(fx)));
        assertThat(failure.reason()).isEqualTo(VerificationFailure.SIGNER_CERTIFICATE_INVALID);
        assertThat(failure.detail()).contains("EXPIRED");
    }

    @Test
    void signerCertifiedByAnotherConsortiumIsRejectedAsUntrusted(@TempDir Path dir) throws Exception {
        EvidenceFixture fx = EvidenceFixture.create(dir, EvidenceFixture.Seller.FOREIGN);
        Check failure = onlyFailure(verify(fx, sellOrderBundle(fx)));
        assertThat(failure.reason()).isEqualTo(VerificationFailure.SIGNER_CERTIFICATE_INVALID);
        assertThat(failure.detail()).contains("UNTRUSTED_CHAIN");
    }

    @Test
    void bundleCheckedAgainstAnotherRootIsRejectedAsRootMismatch(@TempDir Path dir) {
        TestPki other = TestPki.create(dir, Duration.ofDays(365));
        VerificationReport r = new EvidenceVerifier().verify(trade, other.root());
        assertThat(r.valid()).isFalse();
        assertThat(r.failures()).extracting(Check::reason).contains(VerificationFailure.ROOT_MISMATCH);
    }

    @Test
    void timestampOverAnotherBlockHashIsRejectedAsImprintMismatch() throws Exception {
        SortedMap<String, byte[]> m = Reseal.members(trade);
        m.put("blocks/1/timestamp-1.tsr", m.get("blocks/3/timestamp-1.tsr"));
        VerificationReport r = verify(normal, Reseal.reseal(m));
        assertThat(r.valid()).isFalse();
        Check first = r.failures().get(0);
        assertThat(first.name()).isEqualTo("time-stamp 1 of block 1");
        assertThat(first.reason()).isEqualTo(VerificationFailure.TIMESTAMP_INVALID);
        assertThat(first.detail()).startsWith("IMPRINT_MISMATCH");
    }

    @Test
    void eventBlockWithoutAnyLaterTimestampIsRejectedAsNoTimestamp() throws Exception {
        SortedMap<String, byte[]> m = Reseal.members(trade);
        m.remove("blocks/3/timestamp-1.tsr");
        m.remove("blocks/3/tsa-1.pem");
        VerificationReport r = verify(normal, Reseal.reseal(m));
        assertThat(r.failures()).extracting(Check::reason).containsOnly(VerificationFailure.NO_TIMESTAMP);
        assertThat(r.failures()).extracting(Check::name).containsExactly("time of event 5", "time of event 6");
    }

    @Test
    void latestBlockSignedByFewerThanAQuorumIsRejected() throws Exception {
        SortedMap<String, byte[]> m = Reseal.members(trade);
        for (int v : new int[] {1, 2}) {
            m.remove("blocks/5/commit-" + v + ".msg");
            m.remove("blocks/5/commit-" + v + ".sig");
        }
        Check failure = onlyFailure(verify(normal, Reseal.reseal(m)));
        assertThat(failure.reason()).isEqualTo(VerificationFailure.QUORUM_NOT_REACHED);
        assertThat(failure.detail()).contains("only 2 valid signatures, quorum is 3");
    }

    @Test
    void latestBlockWithoutCommitSignaturesIsRejected() throws Exception {
        SortedMap<String, byte[]> m = Reseal.members(trade);
        m.keySet().removeIf(p -> p.startsWith("blocks/5/commit-"));
        Check failure = onlyFailure(verify(normal, Reseal.reseal(m)));
        assertThat(failure.reason()).isEqualTo(VerificationFailure.COMMITS_MISSING);
    }

    @Test
    void commitSignedForAnotherHeightIsRejectedAsInvalidMessage() throws Exception {
        SortedMap<String, byte[]> m = Reseal.members(trade);
        byte[] msg = m.get("blocks/5/commit-0.msg").clone();
        msg[msg.length - 33] ^= 1;   // height's last byte: the COMMIT is for block 4, validly signed or not
        m.put("blocks/5/commit-0.msg", msg);
        Check failure = onlyFailure(verify(normal, Reseal.reseal(m)));
        assertThat(failure.reason()).isEqualTo(VerificationFailure.COMMIT_MESSAGE_INVALID);
    }

    @Test
    void commitSignatureByAnotherValidatorsKeyIsRejected() throws Exception {
        SortedMap<String, byte[]> m = Reseal.members(trade);
        m.put("blocks/5/commit-0.sig", m.get("blocks/5/commit-2.sig"));   // both Ed25519; 2's key signed it
        Check failure = onlyFailure(verify(normal, Reseal.reseal(m)));
        assertThat(failure.reason()).isEqualTo(VerificationFailure.COMMIT_SIGNATURE_INVALID);
    }

    @Test
    void enterpriseCertificateInTheValidatorSetIsRejected() throws Exception {
        SortedMap<String, byte[]> m = Reseal.members(trade);
        m.put("certs/validator-3.pem", Pems.encode(normal.buyer.certificate()));
        VerificationReport r = verify(normal, Reseal.reseal(m));
        assertThat(r.failures()).extracting(Check::reason).contains(VerificationFailure.VALIDATOR_SET_INVALID);
        assertThat(r.failures().get(0).detail()).contains("WRONG_ROLE");
    }

    @Test
    void validatorSetOfThreeIsRejected() throws Exception {
        SortedMap<String, byte[]> m = Reseal.members(trade);
        m.remove("certs/validator-3.pem");
        m.remove("blocks/5/commit-3.msg");
        m.remove("blocks/5/commit-3.sig");
        VerificationReport r = verify(normal, Reseal.reseal(m));
        assertThat(r.failures()).extracting(Check::reason).containsExactly(VerificationFailure.VALIDATOR_SET_INVALID);
    }

    @Test
    void bundleNamingAnotherSubjectIsRejected() throws Exception {
        SortedMap<String, byte[]> m = Reseal.members(trade);
        m.put(BundlePaths.INFO, "format: carbonx-evidence-bundle/1\nchain-id: cx-test\nsubject: trade T-2\n"
                .getBytes(StandardCharsets.US_ASCII));
        Check failure = onlyFailure(verify(normal, Reseal.reseal(m)));
        assertThat(failure.reason()).isEqualTo(VerificationFailure.SUBJECT_NOT_EVIDENCED);
    }

    @Test
    void tsaCertificateOfAnotherConsortiumIsRejected(@TempDir Path dir) throws Exception {
        TestPki foreign = TestPki.create(dir, Duration.ofDays(365));
        Participant court = foreign.register("Foreign Court", Role.COURT, false, T1);
        var tsa = foreign.timestampAuthority(court, T1, new java.security.SecureRandom());
        SortedMap<String, byte[]> m = Reseal.members(trade);
        var stamp = new io.carbonx.chain.timestamp.LocalTimestampClient(tsa,
                java.time.Clock.fixed(TestPki.T2, java.time.ZoneOffset.UTC), new java.security.SecureRandom())
                .timestamp(normal.source.blockHash(1)).toCompletableFuture().join();
        m.put("blocks/1/timestamp-1.tsr", stamp.responseDer());
        m.put("blocks/1/tsa-1.pem", Pems.encode(tsa.certificate()));
        VerificationReport r = verify(normal, Reseal.reseal(m));
        Check first = r.failures().get(0);
        assertThat(first.reason()).isEqualTo(VerificationFailure.TIMESTAMP_INVALID);
        assertThat(first.detail()).contains("UNTRUSTED_CHAIN");
    }
}
