package io.carbonx.registry.identity;

import java.math.BigInteger;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertPathValidatorException.BasicReason;
import java.security.cert.Certificate;
import java.security.cert.PKIXCertPathChecker;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import javax.security.auth.x500.X500Principal;

/**
 * PKIX revocation step of {@link CertificateValidator}: fails a certificate listed on its issuer's CRL with a
 * revocation date at or before the validation time. CRLs given to it were already signature-checked.
 */
final class CrlRevocationChecker extends PKIXCertPathChecker {

    private final Map<X500Principal, X509CRL> crls;
    private final Date at;

    CrlRevocationChecker(Map<X500Principal, X509CRL> crls, Date at) {
        this.crls = crls;
        this.at = at;
    }

    @Override
    public void init(boolean forward) throws CertPathValidatorException {
        if (forward) {
            throw new CertPathValidatorException("forward checking is not supported");
        }
    }

    @Override
    public boolean isForwardCheckingSupported() {
        return false;
    }

    @Override
    public Set<String> getSupportedExtensions() {
        return null;
    }

    @Override
    public void check(Certificate cert, Collection<String> unresolvedCritExts) throws CertPathValidatorException {
        X509Certificate x509 = (X509Certificate) cert;
        X509CRL crl = crls.get(x509.getIssuerX500Principal());
        if (crl == null) {
            return;
        }
        BigInteger serial = x509.getSerialNumber();
        X509CRLEntry entry = crl.getRevokedCertificate(serial);
        if (entry != null && !entry.getRevocationDate().after(at)) {
            String reason = entry.getRevocationReason() == null ? "UNSPECIFIED" : entry.getRevocationReason().name();
            throw new CertPathValidatorException("certificate " + serial.toString(16) + " was revoked at "
                    + entry.getRevocationDate().toInstant() + " (" + reason + ")", null, null, -1, BasicReason.REVOKED);
        }
    }
}
