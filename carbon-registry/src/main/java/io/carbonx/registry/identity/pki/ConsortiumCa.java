package io.carbonx.registry.identity.pki;

import io.carbonx.registry.identity.IdentityConfig;
import java.math.BigInteger;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The loaded consortium CA: the root and issuing CA certificates, the issuing CA's private key (the root key is
 * not kept in memory after loading), the bootstrap identity's certificate, and the newest CRL found on disk.
 * Signs participant certificates and CRLs. Thread-safe (immutable; signing uses fresh JCA objects per call).
 */
public final class ConsortiumCa {

    private final X509Certificate root;
    private final X509Certificate issuing;
    private final PrivateKey issuingKey;
    private final X509Certificate bootstrap;
    private final X509CRL storedCrl;
    private final boolean created;
    private final SecureRandom random;

    ConsortiumCa(X509Certificate root, X509Certificate issuing, PrivateKey issuingKey, X509Certificate bootstrap,
                 X509CRL storedCrl, boolean created, SecureRandom random) {
        this.root = Objects.requireNonNull(root);
        this.issuing = Objects.requireNonNull(issuing);
        this.issuingKey = Objects.requireNonNull(issuingKey);
        this.bootstrap = Objects.requireNonNull(bootstrap);
        this.storedCrl = storedCrl;
        this.created = created;
        this.random = Objects.requireNonNull(random);
    }

    /** The self-signed root CA certificate (the trust anchor). */
    public X509Certificate rootCertificate() {
        return root;
    }

    /** The issuing CA certificate, signed by the root; it signs participant certificates and CRLs. */
    public X509Certificate issuingCertificate() {
        return issuing;
    }

    /** The bootstrap identity's certificate (a REGULATOR participant created at first start). */
    public X509Certificate bootstrapCertificate() {
        return bootstrap;
    }

    /** The CRL found in the data directory at load (the initial one after first start), or {@code null}. */
    public X509CRL storedCrl() {
        return storedCrl;
    }

    /** True when this instance created the CA on this start (first start); false when it loaded it. */
    public boolean createdOnThisStart() {
        return created;
    }

    /** A fresh random certificate serial number. */
    public BigInteger newSerial() {
        return CaCertificates.randomSerial(random);
    }

    /** The latest notAfter a participant certificate may have: the issuing CA's own notAfter. */
    public Instant issuingNotAfter() {
        return issuing.getNotAfter().toInstant();
    }

    /** Signs a participant certificate. */
    public X509Certificate issue(ParticipantCertificates.Request request) {
        return ParticipantCertificates.issue(request, issuing, issuingKey, random);
    }

    /** Signs a time-stamping authority certificate ({@link TimestampingCertificates} profile). */
    public X509Certificate issueTimestamping(ParticipantCertificates.Request request) {
        return TimestampingCertificates.issue(request, issuing, issuingKey, random);
    }

    /** Signs a CRL with the issuing CA key; nextUpdate is thisUpdate plus the configured CRL validity. */
    public X509CRL signCrl(List<Crls.Entry> entries, long crlNumber, Instant thisUpdate, IdentityConfig config) {
        return Crls.sign(issuing, issuingKey, entries, crlNumber, thisUpdate, thisUpdate.plus(config.crlValidity()),
                random);
    }
}
