package io.carbonx.registry.api;

import io.carbonx.registry.core.ReasonCode;
import io.carbonx.registry.identity.IdentityRefusal;
import io.carbonx.registry.service.CommandRefusal;

/**
 * The HTTP status of a refusal reason code, whichever layer refused: the ledger's {@link ReasonCode} by its
 * category (malformed input 400, duplicates 409, unknown references 404, authorisation 403, state conflicts
 * 409), the CA's {@link IdentityRefusal} (bad CSR or name 400, duplicates and revoked 409, unauthorised approver
 * 403, unknown registration or participant 404) and the adapter's {@link CommandRefusal} (400).
 */
public final class ReasonStatus {
    private ReasonStatus() {
    }

    /**
     * @param reasonCode a reason code name
     * @return its HTTP status (400 for an unknown code)
     */
    public static int of(String reasonCode) {
        for (ReasonCode r : ReasonCode.values()) {
            if (r.name().equals(reasonCode)) {
                return ledger(r);
            }
        }
        for (IdentityRefusal r : IdentityRefusal.values()) {
            if (r.name().equals(reasonCode)) {
                return identity(r);
            }
        }
        return 400;
    }

    static int ledger(ReasonCode r) {
        if (r.ordinal() < ReasonCode.ACCOUNT_EXISTS.ordinal()) {
            return 400;
        }
        if (r.ordinal() < ReasonCode.UNKNOWN_ACCOUNT.ordinal()) {
            return 409;
        }
        if (r.ordinal() < ReasonCode.UNKNOWN_ACTOR.ordinal()) {
            return 404;
        }
        if (r.ordinal() < ReasonCode.ACCOUNT_FROZEN.ordinal()) {
            return 403;
        }
        return 409;
    }

    static int identity(IdentityRefusal r) {
        return switch (r) {
            case DUPLICATE_LEGAL_NAME, DUPLICATE_KEY, ALREADY_REVOKED -> 409;
            case APPROVER_NOT_AUTHORISED -> 403;
            case UNKNOWN_REGISTRATION, UNKNOWN_PARTICIPANT -> 404;
            default -> 400;
        };
    }
}
