package io.carbonx.exchange.core.agreement;

/**
 * The desk's answer to agreement terms: a registration, or a refusal with its reason.
 *
 * @param registration the registration; null when refused
 * @param reason       the refusal reason; null when registered
 * @param detail       human-readable detail of the refusal (empty when registered)
 */
public record AgreementDecision(AgreementRegistration registration, AgreementRejectReason reason, String detail) {

    static AgreementDecision registered(AgreementRegistration r) {
        return new AgreementDecision(r, null, "");
    }

    static AgreementDecision refused(AgreementRejectReason reason, String detail) {
        return new AgreementDecision(null, reason, detail);
    }

    /** Whether the terms were registered. */
    public boolean isRegistered() {
        return registration != null;
    }
}
