package io.carbonx.registry.identity;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * A participant's certificate was revoked, and the issuing CA published a new CRL that lists it. The CRL travels
 * with the event so that every service's {@link CertificateValidator} can be brought up to date from the log
 * alone ({@link CertificateValidator#updateCrl(byte[])}).
 *
 * @param participantId the participant whose certificate is revoked
 * @param serialHex     the revoked certificate's serial, lower-case hex
 * @param reason        the RFC 5280 revocation reason
 * @param revokedBy     the REGULATOR who revoked it
 * @param revokedAt     revocation time (whole seconds, as in the CRL entry)
 * @param crlNumber     the cRLNumber of the CRL published with this revocation
 * @param crlDer        that CRL, DER, signed by the issuing CA; it lists every revocation so far
 */
public record CertificateRevokedRecord(String participantId, String serialHex, RevocationReason reason,
                                       String revokedBy, Instant revokedAt, long crlNumber, byte[] crlDer)
        implements IdentityRecord {

    /** Checks presence of every field and copies the CRL bytes. */
    public CertificateRevokedRecord {
        Objects.requireNonNull(participantId, "participantId");
        Objects.requireNonNull(serialHex, "serialHex");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(revokedBy, "revokedBy");
        Objects.requireNonNull(revokedAt, "revokedAt");
        crlDer = Objects.requireNonNull(crlDer, "crlDer").clone();
    }

    /** A copy of the CRL's DER bytes. */
    @Override
    public byte[] crlDer() {
        return crlDer.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CertificateRevokedRecord r && participantId.equals(r.participantId)
                && serialHex.equals(r.serialHex) && reason == r.reason && revokedBy.equals(r.revokedBy)
                && revokedAt.equals(r.revokedAt) && crlNumber == r.crlNumber && Arrays.equals(crlDer, r.crlDer);
    }

    @Override
    public int hashCode() {
        return Objects.hash(participantId, serialHex, reason, revokedBy, revokedAt, crlNumber, Arrays.hashCode(crlDer));
    }

    @Override
    public String toString() {
        return "CertificateRevoked[" + participantId + ", serial " + serialHex + ", " + reason + ", by " + revokedBy
                + " at " + revokedAt + ", CRL #" + crlNumber + "]";
    }
}
