package io.carbonx.registry.identity;

import io.carbonx.events.Role;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * A registration request passed every check and now awaits a REGULATOR's approval.
 *
 * @param participantId the id the participant will have (derived from its public key); also the registration id
 * @param legalName     the legal name, whitespace-normalised
 * @param role          the requested role
 * @param csrDer        the request's DER encoding, exactly as checked
 * @param submittedAt   logical time of submission
 */
public record RegistrationSubmittedRecord(String participantId, String legalName, Role role, byte[] csrDer,
                                          Instant submittedAt) implements IdentityRecord {

    /** Checks presence of every field and copies the CSR bytes. */
    public RegistrationSubmittedRecord {
        Objects.requireNonNull(participantId, "participantId");
        Objects.requireNonNull(legalName, "legalName");
        Objects.requireNonNull(role, "role");
        csrDer = Objects.requireNonNull(csrDer, "csrDer").clone();
        Objects.requireNonNull(submittedAt, "submittedAt");
    }

    /** A copy of the CSR's DER bytes. */
    @Override
    public byte[] csrDer() {
        return csrDer.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RegistrationSubmittedRecord r && participantId.equals(r.participantId)
                && legalName.equals(r.legalName) && role == r.role && Arrays.equals(csrDer, r.csrDer)
                && submittedAt.equals(r.submittedAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(participantId, legalName, role, Arrays.hashCode(csrDer), submittedAt);
    }

    @Override
    public String toString() {
        return "RegistrationSubmitted[" + participantId + ", " + legalName + ", " + role + ", csr "
                + csrDer.length + " bytes, " + submittedAt + "]";
    }
}
