package io.carbonx.chain.evidence;

import io.carbonx.registry.identity.pki.Certificates;
import io.carbonx.registry.identity.pki.Pem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Set;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Primitive;

/** Canonical PEM members: one block, 64-character lines, LF, exactly as {@link Pem#encode} writes it. */
final class Pems {

    private Pems() {
    }

    static X509Certificate certificate(String path, byte[] text) throws BundleFormatException {
        try {
            byte[] der = Pem.decodeSingle(new String(text, StandardCharsets.US_ASCII), Set.of(Pem.CERTIFICATE));
            requireCanonical(path, text, Pem.encode(Pem.CERTIFICATE, der));
            requireDer(path, der);
            return Certificates.fromDer(der);
        } catch (IOException | GeneralSecurityException e) {
            throw new BundleFormatException(path + " is not a PEM certificate: " + e.getMessage(), e);
        }
    }

    static X509CRL crl(String path, byte[] text) throws BundleFormatException {
        try {
            byte[] der = Pem.decodeSingle(new String(text, StandardCharsets.US_ASCII), Set.of(Pem.X509_CRL));
            requireCanonical(path, text, Pem.encode(Pem.X509_CRL, der));
            requireDer(path, der);
            return Certificates.crlFromDer(der);
        } catch (IOException | GeneralSecurityException e) {
            throw new BundleFormatException(path + " is not a PEM CRL: " + e.getMessage(), e);
        }
    }

    static byte[] encode(X509Certificate cert) {
        return Certificates.pem(cert).getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] encode(X509CRL crl) {
        return Certificates.pem(crl).getBytes(StandardCharsets.US_ASCII);
    }

    private static void requireDer(String path, byte[] der) throws IOException, BundleFormatException {
        if (!Arrays.equals(ASN1Primitive.fromByteArray(der).getEncoded(ASN1Encoding.DER), der)) {
            throw new BundleFormatException(path + " is not in DER");
        }
    }

    private static void requireCanonical(String path, byte[] text, String canonical) throws BundleFormatException {
        if (!Arrays.equals(text, canonical.getBytes(StandardCharsets.US_ASCII))) {
            throw new BundleFormatException(path + " is not in canonical PEM form");
        }
    }
}
