package io.carbonx.registry.journal;

import io.carbonx.events.CertificateRevoked;
import io.carbonx.events.EventEnvelope;
import io.carbonx.events.ParticipantRegistered;
import io.carbonx.events.RegistrationRejected;
import io.carbonx.events.RegistrationSubmitted;
import io.carbonx.registry.identity.CertificateRevokedRecord;
import io.carbonx.registry.identity.IdentityRecord;
import io.carbonx.registry.identity.ParticipantRegisteredRecord;
import io.carbonx.registry.identity.RegistrationRejectedRecord;
import io.carbonx.registry.identity.RegistrationSubmittedRecord;
import io.carbonx.registry.identity.RevocationReason;
import java.time.Instant;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;

/**
 * Identity records ↔ their events, losslessly for times with millisecond precision (the registry makes every
 * identity decision at a logical time in ms; certificate and CRL times are whole seconds). The submission,
 * rejection and registration times are {@code envelope.logicalTime}; a revocation's time is
 * {@code revocationTimeMs} (the CRL's, whole seconds) while its envelope carries the decision time.
 */
public final class IdentityRecordCodec {
    private IdentityRecordCodec() {
    }

    /**
     * @param record   an identity decision
     * @param envelope its envelope (logical time = the decision time)
     * @return the event
     */
    public static SpecificRecord encode(IdentityRecord record, EventEnvelope envelope) {
        if (record instanceof RegistrationSubmittedRecord r) {
            return RegistrationSubmitted.newBuilder().setEnvelope(envelope).setParticipantId(r.participantId())
                    .setLegalName(r.legalName()).setRole(r.role()).setCsrDer(Bytes.wrap(r.csrDer())).build();
        }
        if (record instanceof RegistrationRejectedRecord r) {
            return RegistrationRejected.newBuilder().setEnvelope(envelope).setParticipantId(r.participantId())
                    .setRejectedBy(r.rejectedBy()).setReason(r.reason()).build();
        }
        if (record instanceof ParticipantRegisteredRecord r) {
            return ParticipantRegistered.newBuilder().setEnvelope(envelope).setParticipantId(r.participantId())
                    .setLegalName(r.legalName()).setRole(r.role()).setCertificateDer(Bytes.wrap(r.certificateDer()))
                    .setCertificateSerial(r.serialHex()).setApprovedBy(r.approvedBy())
                    .setValidFromMs(r.notBefore().toEpochMilli()).setValidToMs(r.notAfter().toEpochMilli()).build();
        }
        CertificateRevokedRecord r = (CertificateRevokedRecord) record;
        return CertificateRevoked.newBuilder().setEnvelope(envelope).setParticipantId(r.participantId())
                .setCertificateSerial(r.serialHex()).setReasonCode(r.reason().name()).setRevokedBy(r.revokedBy())
                .setRevocationTimeMs(r.revokedAt().toEpochMilli()).setCrlNumber(r.crlNumber())
                .setCrlDer(Bytes.wrap(r.crlDer())).build();
    }

    /**
     * @param record an identity record
     * @return the type name of its event
     */
    public static String typeOf(IdentityRecord record) {
        if (record instanceof RegistrationSubmittedRecord) {
            return "RegistrationSubmitted";
        }
        if (record instanceof RegistrationRejectedRecord) {
            return "RegistrationRejected";
        }
        return record instanceof ParticipantRegisteredRecord ? "ParticipantRegistered" : "CertificateRevoked";
    }

    /**
     * @param record an identity record
     * @return its own time (the revocation time for a revocation)
     */
    public static long timeOf(IdentityRecord record) {
        if (record instanceof RegistrationSubmittedRecord r) {
            return r.submittedAt().toEpochMilli();
        }
        if (record instanceof RegistrationRejectedRecord r) {
            return r.rejectedAt().toEpochMilli();
        }
        if (record instanceof ParticipantRegisteredRecord r) {
            return r.registeredAt().toEpochMilli();
        }
        return ((CertificateRevokedRecord) record).revokedAt().toEpochMilli();
    }

    /**
     * @param event a journal record
     * @return the identity record it holds, empty for any other record
     * @throws IllegalArgumentException if a revocation names an unknown reason (a corrupt journal)
     */
    public static Optional<IdentityRecord> decode(SpecificRecord event) {
        if (event instanceof RegistrationSubmitted e) {
            return Optional.of(new RegistrationSubmittedRecord(e.getParticipantId(), e.getLegalName(), e.getRole(),
                    Bytes.of(e.getCsrDer()), at(e.getEnvelope())));
        }
        if (event instanceof RegistrationRejected e) {
            return Optional.of(new RegistrationRejectedRecord(e.getParticipantId(), e.getRejectedBy(), e.getReason(),
                    at(e.getEnvelope())));
        }
        if (event instanceof ParticipantRegistered e) {
            return Optional.of(new ParticipantRegisteredRecord(e.getParticipantId(), e.getLegalName(), e.getRole(),
                    Bytes.of(e.getCertificateDer()), e.getCertificateSerial(), Instant.ofEpochMilli(e.getValidFromMs()),
                    Instant.ofEpochMilli(e.getValidToMs()), e.getApprovedBy(), at(e.getEnvelope())));
        }
        if (event instanceof CertificateRevoked e) {
            return Optional.of(new CertificateRevokedRecord(e.getParticipantId(), e.getCertificateSerial(),
                    RevocationReason.valueOf(e.getReasonCode()), e.getRevokedBy(),
                    Instant.ofEpochMilli(e.getRevocationTimeMs()), e.getCrlNumber(), Bytes.of(e.getCrlDer())));
        }
        return Optional.empty();
    }

    private static Instant at(EventEnvelope envelope) {
        return Instant.ofEpochMilli(envelope.getLogicalTime());
    }
}
