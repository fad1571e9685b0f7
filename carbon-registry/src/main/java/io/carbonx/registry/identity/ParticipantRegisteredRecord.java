package io.carbonx.registry.identity;

import io.carbonx.events.Role;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * A participant was registered: the issuing CA signed its certificate. The certificate's DER bytes are the
 * identity; the other fields repeat what it says, for consumers that do not parse X.509.
 *
 * @param participantId  participant id (subject CN and SAN URI of the certificate)
 * @param legalName      legal name (subject O)
 * @param role           role (carbonxRole extension)
 * @param certificateDer the certificate, DER
 * @param serialHex      certificate serial number, lower-case hex without leading zeros
 * @param notBefore      certificate validity start
 * @param notAfter       certificate validity end
 * @param approvedBy     participant id of the approving REGULATOR, or {@link IdentityService#CA_ACTOR} for the
 *                       bootstrap identity
 * @param registeredAt   logical time of the approval
 */
public record ParticipantRegisteredRecord(String participantId, String legalName, Role role, byte[] certificateDer,
                                          String serialHex, Instant notBefore, Instant notAfter, String approvedBy,
                                          Instant registeredAt) implements IdentityRecord {

    /** Checks presence of every field and copies the certificate bytes. */
    public ParticipantRegisteredRecord {
        Objects.requireNonNull(participantId, "participantId");
        Objects.requireNonNull(legalName, "legalName");
        Objects.requireNonNull(role, "role");
        certificateDer = Objects.requireNonNull(certificateDer, "certificateDer").clone();
        Objects.requireNonNull(serialHex, "serialHex");
        Objects.requireNonNull(notBefore, "notBefore");
        Objects.requireNonNull(notAfter, "notAfter");
        Objects.requireNonNull(approvedBy, "approvedBy");
        Objects.requireNonNull(registeredAt, "registeredAt");
    }

    /** A copy of the certificate's DER bytes. */
    @Override
    public byte[] certificateDer() {
        return certificateDer.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ParticipantRegisteredRecord r && participantId.equals(r.participantId)
                && legalName.equals(r.legalName) && role == r.role && Arrays.equals(certificateDer, r.certificateDer)
                && serialHex.equals(r.serialHex) && notBefore.equals(r.notBefore) && notAfter.equals(r.notAfter)
                && approvedBy.equals(r.approvedBy) && registeredAt.equals(r.registeredAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(participantId, legalName, role, Arrays.hashCode(certificateDer), serialHex, notBefore,
                notAfter, approvedBy, registeredAt);
    }

    @Override
    public String toString() {
        return "ParticipantRegistered[" + participantId + ", " + legalName + ", " + role + ", serial " + serialHex
                + ", " + notBefore + ".." + notAfter + ", approved by " + approvedBy + " at " + registeredAt + "]";
    }
}
