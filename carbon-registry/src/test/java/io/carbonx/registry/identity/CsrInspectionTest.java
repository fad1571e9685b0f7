package io.carbonx.registry.identity;

import static io.carbonx.registry.identity.PkiFixtures.T1;
import static io.carbonx.registry.identity.PkiFixtures.csr;
import static io.carbonx.registry.identity.PkiFixtures.p256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.carbonx.events.Role;
import io.carbonx.registry.identity.pki.CsrInspector;
import io.carbonx.registry.identity.pki.KeyKind;
import io.carbonx.registry.identity.pki.Pem;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of bad CSR is refused with its own reason and leaves the registry unchanged. */
class CsrInspectionTest {

    @TempDir
    Path dir;

    private IdentityService service;

    @BeforeEach
    void open() throws Exception {
        service = PkiFixtures.openService(dir);
    }

    @Test
    void acceptsP256P384Ed25519AndRsa2048() throws Exception {
        assertThat(CsrInspector.inspect(csr(p256())).keyKind()).isEqualTo(KeyKind.EC_P256);
        assertThat(CsrInspector.inspect(csr(PkiFixtures.ec("secp384r1"))).keyKind()).isEqualTo(KeyKind.EC_P384);
        assertThat(CsrInspector.inspect(csr(PkiFixtures.generate("Ed25519", 0))).keyKind()).isEqualTo(KeyKind.ED25519);
        assertThat(CsrInspector.inspect(csr(PkiFixtures.rsa2048())).keyKind()).isEqualTo(KeyKind.RSA);
    }

    @Test
    void rejectsMalformedDer() {
        refused(new byte[] {0x30, 0x03, 0x02, 0x01}, IdentityRefusal.MALFORMED_CSR);
        refused(new byte[0], IdentityRefusal.MALFORMED_CSR);
        refused(null, IdentityRefusal.MALFORMED_CSR);
        refused("hello, registry".getBytes(StandardCharsets.US_ASCII), IdentityRefusal.MALFORMED_CSR);
        byte[] good = csr(p256());
        refused(Arrays.copyOf(good, good.length - 5), IdentityRefusal.MALFORMED_CSR);
        refused(Arrays.copyOf(good, good.length + 1), IdentityRefusal.MALFORMED_CSR);
        refused(new byte[CsrInspector.MAX_CSR_BYTES + 1], IdentityRefusal.MALFORMED_CSR);
    }

    @Test
    void rejectsMalformedPem() {
        byte[] good = csr(p256());
        refused(Pem.encode("CERTIFICATE", good).getBytes(StandardCharsets.US_ASCII), IdentityRefusal.MALFORMED_CSR);
        refused("-----BEGIN CERTIFICATE REQUEST-----\n!!!!\n-----END CERTIFICATE REQUEST-----\n"
                .getBytes(StandardCharsets.US_ASCII), IdentityRefusal.MALFORMED_CSR);
        refused("-----BEGIN CERTIFICATE REQUEST-----\nMIIB\n".getBytes(StandardCharsets.US_ASCII),
                IdentityRefusal.MALFORMED_CSR);
        String two = Pem.encode("CERTIFICATE REQUEST", good) + Pem.encode("CERTIFICATE REQUEST", good);
        refused(two.getBytes(StandardCharsets.US_ASCII), IdentityRefusal.MALFORMED_CSR);
    }

    @Test
    void rejectsCorruptedSignature() {
        byte[] bad = csr(p256());
        bad[bad.length - 1] ^= 0x01;
        refused(bad, IdentityRefusal.BAD_CSR_SIGNATURE);
    }

    @Test
    void rejectsCsrSignedByAnotherKey() {
        KeyPair subject = p256();
        KeyPair other = p256();
        refused(csr(subject.getPublic(), other.getPrivate(), "SHA256withECDSA"), IdentityRefusal.BAD_CSR_SIGNATURE);
    }

    @Test
    void rejectsRsa1024AsWeak() {
        refused(csr(PkiFixtures.rsa(1024)), IdentityRefusal.WEAK_KEY);
    }

    @Test
    void rejectsSecp256k1AndBrainpoolCurves() {
        refused(csr(PkiFixtures.ec("secp256k1")), IdentityRefusal.UNSUPPORTED_CURVE);
        refused(csr(PkiFixtures.ec("brainpoolP256r1")), IdentityRefusal.UNSUPPORTED_CURVE);
        refused(csr(PkiFixtures.ec("secp224r1")), IdentityRefusal.UNSUPPORTED_CURVE);
    }

    @Test
    void rejectsUnknownKeyAlgorithm() {
        refused(csr(PkiFixtures.generate("Ed448", 0)), IdentityRefusal.UNSUPPORTED_KEY_ALGORITHM);
    }

    @Test
    void rejectsSha1Signature() {
        KeyPair rsa = PkiFixtures.rsa2048();
        refused(csr(rsa.getPublic(), rsa.getPrivate(), "SHA1withRSA"), IdentityRefusal.UNSUPPORTED_SIGNATURE_ALGORITHM);
        KeyPair ec = p256();
        refused(csr(ec.getPublic(), ec.getPrivate(), "SHA1withECDSA"), IdentityRefusal.UNSUPPORTED_SIGNATURE_ALGORITHM);
    }

    private void refused(byte[] csrBytes, IdentityRefusal reason) {
        String before = service.registry().stateHash();
        assertThatThrownBy(() -> service.submitRegistration(csrBytes, "Some Legal Name", Role.ENTERPRISE, T1))
                .isInstanceOfSatisfying(IdentityRefusedException.class, e -> assertThat(e.reason()).isEqualTo(reason));
        assertThat(service.registry().stateHash()).isEqualTo(before);
    }
}
