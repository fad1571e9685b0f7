package io.carbonx.chain.evidence;

import io.carbonx.registry.identity.pki.Certificates;
import io.carbonx.registry.identity.pki.Pem;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Base64;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.CertificateList;

/**
 * Canonical PEM members: exactly one block, 64-character lines, LF, as {@link Pem#encode} writes it, holding DER
 * that re-encodes identically through BouncyCastle's typed X.509 structures (so no tag or length is read
 * leniently), then handed to the JDK's certificate factory.
 */
final class Pems {

    private static final ThreadLocal<CertificateFactory> FACTORY = ThreadLocal.withInitial(() -> {
        try {
            return CertificateFactory.getInstance("X.509");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("X.509 is mandatory in every JDK", e);
        }
    });

    private Pems() {
    }

    static X509Certificate certificate(String path, byte[] text) throws BundleFormatException {
        byte[] der = der(path, text, Pem.CERTIFICATE);
        try {
            requireTyped(path, Certificate.getInstance(ASN1Primitive.fromByteArray(der)), der);
            return (X509Certificate) FACTORY.get().generateCertificate(new ByteArrayInputStream(der));
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new BundleFormatException(path + " is not an X.509 certificate: " + e.getMessage(), e);
        }
    }

    static X509CRL crl(String path, byte[] text) throws BundleFormatException {
        byte[] der = der(path, text, Pem.X509_CRL);
        try {
            requireTyped(path, CertificateList.getInstance(ASN1Primitive.fromByteArray(der)), der);
            return (X509CRL) FACTORY.get().generateCRL(new ByteArrayInputStream(der));
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new BundleFormatException(path + " is not an X.509 CRL: " + e.getMessage(), e);
        }
    }

    static byte[] encode(X509Certificate cert) {
        return Certificates.pem(cert).getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] encode(X509CRL crl) {
        return Certificates.pem(crl).getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] der(String path, byte[] text, String label) throws BundleFormatException {
        String s = new String(text, StandardCharsets.US_ASCII);
        String begin = "-----BEGIN " + label + "-----\n";
        String end = "-----END " + label + "-----\n";
        byte[] der;
        try {
            if (!s.startsWith(begin) || !s.endsWith(end) || s.length() < begin.length() + end.length()) {
                throw new IllegalArgumentException("not one " + label + " block");
            }
            der = Base64.getDecoder().decode(s.substring(begin.length(), s.length() - end.length()).replace("\n", ""));
        } catch (IllegalArgumentException e) {
            throw new BundleFormatException(path + " is not a PEM " + label + ": " + e.getMessage(), e);
        }
        if (der.length == 0 || !Arrays.equals(text, Pem.encode(label, der).getBytes(StandardCharsets.US_ASCII))) {
            throw new BundleFormatException(path + " is not in canonical PEM form");
        }
        return der;
    }

    private static void requireTyped(String path, ASN1Encodable typed, byte[] der) throws IOException,
            BundleFormatException {
        if (!Arrays.equals(typed.toASN1Primitive().getEncoded(ASN1Encoding.DER), der)) {
            throw new BundleFormatException(path + " is not in canonical DER");
        }
    }
}
