package io.carbonx.registry.directory;

import io.carbonx.events.Role;
import java.util.Objects;

/**
 * A participant as the identity topic describes it.
 *
 * @param participantId     participant id
 * @param legalName         registered legal name
 * @param role              role (as in the certificate)
 * @param certificateDer    the current certificate, DER
 * @param certificateSerial its serial, lower-case hex
 * @param validFromMs       certificate notBefore
 * @param validToMs         certificate notAfter
 * @param revokedAtMs       revocation time of that certificate, or {@code null} if not revoked
 */
public record Participant(String participantId, String legalName, Role role, byte[] certificateDer,
                          String certificateSerial, long validFromMs, long validToMs, Long revokedAtMs) {

    /** Copies the certificate bytes. */
    public Participant {
        Objects.requireNonNull(participantId, "participantId");
        Objects.requireNonNull(role, "role");
        certificateDer = certificateDer.clone();
    }

    /** @return a copy of the certificate's DER bytes */
    @Override
    public byte[] certificateDer() {
        return certificateDer.clone();
    }

    /** @return true once the certificate was revoked */
    public boolean revoked() {
        return revokedAtMs != null;
    }

    /**
     * @param atMs a time
     * @return true if the certificate is within its validity and not revoked at that time
     */
    public boolean activeAt(long atMs) {
        return atMs >= validFromMs && atMs <= validToMs && (revokedAtMs == null || atMs < revokedAtMs);
    }

    Participant revokedAt(long atMs) {
        return new Participant(participantId, legalName, role, certificateDer, certificateSerial, validFromMs,
                validToMs, atMs);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Participant p && participantId.equals(p.participantId)
                && certificateSerial.equals(p.certificateSerial) && Objects.equals(revokedAtMs, p.revokedAtMs);
    }

    @Override
    public int hashCode() {
        return Objects.hash(participantId, certificateSerial, revokedAtMs);
    }

    @Override
    public String toString() {
        return "Participant[" + participantId + ", " + legalName + ", " + role + ", serial " + certificateSerial
                + (revoked() ? ", revoked at " + revokedAtMs : "") + "]";
    }
}
