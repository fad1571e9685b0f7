package io.carbonx.chain.timestamp;

/** Outcome of {@link TimestampVerifier}: {@link #VALID} or the first reason the time-stamp is not acceptable. */
public enum TimestampStatus {
    /** Signature, certificate chain, time-stamping purpose and imprint all check out. */
    VALID,
    /** Not a DER TimeStampResp / TimeStampToken, or not in canonical DER, or not of the strict CMS form. */
    MALFORMED,
    /** The response's status is not a plain {@code granted}. */
    NOT_GRANTED,
    /** The imprint is not SHA-256. */
    WRONG_IMPRINT_ALGORITHM,
    /** The imprint is not the expected hash: the token time-stamps something else. */
    IMPRINT_MISMATCH,
    /** The given TSA certificate is not the token's signer (or differs from the one the token embeds). */
    CERTIFICATE_MISMATCH,
    /** The CMS signature does not verify with the TSA certificate's key. */
    BAD_SIGNATURE,
    /**
     * The TSA certificate does not chain to the root at genTime, is expired, revoked, or lacks the critical
     * time-stamping EKU (the detail carries the certificate validator's status).
     */
    TSA_CERTIFICATE_INVALID
}
