package io.carbonx.registry.identity;

/**
 * Why the registry refused a registration, approval, rejection or revocation. A refusal changes nothing.
 *
 * <p>The names are stable reason codes: the REST layer returns them in problem responses.
 */
public enum IdentityRefusal {
    /** The CSR is not a well-formed PKCS#10 request in PEM or DER (or is over the size limit). */
    MALFORMED_CSR,
    /** The CSR's self-signature does not verify with the public key it carries. */
    BAD_CSR_SIGNATURE,
    /** The CSR is signed with an algorithm the registry does not accept (e.g. SHA-1 or MD5 based). */
    UNSUPPORTED_SIGNATURE_ALGORITHM,
    /** The key is of an accepted algorithm but too weak: RSA with a modulus under 2048 bits. */
    WEAK_KEY,
    /** The key is an EC key on a curve other than P-256 or P-384, or with explicit curve parameters. */
    UNSUPPORTED_CURVE,
    /** The key algorithm is not one of EC (P-256, P-384), Ed25519 or RSA (2048 to 8192 bits). */
    UNSUPPORTED_KEY_ALGORITHM,
    /** The legal name is blank, too long, or contains control characters. */
    INVALID_LEGAL_NAME,
    /** No role was given. */
    MISSING_ROLE,
    /** Another participant (registered, revoked or pending) already holds this legal name. */
    DUPLICATE_LEGAL_NAME,
    /** The public key is already registered or pending (the participant id derives from the key). */
    DUPLICATE_KEY,
    /** The acting participant is unknown, revoked, outside its certificate's validity, or not a REGULATOR. */
    APPROVER_NOT_AUTHORISED,
    /** No pending registration has this id. */
    UNKNOWN_REGISTRATION,
    /** No registered participant has this id. */
    UNKNOWN_PARTICIPANT,
    /** The participant's certificate is already revoked. */
    ALREADY_REVOKED,
    /** A time-stamping certificate was asked for a participant that is not active or whose role may not run a TSA. */
    TIMESTAMPING_NOT_PERMITTED
}
