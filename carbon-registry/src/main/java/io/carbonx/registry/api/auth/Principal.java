package io.carbonx.registry.api.auth;

import io.carbonx.events.Role;
import java.util.Objects;

/**
 * The authenticated caller of a request.
 *
 * @param participantId its participant id
 * @param role          its role (from its certificate)
 */
public record Principal(String participantId, Role role) {
    /** Validates. */
    public Principal {
        Objects.requireNonNull(participantId, "participantId");
        Objects.requireNonNull(role, "role");
    }
}
