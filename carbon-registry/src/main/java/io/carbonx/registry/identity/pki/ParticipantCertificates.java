package io.carbonx.registry.identity.pki;

import io.carbonx.events.Role;
import io.carbonx.registry.identity.CertificateProfile;
import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;

/**
 * Builds participant certificates to the profile documented in {@link CertificateProfile}.
 */
public final class ParticipantCertificates {

    /** OID of the carbonxRole extension. */
    public static final ASN1ObjectIdentifier ROLE_EXTENSION = new ASN1ObjectIdentifier(CertificateProfile.ROLE_EXTENSION_OID);
    /** OID of the order-signing extended key usage. */
    public static final KeyPurposeId ORDER_SIGNING =
            KeyPurposeId.getInstance(new ASN1ObjectIdentifier(CertificateProfile.ORDER_SIGNING_EKU_OID));

    private ParticipantCertificates() {
    }

    /** What goes into one participant certificate. */
    public record Request(SubjectPublicKeyInfo publicKey, KeyKind keyKind, String participantId, String legalName,
                          Role role, BigInteger serial, Instant notBefore, Instant notAfter,
                          String crlDistributionUri) {
    }

    /** Signs a participant certificate with the issuing CA's key. */
    public static X509Certificate issue(Request request, X509Certificate issuingCa, PrivateKey issuingKey,
                                        SecureRandom random) {
        X500Name subject = subject(request.legalName(), request.role(), request.participantId());
        X500Name issuer = X500Name.getInstance(issuingCa.getSubjectX500Principal().getEncoded());
        X509v3CertificateBuilder builder = new X509v3CertificateBuilder(issuer, request.serial(),
                Certificates.x509Date(request.notBefore()), Certificates.x509Date(request.notAfter()), subject,
                request.publicKey());
        try {
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            int usage = KeyUsage.digitalSignature;
            if (request.keyKind().supportsKeyAgreement()) {
                usage |= KeyUsage.keyAgreement;
            }
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(usage));
            builder.addExtension(Extension.extendedKeyUsage, false,
                    new ExtendedKeyUsage(new KeyPurposeId[] {KeyPurposeId.id_kp_clientAuth, ORDER_SIGNING}));
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName(
                    GeneralName.uniformResourceIdentifier, CertificateProfile.participantUri(request.participantId()))));
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                    ext.createSubjectKeyIdentifier(request.publicKey()));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    ext.createAuthorityKeyIdentifier(issuingCa.getPublicKey()));
            builder.addExtension(ROLE_EXTENSION, false, new DERUTF8String(request.role().name()));
            if (request.crlDistributionUri() != null) {
                DistributionPointName name = new DistributionPointName(new GeneralNames(
                        new GeneralName(GeneralName.uniformResourceIdentifier, request.crlDistributionUri())));
                builder.addExtension(Extension.cRLDistributionPoints, false,
                        new CRLDistPoint(new DistributionPoint[] {new DistributionPoint(name, null, null)}));
            }
            return Certificates.fromDer(builder.build(CaCertificates.signer(issuingKey, random)).getEncoded());
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build a participant certificate", e);
        }
    }

    /** The subject name {@code O=<legal name>, OU=<ROLE>, CN=<id>, UID=<id>}. */
    public static X500Name subject(String legalName, Role role, String participantId) {
        return new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.O, legalName)
                .addRDN(BCStyle.OU, role.name())
                .addRDN(BCStyle.CN, participantId)
                .addRDN(BCStyle.UID, participantId)
                .build();
    }
}
