package io.carbonx.registry.identity.pki;

import io.carbonx.registry.identity.CertificateProfile;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;

/**
 * Builds the certificate of a consortium time-stamping authority (RFC 3161 §2.3), issued to an existing
 * participant (the court node by default) for a key that is used for nothing else.
 *
 * <p>Profile: the participant's subject ({@code O, OU, CN, UID}), subjectAltName participant URI and carbonxRole
 * extension, exactly as in a participant certificate, so the TSA is identified as that participant; but
 * keyUsage (critical) is digitalSignature only and extendedKeyUsage is <b>critical and holds only
 * id-kp-timeStamping</b> (1.3.6.1.5.5.7.3.8), as RFC 3161 requires and as {@code openssl ts -verify} checks.
 * Such a certificate is not accepted as a participant identity (it lacks clientAuth) and a participant
 * certificate is not accepted as a TSA (it lacks the time-stamping purpose).
 */
public final class TimestampingCertificates {

    private TimestampingCertificates() {
    }

    /** Signs a TSA certificate with the issuing CA's key; {@code request.keyKind()} is ignored. */
    public static X509Certificate issue(ParticipantCertificates.Request request, X509Certificate issuingCa,
                                        PrivateKey issuingKey, SecureRandom random) {
        X500Name subject = ParticipantCertificates.subject(request.legalName(), request.role(), request.participantId());
        X500Name issuer = X500Name.getInstance(issuingCa.getSubjectX500Principal().getEncoded());
        X509v3CertificateBuilder builder = new X509v3CertificateBuilder(issuer, request.serial(),
                Certificates.x509Date(request.notBefore()), Certificates.x509Date(request.notAfter()), subject,
                request.publicKey());
        try {
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            builder.addExtension(Extension.extendedKeyUsage, true,
                    new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName(
                    GeneralName.uniformResourceIdentifier, CertificateProfile.participantUri(request.participantId()))));
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                    ext.createSubjectKeyIdentifier(request.publicKey()));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    ext.createAuthorityKeyIdentifier(issuingCa.getPublicKey()));
            builder.addExtension(ParticipantCertificates.ROLE_EXTENSION, false,
                    new DERUTF8String(request.role().name()));
            return Certificates.fromDer(builder.build(CaCertificates.signer(issuingKey, random)).getEncoded());
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build a time-stamping certificate", e);
        }
    }
}
