package io.carbonx.registry.identity;

import io.carbonx.events.Role;
import io.carbonx.registry.identity.pki.Certificates;
import io.carbonx.registry.identity.pki.Crls;
import io.carbonx.registry.identity.pki.LightweightSignatures;
import io.carbonx.registry.identity.pki.ParticipantIdentity;
import java.security.GeneralSecurityException;
import java.security.cert.CRLException;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertPathValidatorException.BasicReason;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateParsingException;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.security.auth.x500.X500Principal;

/**
 * The one place CarbonX checks a certificate. Every service (API authentication, order entry, PBFT votes,
 * evidence verification) asks this class, and nothing else, whether a certificate identifies a participant.
 *
 * <p>{@link #validate} checks, in order, and reports the first failure:
 * <ol>
 *   <li>the bytes are one DER X.509 certificate — else {@link ValidationStatus#MALFORMED};</li>
 *   <li>PKIX path validation (RFC 5280, the JDK's {@link CertPathValidator} with signatures verified by
 *       BouncyCastle: its lightweight ECDSA and Ed25519 verifiers through {@link LightweightSignatures}, the
 *       BouncyCastle JCA provider for any other signature algorithm) from the certificate through a known issuing CA to the consortium root as trust anchor,
 *       at the given time — {@link ValidationStatus#EXPIRED} / {@link ValidationStatus#NOT_YET_VALID} when a
 *       certificate of the path is outside its validity, {@link ValidationStatus#UNTRUSTED_CHAIN} for any other
 *       path failure (unknown issuer, bad signature, CA constraints);</li>
 *   <li>revocation, inside the same path validation: a certificate listed on the newest CRL of its issuer with
 *       a revocation date at or before the time is {@link ValidationStatus#REVOKED}; signatures made before
 *       the revocation date therefore still validate at their own time;</li>
 *   <li>the participant profile: not a CA, a carbonxRole extension, one participant URI matching the CN,
 *       extended key usage clientAuth — else {@link ValidationStatus#MALFORMED};</li>
 *   <li>the role is one of those expected — else {@link ValidationStatus#WRONG_ROLE}.</li>
 * </ol>
 * Time is always a parameter; the validator never reads a clock. CRLs come in through {@link #updateCrl}, only
 * after their signature is checked against the issuing CA; an older CRL never replaces a newer one. CRL
 * freshness (nextUpdate) is not checked: the CRLs come from the registry's event log, which is authoritative.
 *
 * <p>Thread-safe: validation reads an immutable snapshot of the CRLs; updates replace the snapshot.
 */
public final class CertificateValidator {

    private static final String EXTENDED_KEY_USAGE_OID = "2.5.29.37";

    private final X509Certificate root;
    private final TrustAnchor anchor;
    private final List<X509Certificate> issuingCas;
    private volatile Map<X500Principal, X509CRL> crls = Map.of();
    private volatile long crlsInstalled;

    private CertificateValidator(X509Certificate root, List<X509Certificate> issuingCas) {
        this.root = root;
        this.anchor = new TrustAnchor(root, null);
        this.issuingCas = List.copyOf(issuingCas);
    }

    /**
     * A validator trusting {@code root} and accepting participant certificates from the given issuing CAs.
     *
     * @throws IllegalArgumentException if the root is not self-signed or an issuing CA is not signed by it
     */
    public static CertificateValidator create(X509Certificate root, Collection<X509Certificate> issuingCas) {
        Objects.requireNonNull(root, "root");
        requireSignedBy(root, root);
        for (X509Certificate ca : issuingCas) {
            requireSignedBy(ca, root);
            if (ca.getBasicConstraints() < 0) {
                throw new IllegalArgumentException(ca.getSubjectX500Principal() + " is not a CA certificate");
            }
        }
        return new CertificateValidator(root, new ArrayList<>(issuingCas));
    }

    /** As {@link #create(X509Certificate, Collection)}, from DER encodings. */
    public static CertificateValidator fromDer(byte[] rootDer, List<byte[]> issuingCaDers) {
        try {
            List<X509Certificate> cas = new ArrayList<>();
            for (byte[] der : issuingCaDers) {
                cas.add(Certificates.fromDer(der));
            }
            return create(Certificates.fromDer(rootDer), cas);
        } catch (CertificateException e) {
            throw new IllegalArgumentException("CA certificate does not decode: " + e.getMessage(), e);
        }
    }

    /** The trust anchor. */
    public X509Certificate rootCertificate() {
        return root;
    }

    /** The issuing CAs this validator accepts. */
    public List<X509Certificate> issuingCertificates() {
        return issuingCas;
    }

