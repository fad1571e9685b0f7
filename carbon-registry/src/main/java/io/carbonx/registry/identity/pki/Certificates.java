package io.carbonx.registry.identity.pki;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.cert.CRLException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.CertificateList;

/**
 * Strict DER decoding and encoding of certificates and CRLs into standard JDK objects.
 *
 * <p>Decoding first parses the bytes as exactly one DER structure with BouncyCastle's ASN.1 parser (refusing
 * trailing bytes, PEM, and anything that is not a Certificate/CertificateList), then lets the JDK's
 * {@link CertificateFactory} build the {@link X509Certificate}, so the objects handed to the JDK's PKIX
 * validator are its own.
 */
public final class Certificates {

    private Certificates() {
    }

    /**
     * Decodes one DER certificate.
     *
     * @throws CertificateException if the bytes are not exactly one well-formed DER X.509 certificate
     */
    public static X509Certificate fromDer(byte[] der) throws CertificateException {
        if (der == null || der.length == 0) {
            throw new CertificateException("empty certificate encoding");
        }
        try {
            Certificate.getInstance(ASN1Primitive.fromByteArray(der));
        } catch (IOException | RuntimeException e) {
            throw new CertificateException("not a DER X.509 certificate: " + e.getMessage(), e);
        }
        try {
            return (X509Certificate) factory().generateCertificate(new ByteArrayInputStream(der));
        } catch (RuntimeException e) {
            throw new CertificateException("not a valid X.509 certificate: " + e.getMessage(), e);
        }
    }

    /**
     * Decodes one DER CRL.
     *
     * @throws CRLException if the bytes are not exactly one well-formed DER X.509 CRL
     */
    public static X509CRL crlFromDer(byte[] der) throws CRLException {
        if (der == null || der.length == 0) {
            throw new CRLException("empty CRL encoding");
        }
        try {
            CertificateList.getInstance(ASN1Primitive.fromByteArray(der));
            return (X509CRL) factory().generateCRL(new ByteArrayInputStream(der));
        } catch (IOException | CertificateException | RuntimeException e) {
            throw new CRLException("not a DER X.509 CRL: " + e.getMessage(), e);
        }
    }

    /** The DER encoding of a certificate. */
    public static byte[] der(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("a decoded certificate does not re-encode", e);
        }
    }

    /** The certificate as PEM text. */
    public static String pem(X509Certificate certificate) {
        return Pem.encode(Pem.CERTIFICATE, der(certificate));
    }

    /** The CRL as PEM text. */
    public static String pem(X509CRL crl) {
        try {
            return Pem.encode(Pem.X509_CRL, crl.getEncoded());
        } catch (CRLException e) {
            throw new IllegalStateException("a decoded CRL does not re-encode", e);
        }
    }

    /** X.509 times have one-second resolution: the {@link Date} for {@code instant} truncated to the second. */
    public static Date x509Date(Instant instant) {
        return Date.from(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    private static CertificateFactory factory() throws CertificateException {
        return CertificateFactory.getInstance("X.509");
    }
}
