package io.carbonx.node.it.contract;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The access policy an operation documents in {@code x-carbonx-roles}: {@code open} (no token), {@code any}
 * (any authenticated participant), a role name, {@code self} (the participant the path's {@code participantId}
 * names, any role) or {@code self ROLE} (that participant, with that role). Deny by default: a caller matching
 * no entry is refused, 401 without a token, 403 with one.
 */
final class Policy {

    static final Set<String> ROLE_NAMES = Set.of("ENTERPRISE", "REGULATOR", "VERIFIER", "COURT", "ARBITRATOR",
            "EXCHANGE");
    private static final Map<String, String> ROLE_OF = Map.of("enterpriseA", "ENTERPRISE", "enterpriseB",
            "ENTERPRISE", "regulator", "REGULATOR", "verifier", "VERIFIER", "court", "COURT", "arbitrator",
            "ARBITRATOR");

    private Policy() {
    }

    /**
     * @param entries the operation's x-carbonx-roles
     * @return the entries that are not in the vocabulary above (a typo would otherwise deny silently)
     */
    static List<String> unknown(List<String> entries) {
        return entries.stream().filter(e -> !e.equals("open") && !e.equals("any") && !e.equals("self")
                && !ROLE_NAMES.contains(e) && !(e.startsWith("self ") && ROLE_NAMES.contains(e.substring(5))))
                .toList();
    }

    /** @return whether any entry is a self entry */
    static boolean hasSelf(List<String> entries) {
        return entries.stream().anyMatch(e -> e.equals("self") || e.startsWith("self "));
    }

    /**
     * @param entries the operation's x-carbonx-roles
     * @param caller  one of {@link World#ROLES}
     * @param isSelf  whether the path's participant is the caller
     * @return 0 when the call is allowed, else the status of the refusal (401 or 403)
     */
    static int expected(List<String> entries, String caller, boolean isSelf) {
        if (entries.contains("open")) {
            return 0;
        }
        String role = ROLE_OF.get(caller);
        if (role == null) {
            return 401;
        }
        for (String e : entries) {
            if (e.equals("any") || e.equals(role) || isSelf && (e.equals("self") || e.equals("self " + role))) {
                return 0;
            }
        }
        return 403;
    }
}
