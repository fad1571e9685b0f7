package io.carbonx.chain.evidence;

import io.carbonx.events.Role;
import java.util.EnumSet;
import java.util.Set;

/**
 * Who may retrieve evidence bundles: deny by default; allowed are exactly the roles that adjudicate or supervise,
 * COURT, ARBITRATOR and REGULATOR, for any subject. Everyone else (ENTERPRISE, EXCHANGE, VERIFIER) is refused,
 * including for their own trades: participants see their own orders and trades through the ordinary API; a
 * court-grade bundle goes to whoever judges the dispute. The caller's certificate (validity, revocation) is the
 * REST layer's check before this one.
 */
public final class EvidenceAccessPolicy {

    /** The roles allowed to retrieve bundles. */
    public static final Set<Role> ALLOWED = Set.copyOf(EnumSet.of(Role.COURT, Role.ARBITRATOR, Role.REGULATOR));

    private EvidenceAccessPolicy() {
    }

    /**
     * The decision for {@code caller} asking for {@code subject}.
     *
     * @param granted whether the caller may retrieve the bundle
     * @param reason  why, in words (for the audit record and a 403 problem response)
     */
    public record Decision(boolean granted, String reason) {
    }

    /** Decides; a null caller (unauthenticated) is refused. */
    public static Decision decide(Caller caller, EvidenceSubject subject) {
        if (caller == null) {
            return new Decision(false, "unauthenticated callers may not retrieve evidence");
        }
        if (!ALLOWED.contains(caller.role())) {
            return new Decision(false, "role " + caller.role() + " may not retrieve evidence; only " + ALLOWED.stream()
                    .map(Enum::name).sorted().toList() + " may");
        }
        return new Decision(true, caller.role() + " " + caller.participantId() + " may retrieve evidence about " + subject);
    }
}
