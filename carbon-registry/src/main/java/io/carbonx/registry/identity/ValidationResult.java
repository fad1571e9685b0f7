package io.carbonx.registry.identity;

import io.carbonx.events.Role;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link CertificateValidator} concluded.
 *
 * @param status        VALID or the reason the certificate is not acceptable
 * @param detail        human-readable explanation (for logs and problem responses; not for programs)
 * @param participantId the participant id the certificate names, when it could be read, else {@code null}
 * @param role          the role the certificate carries, when it could be read, else {@code null}
 */
public record ValidationResult(ValidationStatus status, String detail, String participantId, Role role) {

    /** Checks that status and detail are present. */
    public ValidationResult {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(detail, "detail");
    }

    /** True when {@link #status()} is {@link ValidationStatus#VALID}. */
    public boolean isValid() {
        return status == ValidationStatus.VALID;
    }

    /** The participant id, if the certificate could be read. */
    public Optional<String> participant() {
        return Optional.ofNullable(participantId);
    }

    static ValidationResult failure(ValidationStatus status, String detail) {
        return new ValidationResult(status, detail, null, null);
    }
}
