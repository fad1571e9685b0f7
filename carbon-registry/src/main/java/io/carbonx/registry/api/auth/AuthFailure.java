package io.carbonx.registry.api.auth;

/**
 * Why a request was not authenticated (401) or not authorised (403). The names are the {@code reasonCode} of
 * the problem response.
 */
public enum AuthFailure {
    /** No {@code Authorization: Bearer} header. */
    TOKEN_MISSING(401),
    /** The token is not {@code cx1.<payload>.<mac>} with a readable payload. */
    TOKEN_MALFORMED(401),
    /** The token's HMAC does not verify: forged or tampered with, or from another node's key. */
    TOKEN_BAD_SIGNATURE(401),
    /** The token's lifetime is over. */
    TOKEN_EXPIRED(401),
    /** No registered participant has the id. */
    UNKNOWN_PARTICIPANT(401),
    /** The participant's certificate is revoked. */
    CERTIFICATE_REVOKED(401),
    /** The participant's certificate is not valid (expired, not yet valid, untrusted, wrong role). */
    CERTIFICATE_INVALID(401),
    /** The token was issued for an earlier certificate of the participant. */
    CERTIFICATE_SUPERSEDED(401),
    /** No outstanding challenge has the id (never issued, or already used). */
    UNKNOWN_CHALLENGE(401),
    /** The challenge expired before the token was asked for. */
    CHALLENGE_EXPIRED(401),
    /** The signature over the challenge does not verify with the participant's certificate key. */
    BAD_SIGNATURE(401),
    /** The authenticated role may not use this endpoint. */
    ROLE_NOT_PERMITTED(403),
    /** The endpoint concerns another participant's data, which this role may not see or change. */
    NOT_OWN_DATA(403),
    /** Too many outstanding challenges; try again later. */
    TOO_MANY_CHALLENGES(503);

    private final int status;

    AuthFailure(int status) {
        this.status = status;
    }

    /** @return the HTTP status */
    public int status() {
        return status;
    }
}
