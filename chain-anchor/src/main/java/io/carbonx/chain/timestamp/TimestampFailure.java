package io.carbonx.chain.timestamp;

/** Why a time-stamp could not be obtained (reason codes of {@link TimestampException}). */
public enum TimestampFailure {
    /** The input to the client was not a 32-byte SHA-256 digest. */
    BAD_DIGEST,
    /** The TSA could not be reached, timed out, or answered with an HTTP error or a wrong content type. */
    TSA_UNAVAILABLE,
    /** The TSA answered with a status other than granted (the status, failure info and text are in the detail). */
    REJECTED,
    /** The answer is not a DER TimeStampResp holding a time-stamp token. */
    MALFORMED_RESPONSE,
    /** The token does not answer this request: imprint, nonce, policy or certificate request differ. */
    RESPONSE_MISMATCH
}
