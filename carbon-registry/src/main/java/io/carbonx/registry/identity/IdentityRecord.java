package io.carbonx.registry.identity;

/**
 * A decision of the identity registry, in the form an event carries it. The registry's state is the fold of
 * these records ({@link IdentityRegistry#apply}); each maps one-to-one onto an event type:
 * {@link RegistrationSubmittedRecord} → RegistrationSubmitted, {@link RegistrationRejectedRecord} →
 * RegistrationRejected, {@link ParticipantRegisteredRecord} → ParticipantRegistered,
 * {@link CertificateRevokedRecord} → CertificateRevoked. None holds private-key material.
 */
public sealed interface IdentityRecord
        permits RegistrationSubmittedRecord, RegistrationRejectedRecord, ParticipantRegisteredRecord,
        CertificateRevokedRecord {

    /** The participant (or pending registration) the record is about. */
    String participantId();
}
