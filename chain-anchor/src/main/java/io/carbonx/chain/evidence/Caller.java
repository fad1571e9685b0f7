package io.carbonx.chain.evidence;

import io.carbonx.events.Role;
import java.util.Objects;

/**
 * Who asks for evidence, as the REST layer authenticated them (participant id and role from the caller's
 * registry-issued certificate).
 *
 * @param participantId the caller's participant id
 * @param role          the role in the caller's certificate
 */
public record Caller(String participantId, Role role) {

    /** Rejects nulls. */
    public Caller {
        Objects.requireNonNull(participantId, "participantId");
        Objects.requireNonNull(role, "role");
    }
}
