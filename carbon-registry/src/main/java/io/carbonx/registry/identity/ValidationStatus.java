package io.carbonx.registry.identity;

/** The outcome of {@link CertificateValidator#validate}: {@link #VALID} or the first reason it is not. */
public enum ValidationStatus {
    /** Chains to the consortium root, within validity, not revoked, a participant certificate of an accepted role. */
    VALID,
    /** The time is after the notAfter of the certificate (or of a CA certificate in its chain). */
    EXPIRED,
    /** The time is before the notBefore of the certificate (or of a CA certificate in its chain). */
    NOT_YET_VALID,
    /** The certificate was revoked at or before the time (per the newest CRL the validator holds). */
    REVOKED,
    /** No valid path to the consortium root: unknown issuer, bad signature, or a broken CA constraint. */
    UNTRUSTED_CHAIN,
    /** A valid participant certificate whose role is not one of those expected. */
    WRONG_ROLE,
    /** The bytes are not an X.509 certificate, or it does not follow the participant profile. */
    MALFORMED
}
