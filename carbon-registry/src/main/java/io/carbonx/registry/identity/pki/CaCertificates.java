package io.carbonx.registry.identity.pki;

import io.carbonx.registry.identity.IdentityConfig;
import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Creates the consortium's CA certificates: a self-signed root and an issuing CA under it, both ECDSA P-256 with
 * ecdsa-with-SHA256 signatures (profile in {@link io.carbonx.registry.identity.CertificateProfile}).
 */
public final class CaCertificates {

    /** Signature algorithm of every certificate and CRL the consortium CAs sign. */
    public static final String CA_SIGNATURE_ALGORITHM = "SHA256withECDSA";

    private CaCertificates() {
    }

    /** A fresh ECDSA P-256 key pair. */
    public static KeyPair newP256KeyPair(SecureRandom random) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", BcProvider.get());
            generator.initialize(new ECGenParameterSpec("secp256r1"), random);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("P-256 key generation unavailable", e);
        }
    }

    /** A random positive serial number of at most 128 bits (never zero). */
    public static BigInteger randomSerial(SecureRandom random) {
        return new BigInteger(128, random).setBit(0);
    }

    /** The self-signed root certificate valid from {@code now} for the configured root validity. */
    public static X509Certificate root(KeyPair rootKeys, IdentityConfig config, Instant now, SecureRandom random) {
        X500Name subject = caName(config.consortiumName() + " Root CA", config.consortiumName());
        Instant notAfter = now.plus(config.rootValidity());
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, randomSerial(random),
                Certificates.x509Date(now), Certificates.x509Date(notAfter), subject, rootKeys.getPublic());
        return signCa(builder, new BasicConstraints(true), rootKeys.getPublic(), rootKeys.getPublic(),
                rootKeys.getPrivate(), random);
    }

    /** The issuing CA certificate signed by the root, pathLen 0, never outliving the root. */
    public static X509Certificate issuing(PublicKey issuingKey, X509Certificate root, PrivateKey rootKey,
                                          IdentityConfig config, Instant now, SecureRandom random) {
        X500Name subject = caName(config.consortiumName() + " Issuing CA", config.consortiumName());
        Instant notAfter = min(now.plus(config.issuingValidity()), root.getNotAfter().toInstant());
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(root, randomSerial(random),
                Certificates.x509Date(now), Certificates.x509Date(notAfter), subject, issuingKey);
        return signCa(builder, new BasicConstraints(0), issuingKey, root.getPublicKey(), rootKey, random);
    }

    /** A content signer for the CA key (ECDSA P-256 with SHA-256, via BouncyCastle). */
    public static ContentSigner signer(PrivateKey caKey, SecureRandom random) {
        try {
            return new JcaContentSignerBuilder(CA_SIGNATURE_ALGORITHM).setProvider(BcProvider.get())
                    .setSecureRandom(random).build(caKey);
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("cannot sign with the CA key", e);
        }
    }

    static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static X500Name caName(String commonName, String organisation) {
        return new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.O, organisation)
                .addRDN(BCStyle.CN, commonName)
                .build();
    }

    private static X509Certificate signCa(X509v3CertificateBuilder builder, BasicConstraints constraints,
                                          PublicKey subjectKey, PublicKey issuerKey, PrivateKey signingKey,
                                          SecureRandom random) {
        try {
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, constraints);
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            builder.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(subjectKey));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    ext.createAuthorityKeyIdentifier(issuerKey));
            byte[] der = builder.build(signer(signingKey, random)).getEncoded();
            return Certificates.fromDer(der);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build a CA certificate", e);
        }
    }
}
