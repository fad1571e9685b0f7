package io.carbonx.chain.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import io.carbonx.registry.identity.pki.Pem;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.SortedMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Work de-duplicated within one verification (a certificate member parsed once per distinct text, a schema's text
 * rendered once per fingerprint) never lets a different member skip its own checks: two TSA certificate members
 * with the same subject but different bytes are each parsed and judged, and the bad one fails whichever comes first.
 */
class BundleDeduplicationTest {

    private static final String TSA_1 = "blocks/1/tsa-1.pem";
    private static final String TSA_3 = "blocks/3/tsa-1.pem";

    static EvidenceFixture fx;
    static byte[] trade;

    @BeforeAll
    static void fixture() throws Exception {
        fx = EvidenceFixture.create(EvidenceFixture.Seller.NORMAL);
        trade = new BundleBuilder(fx.source).build(EvidenceSubject.trade(EvidenceFixture.TRADE));
    }

    @Test
    void identicalTsaCertificateMembersVerifyBothTimestamps() throws Exception {
        SortedMap<String, byte[]> m = Reseal.members(trade);
        assertThat(m.get(TSA_1)).isEqualTo(m.get(TSA_3));
        VerificationReport r = new EvidenceVerifier().verify(trade, fx.pki.root());
        assertThat(r.valid()).as(r.render()).isTrue();
        assertThat(r.checks()).filteredOn(c -> c.name().startsWith("time-stamp ")).hasSize(2).allMatch(Check::passed);
    }

    @Test
    void laterTsaCertificateWithTheSameSubjectButOtherBytesFailsItsOwnTimestamp() throws Exception {
        VerificationReport r = verifyWithAlteredTsa(TSA_3);
        assertThat(check(r, "time-stamp 1 of block 1").passed()).isTrue();
        Check bad = check(r, "time-stamp 1 of block 3");
        assertThat(bad.passed()).as(r.render()).isFalse();
        assertThat(bad.reason()).isEqualTo(VerificationFailure.TIMESTAMP_INVALID);
        assertThat(r.valid()).isFalse();
    }

    @Test
    void earlierTsaCertificateWithTheSameSubjectButOtherBytesFailsItsOwnTimestamp() throws Exception {
        VerificationReport r = verifyWithAlteredTsa(TSA_1);
        Check bad = check(r, "time-stamp 1 of block 1");
        assertThat(bad.passed()).as(r.render()).isFalse();
        assertThat(bad.reason()).isEqualTo(VerificationFailure.TIMESTAMP_INVALID);
        assertThat(check(r, "time-stamp 1 of block 3").passed()).isTrue();
        assertThat(r.valid()).isFalse();
    }

    @Test
    void eventDirectoriesAreZeroPaddedToFourDigits() {
        assertThat(BundlePaths.eventDir(1)).isEqualTo("events/0001");
        assertThat(BundlePaths.eventDir(42)).isEqualTo("events/0042");
        assertThat(BundlePaths.eventDir(9999)).isEqualTo("events/9999");
        assertThat(BundlePaths.eventDir(123456)).isEqualTo("events/123456");
    }

    /** The TSA certificate member at {@code path} replaced by one with the same subject, key and TBS, other bytes. */
    private static VerificationReport verifyWithAlteredTsa(String path) throws Exception {
        SortedMap<String, byte[]> m = Reseal.members(trade);
        X509Certificate original = Pems.certificate(path, m.get(path));
        byte[] der = original.getEncoded();
        der[der.length - 1] ^= 1;   // inside the signature value: still a well-formed certificate
        byte[] altered = Pem.encode(Pem.CERTIFICATE, der).getBytes(StandardCharsets.US_ASCII);
        X509Certificate parsed = Pems.certificate(path, altered);
        assertThat(parsed.getSubjectX500Principal()).isEqualTo(original.getSubjectX500Principal());
        assertThat(Base64.getEncoder().encodeToString(der))
                .isNotEqualTo(Base64.getEncoder().encodeToString(original.getEncoded()));
        m.put(path, altered);
        return new EvidenceVerifier().verify(Reseal.reseal(m), fx.pki.root());
    }

    private static Check check(VerificationReport r, String name) {
        return r.checks().stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no check " + name + " in\n" + r.render()));
    }
}
