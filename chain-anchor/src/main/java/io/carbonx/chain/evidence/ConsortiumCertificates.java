package io.carbonx.chain.evidence;

import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * The consortium's certificates an evidence bundle carries.
 *
 * @param root       the root CA certificate
 * @param issuingCa  the issuing CA certificate (signs participant certificates and CRLs)
 * @param crl        the issuing CA's newest CRL
 * @param validators the validators' certificates, by validator id ({@code 0..n-1})
 */
public record ConsortiumCertificates(X509Certificate root, X509Certificate issuingCa, X509CRL crl,
                                     List<X509Certificate> validators) {

    /** Copies the list; rejects nulls. */
    public ConsortiumCertificates {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(issuingCa, "issuingCa");
        Objects.requireNonNull(crl, "crl");
        validators = List.copyOf(validators);
    }
}
