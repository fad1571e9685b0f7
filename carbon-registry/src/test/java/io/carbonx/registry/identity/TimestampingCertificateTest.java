package io.carbonx.registry.identity;

import static io.carbonx.registry.identity.PkiFixtures.T1;
import static io.carbonx.registry.identity.PkiFixtures.T2;
import static io.carbonx.registry.identity.PkiFixtures.bootstrapId;
import static io.carbonx.registry.identity.PkiFixtures.csr;
import static io.carbonx.registry.identity.PkiFixtures.p256;
import static io.carbonx.registry.identity.PkiFixtures.register;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.carbonx.events.Role;
import io.carbonx.registry.identity.pki.Certificates;
import io.carbonx.registry.identity.pki.Pem;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The time-stamping authority profile: who may get one, what it holds, who accepts it. */
class TimestampingCertificateTest {

    @TempDir
    Path dir;
    @TempDir
    Path work;

    private IdentityService service;
    private ParticipantRegisteredRecord court;

    @BeforeEach
    void open() throws Exception {
        service = PkiFixtures.openService(dir);
        court = register(service, p256(), "High Court of Carbon", Role.COURT, bootstrapId(service), T1);
    }

    @Test
    void courtGetsTsaCertificateWithCriticalTimeStampingEkuOnly() throws Exception {
        X509Certificate tsa = service.issueTimestampingCertificate(court.participantId(), csr(p256()),
                bootstrapId(service), T1);

        assertThat(tsa.getExtendedKeyUsage()).containsExactly(CertificateProfile.TIME_STAMPING_EKU_OID);
        assertThat(tsa.getCriticalExtensionOIDs()).contains("2.5.29.37");
        assertThat(tsa.getKeyUsage()[0]).isTrue();
        assertThat(tsa.getBasicConstraints()).isEqualTo(-1);
        ValidationResult result = service.validator().validateTimestampAuthority(tsa, T2);
        assertThat(result.status()).isEqualTo(ValidationStatus.VALID);
        assertThat(result.participantId()).isEqualTo(court.participantId());
        assertThat(result.role()).isEqualTo(Role.COURT);
    }

    @Test
    void tsaCertificateIsNotAParticipantIdentityAndParticipantCertificateIsNotATsa() throws Exception {
        X509Certificate tsa = service.issueTimestampingCertificate(court.participantId(), csr(p256()),
                bootstrapId(service), T1);

        assertThat(service.validator().validate(tsa, Role.COURT, T2).status()).isEqualTo(ValidationStatus.MALFORMED);
        X509Certificate identity = Certificates.fromDer(court.certificateDer());
        assertThat(service.validator().validateTimestampAuthority(identity, T2).status())
                .isEqualTo(ValidationStatus.MALFORMED);
    }

    @Test
    void enterpriseMayNotOperateTsa() throws Exception {
        ParticipantRegisteredRecord firm = register(service, p256(), "Acme Steel Ltd", Role.ENTERPRISE,
                bootstrapId(service), T1);
        assertThatThrownBy(() -> service.issueTimestampingCertificate(firm.participantId(), csr(p256()),
                bootstrapId(service), T1))
                .isInstanceOf(IdentityRefusedException.class)
                .extracting(e -> ((IdentityRefusedException) e).reason())
                .isEqualTo(IdentityRefusal.TIMESTAMPING_NOT_PERMITTED);
    }

    @Test
    void tsaKeyMustNotBeAParticipantKey() {
        KeyPair courtKey = p256();
        assertThatThrownBy(() -> {
            ParticipantRegisteredRecord other = register(service, courtKey, "Arbitration Chamber", Role.ARBITRATOR,
                    bootstrapId(service), T1);
            service.issueTimestampingCertificate(other.participantId(), csr(courtKey), bootstrapId(service), T1);
        }).isInstanceOf(IdentityRefusedException.class)
                .extracting(e -> ((IdentityRefusedException) e).reason())
                .isEqualTo(IdentityRefusal.DUPLICATE_KEY);
    }

    @Test
    void onlyRegulatorIssuesTsaCertificates() {
        assertThatThrownBy(() -> service.issueTimestampingCertificate(court.participantId(), csr(p256()),
                court.participantId(), T1))
                .isInstanceOf(IdentityRefusedException.class)
                .extracting(e -> ((IdentityRefusedException) e).reason())
                .isEqualTo(IdentityRefusal.APPROVER_NOT_AUTHORISED);
    }

    @Test
    void opensslAcceptsTsaCertificateForTimestampSigning() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(openSslAvailable(), "openssl is not on the PATH");
        X509Certificate tsa = service.issueTimestampingCertificate(court.participantId(), csr(p256()),
                bootstrapId(service), T1);
        Files.writeString(work.resolve("root.pem"), Certificates.pem(service.rootCertificate()));
        Files.writeString(work.resolve("issuing.pem"), Certificates.pem(service.issuingCertificate()));
        Files.writeString(work.resolve("tsa.pem"), Pem.encode(Pem.CERTIFICATE, tsa.getEncoded()));
        Files.writeString(work.resolve("court.pem"), Pem.encode(Pem.CERTIFICATE, court.certificateDer()));

        assertThat(openssl("verify", "-attime", Long.toString(T2.getEpochSecond()), "-x509_strict", "-purpose",
                "timestampsign", "-CAfile", "root.pem", "-untrusted", "issuing.pem", "tsa.pem")).isZero();
        assertThat(openssl("verify", "-attime", Long.toString(T2.getEpochSecond()), "-x509_strict", "-purpose",
                "timestampsign", "-CAfile", "root.pem", "-untrusted", "issuing.pem", "court.pem")).isNotZero();
    }

    private int openssl(String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("openssl"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(work.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("openssl hung: " + out);
        }
        return p.exitValue();
    }

    private static boolean openSslAvailable() {
        try {
            Process p = new ProcessBuilder("openssl", "version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }
}