    /**
     * Installs a CRL after checking it is signed by one of the issuing CAs.
     *
     * @return true if installed; false if a CRL with an equal or higher cRLNumber from the same issuer is in place
     * @throws IllegalArgumentException if the bytes are not a CRL, or not one signed by a known issuing CA
     */
    public synchronized boolean updateCrl(byte[] crlDer) {
        X509CRL crl;
        try {
            crl = Certificates.crlFromDer(crlDer);
        } catch (CRLException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        X509Certificate issuer = issuingCas.stream()
                .filter(ca -> ca.getSubjectX500Principal().equals(crl.getIssuerX500Principal()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("CRL issuer " + crl.getIssuerX500Principal()
                        + " is not a known issuing CA"));
        try {
            crl.verify(issuer.getPublicKey(), LightweightSignatures.providerFor(crl.getSigAlgOID()));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("CRL signature does not verify with the issuing CA key", e);
        }
        X509CRL current = crls.get(crl.getIssuerX500Principal());
        if (current != null && Crls.crlNumber(current) >= Crls.crlNumber(crl)) {
            return false;
        }
        Map<X500Principal, X509CRL> next = new HashMap<>(crls);
        next.put(crl.getIssuerX500Principal(), crl);
        crls = Map.copyOf(next);
        crlsInstalled++;
        return true;
    }

    /**
     * @return how many CRLs {@link #updateCrl} has installed so far: a verdict computed before this number changed
     *     may be out of date
     */
    public long crlsInstalled() {
        return crlsInstalled;
    }

    /** The cRLNumber of the CRL in place for the issuer, or -1 when there is none. */
    public long crlNumber(X500Principal issuer) {
        X509CRL crl = crls.get(issuer);
        return crl == null ? -1 : Crls.crlNumber(crl);
    }

    /** Validates a DER certificate expecting exactly {@code expectedRole} at time {@code at}. */
    public ValidationResult validate(byte[] certificateDer, Role expectedRole, Instant at) {
        return validate(certificateDer, EnumSet.of(expectedRole), at);
    }

    /** Validates a DER certificate expecting one of {@code acceptedRoles} at time {@code at}. */
    public ValidationResult validate(byte[] certificateDer, Set<Role> acceptedRoles, Instant at) {
        X509Certificate cert;
        try {
            cert = Certificates.fromDer(certificateDer);
        } catch (CertificateException e) {
            return ValidationResult.failure(ValidationStatus.MALFORMED, e.getMessage());
        }
        return validate(cert, acceptedRoles, at);
    }

    /** Validates a certificate expecting exactly {@code expectedRole} at time {@code at}. */
    public ValidationResult validate(X509Certificate cert, Role expectedRole, Instant at) {
        return validate(cert, EnumSet.of(expectedRole), at);
    }

    /** Validates a certificate expecting one of {@code acceptedRoles} (any role: {@code EnumSet.allOf}). */
    public ValidationResult validate(X509Certificate cert, Set<Role> acceptedRoles, Instant at) {
        Objects.requireNonNull(cert, "cert");
        Objects.requireNonNull(acceptedRoles, "acceptedRoles");
        Objects.requireNonNull(at, "at");
        ValidationResult path = validatePath(cert, at);
        if (path != null) {
            return path;
        }
        ParticipantIdentity identity;
        try {
            identity = ParticipantIdentity.of(cert);
            List<String> eku = cert.getExtendedKeyUsage();
            if (eku == null || !eku.contains(CertificateProfile.CLIENT_AUTH_EKU_OID)) {
                throw new CertificateParsingException("extended key usage lacks clientAuth");
            }
        } catch (CertificateParsingException e) {
            return ValidationResult.failure(ValidationStatus.MALFORMED,
                    "not a CarbonX participant certificate: " + e.getMessage());
        }
        if (!acceptedRoles.contains(identity.role())) {
            return new ValidationResult(ValidationStatus.WRONG_ROLE, "certificate role " + identity.role()
                    + " is not one of " + acceptedRoles, identity.participantId(), identity.role());
        }
        return new ValidationResult(ValidationStatus.VALID, "valid " + identity.role() + " certificate of "
                + identity.participantId(), identity.participantId(), identity.role());
    }

    /**
     * Validates the certificate of a consortium time-stamping authority at time {@code at} (the token's genTime):
     * the same PKIX path and revocation checks as {@link #validate}, then the TSA profile of
     * {@link CertificateProfile}: participant subject/URI/role, extendedKeyUsage present, <b>critical</b> and
     * holding only id-kp-timeStamping, keyUsage (if present) digitalSignature and/or nonRepudiation only, and a
     * role in {@link IdentityService#TIMESTAMPING_ROLES} — else {@link ValidationStatus#MALFORMED} (profile) or
     * {@link ValidationStatus#WRONG_ROLE}.
     */
    public ValidationResult validateTimestampAuthority(X509Certificate cert, Instant at) {
        Objects.requireNonNull(cert, "cert");
        Objects.requireNonNull(at, "at");
        ValidationResult path = validatePath(cert, at);
        if (path != null) {
            return path;
        }
        ParticipantIdentity identity;
        try {
            identity = ParticipantIdentity.of(cert);
            requireTimestampingProfile(cert);
        } catch (CertificateParsingException e) {
            return ValidationResult.failure(ValidationStatus.MALFORMED,
                    "not a CarbonX time-stamping certificate: " + e.getMessage());
        }
        if (!IdentityService.TIMESTAMPING_ROLES.contains(identity.role())) {
            return new ValidationResult(ValidationStatus.WRONG_ROLE, "role " + identity.role()
                    + " may not run a time-stamping authority", identity.participantId(), identity.role());
        }
        return new ValidationResult(ValidationStatus.VALID, "valid time-stamping certificate of "
                + identity.participantId(), identity.participantId(), identity.role());
    }

    private static void requireTimestampingProfile(X509Certificate cert) throws CertificateParsingException {
        List<String> eku = cert.getExtendedKeyUsage();
        Set<String> critical = cert.getCriticalExtensionOIDs();
        if (eku == null || !eku.equals(List.of(CertificateProfile.TIME_STAMPING_EKU_OID))) {
            throw new CertificateParsingException("extended key usage must be exactly id-kp-timeStamping, is " + eku);
        }
        if (critical == null || !critical.contains(EXTENDED_KEY_USAGE_OID)) {
            throw new CertificateParsingException("extended key usage must be critical");
        }
        boolean[] usage = cert.getKeyUsage();
        if (usage != null) {
            boolean signing = usage[0] || usage[1];
            for (int i = 2; i < usage.length; i++) {
                signing &= !usage[i];
            }
            if (!signing) {
                throw new CertificateParsingException("key usage must be digitalSignature and/or nonRepudiation only");
            }
        }
    }

    /** Runs PKIX path validation; null when the path is valid, else the failure. */
    private ValidationResult validatePath(X509Certificate cert, Instant at) {
        List<X509Certificate> chain = new ArrayList<>();
        chain.add(cert);
        if (!cert.getIssuerX500Principal().equals(root.getSubjectX500Principal())) {
            X509Certificate issuer = issuingCas.stream()
                    .filter(ca -> ca.getSubjectX500Principal().equals(cert.getIssuerX500Principal()))
                    .findFirst().orElse(null);
            if (issuer == null) {
                return ValidationResult.failure(ValidationStatus.UNTRUSTED_CHAIN,
                        "issuer " + cert.getIssuerX500Principal() + " is not a CarbonX CA");
            }
            chain.add(issuer);
        }
        try {
            CertPath path = CertificateFactory.getInstance("X.509").generateCertPath(chain);
            PKIXParameters params = new PKIXParameters(Set.of(anchor));
            params.setRevocationEnabled(false);
            params.setDate(Date.from(at));
            params.setSigProvider(LightweightSignatures.providerFor(signatureAlgorithms(chain)).getName());
            params.addCertPathChecker(new CrlRevocationChecker(crls, Date.from(at)));
            CertPathValidator.getInstance("PKIX").validate(path, params);
            return null;
        } catch (CertPathValidatorException e) {
            return ValidationResult.failure(statusOf(e), describe(e));
        } catch (GeneralSecurityException e) {
            return ValidationResult.failure(ValidationStatus.UNTRUSTED_CHAIN, "path validation failed: " + e.getMessage());
        }
    }

    /** The signature algorithm OIDs of the certificates whose signatures path validation checks. */
    private static String[] signatureAlgorithms(List<X509Certificate> chain) {
        String[] oids = new String[chain.size()];
        for (int i = 0; i < oids.length; i++) {
            oids[i] = chain.get(i).getSigAlgOID();
        }
        return oids;
    }

    private static ValidationStatus statusOf(CertPathValidatorException e) {
        if (e.getReason() == BasicReason.EXPIRED) {
            return ValidationStatus.EXPIRED;
        }
        if (e.getReason() == BasicReason.NOT_YET_VALID) {
            return ValidationStatus.NOT_YET_VALID;
        }
        if (e.getReason() == BasicReason.REVOKED) {
            return ValidationStatus.REVOKED;
        }
        return ValidationStatus.UNTRUSTED_CHAIN;
    }

    private static String describe(CertPathValidatorException e) {
        String where = e.getIndex() >= 0 ? " (certificate " + e.getIndex() + " of the path)" : "";
        return e.getReason() + ": " + e.getMessage() + where;
    }

    private static void requireSignedBy(X509Certificate cert, X509Certificate issuer) {
        try {
            if (!cert.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
                throw new GeneralSecurityException("issuer name differs");
            }
            cert.verify(issuer.getPublicKey(), LightweightSignatures.providerFor(cert.getSigAlgOID()));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(cert.getSubjectX500Principal() + " is not signed by "
                    + issuer.getSubjectX500Principal(), e);
        }
    }
}
