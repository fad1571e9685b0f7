package io.carbonx.registry.identity;

import static io.carbonx.registry.identity.PkiFixtures.T1;
import static io.carbonx.registry.identity.PkiFixtures.bootstrapId;
import static io.carbonx.registry.identity.PkiFixtures.register;
import static org.assertj.core.api.Assertions.assertThat;

import io.carbonx.events.Role;
import io.carbonx.registry.identity.pki.Certificates;
import io.carbonx.registry.identity.pki.ParticipantIdentity;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The issued certificates carry exactly the documented profile. */
class CertificateProfileTest {

    @TempDir
    Path dir;

    @Test
    void participantCertificateProfile() throws Exception {
        IdentityService service = IdentityService.open(dir, PkiFixtures.PASSPHRASE,
                PkiFixtures.CONFIG.withCrlDistributionUri("http://registry.carbonx.test/crl"), PkiFixtures.T0);
        ParticipantRegisteredRecord p = register(service, PkiFixtures.p256(), "Acme, Steel + Sons", Role.VERIFIER,
                bootstrapId(service), T1);
        X509Certificate cert = Certificates.fromDer(p.certificateDer());

        assertThat(cert.getVersion()).isEqualTo(3);
        assertThat(cert.getSerialNumber().signum()).isPositive();
        assertThat(cert.getSigAlgName()).isEqualTo("SHA256withECDSA");
        assertThat(cert.getBasicConstraints()).isEqualTo(-1);
        assertThat(cert.getCriticalExtensionOIDs()).containsExactlyInAnyOrder(
                Extension.basicConstraints.getId(), Extension.keyUsage.getId());
        boolean[] ku = cert.getKeyUsage();
        assertThat(ku[0]).as("digitalSignature").isTrue();
        assertThat(ku[4]).as("keyAgreement for EC").isTrue();
        assertThat(ku[5] || ku[6]).as("no certificate or CRL signing").isFalse();
        assertThat(cert.getExtendedKeyUsage()).containsExactly(CertificateProfile.CLIENT_AUTH_EKU_OID,
                CertificateProfile.ORDER_SIGNING_EKU_OID);
        assertThat(cert.getSubjectAlternativeNames()).containsExactly(
                List.of(GeneralName.uniformResourceIdentifier, "urn:carbonx:participant:" + p.participantId()));
        assertThat(cert.getSubjectX500Principal().getName())
                .contains("CN=" + p.participantId(), "OU=VERIFIER", "O=Acme\\, Steel \\+ Sons");
        assertThat(ParticipantIdentity.of(cert)).isEqualTo(new ParticipantIdentity(p.participantId(),
                "Acme, Steel + Sons", Role.VERIFIER));

        byte[] aki = ASN1OctetString.getInstance(cert.getExtensionValue(Extension.authorityKeyIdentifier.getId()))
                .getOctets();
        byte[] issuerSki = ASN1OctetString.getInstance(service.issuingCertificate()
                .getExtensionValue(Extension.subjectKeyIdentifier.getId())).getOctets();
        assertThat(AuthorityKeyIdentifier.getInstance(aki).getKeyIdentifierOctets())
                .isEqualTo(SubjectKeyIdentifier.getInstance(issuerSki).getKeyIdentifier());
        assertThat(cert.getExtensionValue(Extension.subjectKeyIdentifier.getId())).isNotNull();
        byte[] dp = ASN1OctetString.getInstance(cert.getExtensionValue(Extension.cRLDistributionPoints.getId()))
                .getOctets();
        GeneralNames dpNames = GeneralNames.getInstance(CRLDistPoint.getInstance(dp).getDistributionPoints()[0]
                .getDistributionPoint().getName());
        assertThat(dpNames.getNames()[0].getName().toString()).isEqualTo("http://registry.carbonx.test/crl");
    }

    @Test
    void ed25519CertificateHasNoKeyAgreement() throws Exception {
        IdentityService service = PkiFixtures.openService(dir);
        ParticipantRegisteredRecord p = register(service, PkiFixtures.generate("Ed25519", 0), "Ed Validator",
                Role.EXCHANGE, bootstrapId(service), T1);
        X509Certificate cert = Certificates.fromDer(p.certificateDer());
        assertThat(cert.getKeyUsage()[0]).isTrue();
        assertThat(cert.getKeyUsage()[4]).isFalse();
        assertThat(cert.getExtensionValue(Extension.cRLDistributionPoints.getId())).isNull();
    }

    @Test
    void caCertificatesProfile() throws Exception {
        IdentityService service = PkiFixtures.openService(dir);
        X509Certificate root = service.rootCertificate();
        X509Certificate issuing = service.issuingCertificate();
        assertThat(root.getSubjectX500Principal()).isEqualTo(root.getIssuerX500Principal());
        assertThat(root.getBasicConstraints()).isEqualTo(Integer.MAX_VALUE);
        assertThat(issuing.getBasicConstraints()).isZero();
        assertThat(issuing.getIssuerX500Principal()).isEqualTo(root.getSubjectX500Principal());
        for (X509Certificate ca : List.of(root, issuing)) {
            assertThat(ca.getPublicKey().getAlgorithm()).isIn("EC", "ECDSA");
            assertThat(ca.getKeyUsage()[5]).as("keyCertSign").isTrue();
            assertThat(ca.getKeyUsage()[6]).as("cRLSign").isTrue();
            assertThat(ca.getKeyUsage()[0]).as("no digitalSignature").isFalse();
        }
        assertThat(root.getNotAfter().toInstant()).isEqualTo(PkiFixtures.T0.plus(PkiFixtures.CONFIG.rootValidity()));
    }
}
