package io.carbonx.registry.api.auth;

import io.carbonx.events.Role;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Who may call a route. Every route of the API declares one ({@link SecureRouter} takes no route without it):
 * deny by default.
 *
 * @param authenticated  a valid bearer token is required
 * @param roles          roles allowed for any participant's data (empty: none)
 * @param selfParam      path parameter naming the participant whose data the route concerns, or null
 * @param selfRoles      roles allowed when that parameter is the caller itself
 */
public record Access(boolean authenticated, Set<Role> roles, String selfParam, Set<Role> selfRoles) {

    /** Copies. */
    public Access {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        selfRoles = selfRoles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(selfRoles));
    }

    /** @return no token needed (authentication endpoints, registration requests, CA certificates) */
    public static Access open() {
        return new Access(false, Set.of(), null, Set.of());
    }

    /** @return any authenticated participant */
    public static Access anyParticipant() {
        return new Access(true, EnumSet.allOf(Role.class), null, Set.of());
    }

    /**
     * @param roles the roles allowed
     * @return authenticated with one of the roles
     */
    public static Access roles(Role... roles) {
        return new Access(true, EnumSet.of(roles[0], roles), null, Set.of());
    }

    /**
     * The participant named by a path parameter itself (with one of {@code selfRoles}), or any participant with
     * one of {@code roles} (e.g. REGULATOR).
     *
     * @param param     the path parameter holding a participant id
     * @param selfRoles roles allowed to act on their own data
     * @param roles     roles allowed for anyone's data
     * @return the access rule
     */
    public static Access selfOr(String param, Set<Role> selfRoles, Role... roles) {
        Objects.requireNonNull(param, "param");
        Set<Role> any = roles.length == 0 ? Set.of() : EnumSet.of(roles[0], roles);
        return new Access(true, any, param, selfRoles);
    }

    /**
     * @param principal the caller
     * @param selfValue the value of {@link #selfParam} in the request (null if none)
     * @return null when allowed, else the failure
     */
    public AuthFailure check(Principal principal, String selfValue) {
        if (!authenticated || roles.contains(principal.role())) {
            return null;
        }
        if (selfParam != null && principal.participantId().equals(selfValue)) {
            return selfRoles.contains(principal.role()) ? null : AuthFailure.ROLE_NOT_PERMITTED;
        }
        return selfParam != null && selfRoles.contains(principal.role()) ? AuthFailure.NOT_OWN_DATA
                : AuthFailure.ROLE_NOT_PERMITTED;
    }
}
