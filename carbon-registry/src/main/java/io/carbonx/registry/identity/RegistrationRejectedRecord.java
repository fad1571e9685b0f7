package io.carbonx.registry.identity;

import java.time.Instant;
import java.util.Objects;

/**
 * A REGULATOR rejected a pending registration; its legal name and key become free again.
 *
 * @param participantId the pending registration's id
 * @param rejectedBy    the REGULATOR participant who rejected it
 * @param reason        free-text reason given by the regulator
 * @param rejectedAt    logical time of the rejection
 */
public record RegistrationRejectedRecord(String participantId, String rejectedBy, String reason, Instant rejectedAt)
        implements IdentityRecord {

    /** Checks presence of every field. */
    public RegistrationRejectedRecord {
        Objects.requireNonNull(participantId, "participantId");
        Objects.requireNonNull(rejectedBy, "rejectedBy");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(rejectedAt, "rejectedAt");
    }
}
