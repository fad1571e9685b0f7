package io.carbonx.rating.api;

import java.util.Objects;

import io.carbonx.events.Role;

/**
 * The authenticated caller of a rating endpoint, as the API's authentication established it from the client
 * certificate.
 *
 * @param participantId the caller's participant id
 * @param role          the caller's role
 */
public record Caller(String participantId, Role role) {
    public Caller {
        Objects.requireNonNull(participantId, "participantId");
        Objects.requireNonNull(role, "role");
    }
}
