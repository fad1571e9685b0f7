package io.carbonx.chain.evidence;

import io.carbonx.chain.core.Digest;
import io.carbonx.chain.core.Sha256;
import io.carbonx.events.Role;
import io.carbonx.registry.identity.CertificateValidator;
import io.carbonx.registry.identity.SignatureVerifier;
import io.carbonx.registry.identity.ValidationResult;
import io.carbonx.registry.identity.ValidationStatus;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** What the checks of one verification share: the parsed bundle, the trust, the collector, memoised results. */
final class VerificationContext {

    private record CertAt(Digest certificate, Set<Role> roles, Instant at) {
    }

    final BundleContents contents;
    final Checks checks;
    private CertificateValidator trust;
    private final Map<CertAt, ValidationResult> validations = new HashMap<>();
    /** Also used by the computations run ahead ({@link RunAhead}): concurrent. */
    private final Map<Digest, SignatureVerifier> verifiers = new ConcurrentHashMap<>();
    /** Where the signature checks of this verification are computed (see {@link RunAhead}). */
    final RunAhead runAhead;

    VerificationContext(BundleContents contents, Checks checks, RunAhead runAhead) {
        this.contents = contents;
        this.checks = checks;
        this.runAhead = runAhead;
    }

    /** Sets the certificate validator once the root, issuing CA and CRL checked out. */
    void trust(CertificateValidator validator) {
        this.trust = validator;
    }

    /** The certificate validator (after {@link #trust(CertificateValidator)}). */
    CertificateValidator trust() {
        return trust;
    }

    /** {@link CertificateValidator#validate} at {@code at}, computed once per certificate, roles and time. */
    ValidationResult validate(X509Certificate cert, Set<Role> roles, Instant at) {
        byte[] der;
        try {
            der = cert.getEncoded();
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException("a parsed certificate does not re-encode", e);
        }
        return validations.computeIfAbsent(new CertAt(Sha256.hash(der), roles, at),
                k -> trust.validate(cert, roles, at));
    }

    /**
     * Validity over a whole interval {@code [from, to]}: {@link #validate} at {@code to}, plus notBefore of the
     * certificate and of its issuing CA at or before {@code from}. Sound because validity periods are intervals
     * and revocation is monotone (revoked at t means revoked at every later time): valid at {@code to} and
     * started by {@code from} means valid at every time between. One path validation instead of one per time.
     */
    ValidationResult validateOver(X509Certificate cert, Set<Role> roles, Instant from, Instant to) {
        ValidationResult r = validate(cert, roles, to);
        if (r.isValid() && (cert.getNotBefore().toInstant().isAfter(from)
                || contents.issuing().getNotBefore().toInstant().isAfter(from))) {
            return new ValidationResult(ValidationStatus.NOT_YET_VALID, "not valid yet at " + from, r.participantId(),
                    r.role());
        }
        return r;
    }

    /** One signature verifier per certificate for the whole verification (its key decoded once); thread-safe. */
    SignatureVerifier verifier(X509Certificate cert) {
        try {
            return verifiers.computeIfAbsent(Sha256.hash(cert.getEncoded()), k -> SignatureVerifier.forCertificate(cert));
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException("a parsed certificate does not re-encode", e);
        }
    }

    /** The hash of block {@code height}, or null if the bundle has no such header. */
    Digest blockHash(long height) {
        BundleContents.Header h = contents.headers().get(height);
        return h == null ? null : h.hash();
    }

    /** The time of block {@code height} (its header's timeMs). */
    Instant blockTime(long height) {
        return Instant.ofEpochMilli(contents.headers().get(height).header().getTimeMs());
    }
}
