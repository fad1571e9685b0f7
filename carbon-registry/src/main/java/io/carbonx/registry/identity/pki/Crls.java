package io.carbonx.registry.identity.pki;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;

/**
 * Builds X.509 v2 CRLs (RFC 5280 §5) signed by the issuing CA: issuer = the issuing CA's subject, a cRLNumber
 * and an authorityKeyIdentifier extension, one entry per revoked serial with its revocation date and (unless
 * unspecified) a reasonCode entry extension.
 */
public final class Crls {

    private Crls() {
    }

    /** One revoked certificate. */
    public record Entry(BigInteger serial, Instant revokedAt, int reasonCode) {
    }

    /**
     * Signs a CRL.
     *
     * @param entries    revoked certificates, written in the given order
     * @param crlNumber  the CRL number (monotonically increasing per issuer)
     * @param thisUpdate issue time of this CRL
     * @param nextUpdate time by which the next CRL will be issued
     */
    public static X509CRL sign(X509Certificate issuingCa, PrivateKey issuingKey, List<Entry> entries, long crlNumber,
                               Instant thisUpdate, Instant nextUpdate, SecureRandom random) {
        X500Name issuer = X500Name.getInstance(issuingCa.getSubjectX500Principal().getEncoded());
        X509v2CRLBuilder builder = new X509v2CRLBuilder(issuer, Certificates.x509Date(thisUpdate));
        builder.setNextUpdate(Certificates.x509Date(nextUpdate));
        for (Entry e : entries) {
            builder.addCRLEntry(e.serial(), Certificates.x509Date(e.revokedAt()), e.reasonCode());
        }
        try {
            builder.addExtension(Extension.cRLNumber, false, new CRLNumber(BigInteger.valueOf(crlNumber)));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(issuingCa.getPublicKey()));
            byte[] der = builder.build(CaCertificates.signer(issuingKey, random)).getEncoded();
            return Certificates.crlFromDer(der);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build a CRL", e);
        }
    }

    /** The cRLNumber of a CRL, or -1 when it has none. */
    public static long crlNumber(X509CRL crl) {
        byte[] ext = crl.getExtensionValue(Extension.cRLNumber.getId());
        if (ext == null) {
            return -1;
        }
        try {
            byte[] inner = ASN1OctetString.getInstance(ext).getOctets();
            return CRLNumber.getInstance(ASN1Primitive.fromByteArray(inner))
                    .getCRLNumber().longValueExact();
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
