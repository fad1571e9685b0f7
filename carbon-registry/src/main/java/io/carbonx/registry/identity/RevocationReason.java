package io.carbonx.registry.identity;

/**
 * Revocation reasons, a subset of RFC 5280 §5.3.1 {@code CRLReason}; {@link #code()} is the value written into the
 * CRL entry's reasonCode extension. {@code certificateHold} is deliberately absent: revocation here is final.
 */
public enum RevocationReason {
    /** No reason given (RFC 5280 says: omit the extension; the CRL entry then carries none). */
    UNSPECIFIED(0),
    /** The participant's private key is known or suspected to be compromised. */
    KEY_COMPROMISE(1),
    /** The participant's name or affiliation changed. */
    AFFILIATION_CHANGED(3),
    /** The certificate was replaced by a new one. */
    SUPERSEDED(4),
    /** The participant left the consortium. */
    CESSATION_OF_OPERATION(5),
    /** The regulator withdrew the participant's privileges (e.g. account cancelled). */
    PRIVILEGE_WITHDRAWN(9);

    private final int code;

    RevocationReason(int code) {
        this.code = code;
    }

    /** The RFC 5280 CRLReason value. */
    public int code() {
        return code;
    }

    /** The reason for an RFC 5280 code, or {@link #UNSPECIFIED} for a code this enum does not name. */
    public static RevocationReason fromCode(int code) {
        for (RevocationReason r : values()) {
            if (r.code == code) {
                return r;
            }
        }
        return UNSPECIFIED;
    }
}
