package io.carbonx.registry.identity;

import static io.carbonx.registry.identity.PkiFixtures.T0;
import static io.carbonx.registry.identity.PkiFixtures.T1;
import static io.carbonx.registry.identity.PkiFixtures.T2;
import static io.carbonx.registry.identity.PkiFixtures.bootstrapId;
import static io.carbonx.registry.identity.PkiFixtures.p256;
import static io.carbonx.registry.identity.PkiFixtures.register;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.carbonx.events.Role;
import io.carbonx.registry.identity.pki.Certificates;
import io.carbonx.registry.identity.pki.Crls;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.CRLReason;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertificateValidatorTest {

    @TempDir
    Path dir;
    @TempDir
    Path foreignDir;

    private IdentityService service;
    private ParticipantRegisteredRecord enterprise;

    @BeforeEach
    void open() throws Exception {
        service = PkiFixtures.openService(dir);
        enterprise = register(service, p256(), "Acme Steel Ltd", Role.ENTERPRISE, bootstrapId(service), T1);
    }

    private ValidationResult validate(byte[] der, Role role, Instant at) {
        return service.validator().validate(der, role, at);
    }

    @Test
    void validWithinValidity() {
        ValidationResult r = validate(enterprise.certificateDer(), Role.ENTERPRISE, T2);
        assertThat(r.status()).isEqualTo(ValidationStatus.VALID);
        assertThat(r.participant()).contains(enterprise.participantId());
        assertThat(service.validator().validate(enterprise.certificateDer(), EnumSet.allOf(Role.class), T2).isValid())
                .isTrue();
    }

    @Test
    void expiredAfterNotAfter() {
        assertThat(validate(enterprise.certificateDer(), Role.ENTERPRISE, enterprise.notAfter()).status())
                .isEqualTo(ValidationStatus.VALID);
        assertThat(validate(enterprise.certificateDer(), Role.ENTERPRISE, enterprise.notAfter().plusSeconds(1)).status())
                .isEqualTo(ValidationStatus.EXPIRED);
    }

    @Test
    void notYetValidBeforeNotBefore() {
        assertThat(validate(enterprise.certificateDer(), Role.ENTERPRISE, T1.minusSeconds(3600)).status())
                .isEqualTo(ValidationStatus.NOT_YET_VALID);
    }

    @Test
    void notYetValidBeforeTheCaExisted() {
        assertThat(validate(enterprise.certificateDer(), Role.ENTERPRISE, T0.minus(Duration.ofDays(1))).status())
                .isEqualTo(ValidationStatus.NOT_YET_VALID);
    }

    @Test
    void wrongRole() {
        ValidationResult r = validate(enterprise.certificateDer(), Role.REGULATOR, T2);
        assertThat(r.status()).isEqualTo(ValidationStatus.WRONG_ROLE);
        assertThat(r.role()).isEqualTo(Role.ENTERPRISE);
        assertThat(service.validator().validate(enterprise.certificateDer(),
                EnumSet.of(Role.COURT, Role.ARBITRATOR), T2).status()).isEqualTo(ValidationStatus.WRONG_ROLE);
    }

    @Test
    void revokedAfterRevocationTime_validBefore_andCrlListsIt() throws Exception {
        Instant revokedAt = T2;
        CertificateRevokedRecord revoked = service.revoke(enterprise.participantId(), RevocationReason.KEY_COMPROMISE,
                bootstrapId(service), revokedAt);
        assertThat(validate(enterprise.certificateDer(), Role.ENTERPRISE, T2.plusSeconds(1)).status())
                .as("a decision is not yet applied").isEqualTo(ValidationStatus.VALID);
        service.apply(revoked);

        assertThat(validate(enterprise.certificateDer(), Role.ENTERPRISE, revokedAt).status())
                .isEqualTo(ValidationStatus.REVOKED);
        assertThat(validate(enterprise.certificateDer(), Role.ENTERPRISE, revokedAt.plusSeconds(3600)).status())
                .isEqualTo(ValidationStatus.REVOKED);
        assertThat(validate(enterprise.certificateDer(), Role.ENTERPRISE, revokedAt.minusSeconds(1)).status())
                .as("signatures made before the revocation still validate at their time")
                .isEqualTo(ValidationStatus.VALID);

        X509CRL crl = Certificates.crlFromDer(revoked.crlDer());
        crl.verify(service.issuingCertificate().getPublicKey());
        assertThat(crl.getIssuerX500Principal()).isEqualTo(service.issuingCertificate().getSubjectX500Principal());
        assertThat(Crls.crlNumber(crl)).isEqualTo(1).isEqualTo(revoked.crlNumber());
        X509CRLEntry entry = crl.getRevokedCertificate(new BigInteger(enterprise.serialHex(), 16));
        assertThat(entry).isNotNull();
        assertThat(entry.getRevocationReason()).isEqualTo(CRLReason.KEY_COMPROMISE);
        assertThat(entry.getRevocationDate().toInstant()).isEqualTo(revokedAt);
        assertThat(crl.getNextUpdate().toInstant()).isEqualTo(revokedAt.plus(PkiFixtures.CONFIG.crlValidity()));
    }

    @Test
    void secondRevocationCrlHasNextNumberAndBothEntries() throws Exception {
        ParticipantRegisteredRecord other = register(service, p256(), "Other Ltd", Role.EXCHANGE, bootstrapId(service), T1);
        CertificateRevokedRecord first = service.revoke(enterprise.participantId(), RevocationReason.UNSPECIFIED,
                bootstrapId(service), T2);
        service.apply(first);
        CertificateRevokedRecord second = service.revoke(other.participantId(), RevocationReason.PRIVILEGE_WITHDRAWN,
                bootstrapId(service), T2.plusSeconds(60));
        service.apply(second);
        X509CRL crl = Certificates.crlFromDer(second.crlDer());
        assertThat(Crls.crlNumber(crl)).isEqualTo(2);
        assertThat(crl.getRevokedCertificates()).hasSize(2);
        assertThat(crl.getRevokedCertificate(new BigInteger(enterprise.serialHex(), 16)).getRevocationReason())
                .as("unspecified carries no reasonCode extension").isNull();
        assertThat(validate(other.certificateDer(), Role.EXCHANGE, T2.plusSeconds(61)).status())
                .isEqualTo(ValidationStatus.REVOKED);
        assertThat(service.validator().updateCrl(first.crlDer())).as("older CRL is ignored").isFalse();
        assertThat(validate(other.certificateDer(), Role.EXCHANGE, T2.plusSeconds(61)).status())
                .isEqualTo(ValidationStatus.REVOKED);
    }

    @Test
    void validatorBuiltFromEventsAloneAgreesWithTheRegistry() throws Exception {
        CertificateRevokedRecord revoked = service.revoke(enterprise.participantId(), RevocationReason.KEY_COMPROMISE,
                bootstrapId(service), T2);
        service.apply(revoked);
        CertificateValidator elsewhere = CertificateValidator.fromDer(service.rootCertificate().getEncoded(),
                List.of(service.issuingCertificate().getEncoded()));
        assertThat(elsewhere.validate(enterprise.certificateDer(), Role.ENTERPRISE, T2.plusSeconds(1)).status())
                .isEqualTo(ValidationStatus.VALID);
        assertThat(elsewhere.updateCrl(revoked.crlDer())).isTrue();
        assertThat(elsewhere.validate(enterprise.certificateDer(), Role.ENTERPRISE, T2.plusSeconds(1)).status())
                .isEqualTo(ValidationStatus.REVOKED);
    }

    @Test
    void certificateFromForeignCaWithSameNamesIsUntrusted() throws Exception {
        IdentityService foreign = PkiFixtures.openService(foreignDir);
        assertThat(foreign.issuingCertificate().getSubjectX500Principal())
                .isEqualTo(service.issuingCertificate().getSubjectX500Principal());
        ParticipantRegisteredRecord impostor = register(foreign, p256(), "Impostor Ltd", Role.REGULATOR,
                bootstrapId(foreign), T1);
        assertThat(validate(impostor.certificateDer(), Role.REGULATOR, T2).status())
                .isEqualTo(ValidationStatus.UNTRUSTED_CHAIN);
        assertThat(validate(foreign.bootstrapRegistration().certificateDer(), Role.REGULATOR, T2).status())
                .isEqualTo(ValidationStatus.UNTRUSTED_CHAIN);
    }

    @Test
    void certificateFromForeignCaWithOtherNamesIsUntrusted() throws Exception {
        IdentityService foreign = IdentityService.open(foreignDir, PkiFixtures.PASSPHRASE,
                PkiFixtures.CONFIG.withConsortiumName("Rogue Consortium"), T0);
        ParticipantRegisteredRecord impostor = register(foreign, p256(), "Impostor Ltd", Role.ENTERPRISE,
                bootstrapId(foreign), T1);
        ValidationResult r = validate(impostor.certificateDer(), Role.ENTERPRISE, T2);
        assertThat(r.status()).isEqualTo(ValidationStatus.UNTRUSTED_CHAIN);
        assertThat(r.detail()).contains("Rogue Consortium");
    }

    @Test
    void foreignCrlIsRefused() throws Exception {
        IdentityService foreign = PkiFixtures.openService(foreignDir);
        ParticipantRegisteredRecord p = register(foreign, p256(), "X Ltd", Role.ENTERPRISE, bootstrapId(foreign), T1);
        CertificateRevokedRecord r = foreign.revoke(p.participantId(), RevocationReason.UNSPECIFIED,
                bootstrapId(foreign), T2);
        assertThatThrownBy(() -> service.validator().updateCrl(r.crlDer()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("signature");
        assertThatThrownBy(() -> service.validator().updateCrl(new byte[] {1, 2, 3}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void crlWithAFlippedSignatureByteIsRefused_andNothingChanges() throws Exception {
        CertificateRevokedRecord revoked = service.revoke(enterprise.participantId(), RevocationReason.KEY_COMPROMISE,
                bootstrapId(service), T2);
        CertificateValidator elsewhere = CertificateValidator.fromDer(service.rootCertificate().getEncoded(),
                List.of(service.issuingCertificate().getEncoded()));
        byte[] der = revoked.crlDer().clone();
        der[der.length - 3] ^= 0x01;
        assertThatThrownBy(() -> elsewhere.updateCrl(der))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("signature");
        assertThat(elsewhere.crlsInstalled()).isZero();
        assertThat(elsewhere.validate(enterprise.certificateDer(), Role.ENTERPRISE, T2.plusSeconds(1)).status())
                .isEqualTo(ValidationStatus.VALID);
    }

    @Test
    void issuingCaNotSignedByTheRootIsRefused() throws Exception {
        IdentityService foreign = PkiFixtures.openService(foreignDir);
        assertThatThrownBy(() -> CertificateValidator.fromDer(service.rootCertificate().getEncoded(),
                List.of(foreign.issuingCertificate().getEncoded())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not signed by");
    }

    @Test
    void malformedBytesAndCaCertificatesAreMalformed() throws Exception {
        assertThat(validate(new byte[] {0x30, 0x00}, Role.ENTERPRISE, T2).status()).isEqualTo(ValidationStatus.MALFORMED);
        assertThat(validate(new byte[0], Role.ENTERPRISE, T2).status()).isEqualTo(ValidationStatus.MALFORMED);
        byte[] der = enterprise.certificateDer();
        assertThat(validate(Arrays.copyOf(der, der.length + 2), Role.ENTERPRISE, T2).status())
                .isEqualTo(ValidationStatus.MALFORMED);
        assertThat(validate(service.issuingCertificate().getEncoded(), Role.ENTERPRISE, T2).status())
                .isEqualTo(ValidationStatus.MALFORMED);
    }

    @Test
    void tamperedSignatureIsUntrusted() {
        byte[] der = enterprise.certificateDer();
        der[der.length - 3] ^= 0x01;
        assertThat(validate(der, Role.ENTERPRISE, T2).status()).isEqualTo(ValidationStatus.UNTRUSTED_CHAIN);
    }

    @Test
    void forgedRoleIsUntrusted() {
        byte[] der = enterprise.certificateDer();
        byte[] from = "ENTERPRISE".getBytes(StandardCharsets.US_ASCII);
        byte[] to = "REGULATORS".getBytes(StandardCharsets.US_ASCII);
        int replaced = 0;
        for (int i = 0; i + from.length <= der.length; i++) {
            if (Arrays.equals(der, i, i + from.length, from, 0, from.length)) {
                System.arraycopy(to, 0, der, i, to.length);
                replaced++;
            }
        }
        assertThat(replaced).as("role in OU and extension").isEqualTo(2);
        assertThat(validate(der, Role.REGULATOR, T2).status()).isEqualTo(ValidationStatus.UNTRUSTED_CHAIN);
    }

    @Test
    void bootstrapIsAValidRegulator() {
        assertThat(validate(service.bootstrapRegistration().certificateDer(), Role.REGULATOR, T2).status())
                .isEqualTo(ValidationStatus.VALID);
    }
}
