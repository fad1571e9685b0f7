package io.carbonx.registry.identity;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The identity registry's state: pending registrations, registered participants and revocations, as the fold
 * of {@link IdentityRecord}s. Plain Java, deterministic, no I/O: the same records in the same order give the
 * same {@link #stateHash()} on every machine.
 *
 * <p>{@link #apply} trusts its input (records come from the registry's own decisions or from the log) but
 * refuses records that contradict the state with {@link IllegalStateException} (a corrupt log). Re-applying a
 * registration or revocation identical to one already applied is a no-op, as is a submission or rejection for
 * an already registered participant, so redelivering the log's tail is harmless. De-duplicating events by id
 * remains the adapter's job: a redelivered submission whose registration was rejected meanwhile would be
 * pending again.
 *
 * <p>Not thread-safe: one writer applies records; readers must be on the same thread or synchronise.
 */
public final class IdentityRegistry {

    private final TreeMap<String, RegistrationSubmittedRecord> pending = new TreeMap<>();
    private final TreeMap<String, ParticipantRegisteredRecord> participants = new TreeMap<>();
    private final TreeMap<String, CertificateRevokedRecord> revocations = new TreeMap<>();
    private final List<CertificateRevokedRecord> revocationOrder = new ArrayList<>();
    /** Legal-name comparison key → participant id of the pending or registered holder. */
    private final TreeMap<String, String> names = new TreeMap<>();

    /** Applies one record. */
    public void apply(IdentityRecord record) {
        if (record instanceof RegistrationSubmittedRecord r) {
            applySubmitted(r);
        } else if (record instanceof RegistrationRejectedRecord r) {
            applyRejected(r);
        } else if (record instanceof ParticipantRegisteredRecord r) {
            applyRegistered(r);
        } else if (record instanceof CertificateRevokedRecord r) {
            applyRevoked(r);
        } else {
            throw new IllegalArgumentException("unknown record " + record);
        }
    }

    /** The pending registration with this id. */
    public Optional<RegistrationSubmittedRecord> pending(String participantId) {
        return Optional.ofNullable(pending.get(participantId));
    }

    /** All pending registrations, ordered by participant id. */
    public List<RegistrationSubmittedRecord> pendingRegistrations() {
        return List.copyOf(pending.values());
    }

    /** The registered participant with this id (revoked or not). */
    public Optional<ParticipantRegisteredRecord> participant(String participantId) {
        return Optional.ofNullable(participants.get(participantId));
    }

    /** All registered participants (revoked ones included), ordered by participant id. */
    public List<ParticipantRegisteredRecord> participants() {
        return List.copyOf(participants.values());
    }

    /** The revocation of this participant's certificate, if any. */
    public Optional<CertificateRevokedRecord> revocation(String participantId) {
        return Optional.ofNullable(revocations.get(participantId));
    }

    /** All revocations in the order they were applied (the order of the CRL's entries). */
    public List<CertificateRevokedRecord> revocations() {
        return List.copyOf(revocationOrder);
    }

    /** The newest revocation, which carries the current CRL. */
    public Optional<CertificateRevokedRecord> latestRevocation() {
        return revocationOrder.isEmpty() ? Optional.empty() : Optional.of(revocationOrder.get(revocationOrder.size() - 1));
    }

    /** True when some pending or registered participant holds a name with this comparison key. */
    public boolean isNameTaken(String comparisonKey) {
        return names.containsKey(comparisonKey);
    }

    /** True when the id is pending or registered. */
    public boolean isKnown(String participantId) {
        return pending.containsKey(participantId) || participants.containsKey(participantId);
    }

    /**
     * True when the participant is registered, not revoked at {@code at}, and {@code at} lies within its
     * certificate's validity.
     */
    public boolean isActive(String participantId, Instant at) {
        ParticipantRegisteredRecord p = participants.get(participantId);
        if (p == null || at.isBefore(p.notBefore()) || at.isAfter(p.notAfter())) {
            return false;
        }
        CertificateRevokedRecord r = revocations.get(participantId);
        return r == null || at.isBefore(r.revokedAt());
    }

    /** SHA-256 over a canonical encoding of the whole state, lower-case hex. */
    public String stateHash() {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeInt(pending.size());
            for (RegistrationSubmittedRecord r : pending.values()) {
                writeStrings(out, r.participantId(), r.legalName(), r.role().name(), r.submittedAt().toString());
                writeBytes(out, r.csrDer());
            }
            out.writeInt(participants.size());
            for (ParticipantRegisteredRecord p : participants.values()) {
                writeStrings(out, p.participantId(), p.legalName(), p.role().name(), p.serialHex(),
                        p.notBefore().toString(), p.notAfter().toString(), p.approvedBy(), p.registeredAt().toString());
                writeBytes(out, p.certificateDer());
            }
            out.writeInt(revocationOrder.size());
            for (CertificateRevokedRecord r : revocationOrder) {
                writeStrings(out, r.participantId(), r.serialHex(), r.reason().name(), r.revokedBy(),
                        r.revokedAt().toString());
                out.writeLong(r.crlNumber());
                writeBytes(out, r.crlDer());
            }
            out.flush();
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes.toByteArray()));
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot hash the identity state", e);
        }
    }

    private void applySubmitted(RegistrationSubmittedRecord r) {
        RegistrationSubmittedRecord existing = pending.get(r.participantId());
        if (r.equals(existing) || participants.containsKey(r.participantId())) {
            return;
        }
        if (existing != null) {
            throw new IllegalStateException("registration " + r.participantId() + " already exists");
        }
        reserveName(r.legalName(), r.participantId());
        pending.put(r.participantId(), r);
    }

    private void applyRejected(RegistrationRejectedRecord r) {
        RegistrationSubmittedRecord p = pending.remove(r.participantId());
        if (p != null) {
            names.remove(LegalNames.comparisonKey(p.legalName()));
        }
    }

    private void applyRegistered(ParticipantRegisteredRecord r) {
        ParticipantRegisteredRecord existing = participants.get(r.participantId());
        if (r.equals(existing)) {
            return;
        }
        if (existing != null) {
            throw new IllegalStateException("participant " + r.participantId() + " is already registered");
        }
        RegistrationSubmittedRecord p = pending.remove(r.participantId());
        if (p != null) {
            names.remove(LegalNames.comparisonKey(p.legalName()));
        }
        reserveName(r.legalName(), r.participantId());
        participants.put(r.participantId(), r);
    }

    private void applyRevoked(CertificateRevokedRecord r) {
        ParticipantRegisteredRecord p = participants.get(r.participantId());
        if (p == null || !p.serialHex().equals(r.serialHex())) {
            throw new IllegalStateException("revocation of unknown certificate " + r.participantId() + "/" + r.serialHex());
        }
        CertificateRevokedRecord existing = revocations.get(r.participantId());
        if (r.equals(existing)) {
            return;
        }
        if (existing != null) {
            throw new IllegalStateException("participant " + r.participantId() + " is already revoked");
        }
        revocations.put(r.participantId(), r);
        revocationOrder.add(r);
    }

    private void reserveName(String legalName, String participantId) {
        String key = LegalNames.comparisonKey(legalName);
        String holder = names.get(key);
        if (holder != null && !holder.equals(participantId)) {
            throw new IllegalStateException("legal name '" + legalName + "' is already held by " + holder);
        }
        names.put(key, participantId);
    }

    private static void writeStrings(DataOutputStream out, String... values) throws IOException {
        for (String v : values) {
            out.writeUTF(v);
        }
    }

    private static void writeBytes(DataOutputStream out, byte[] b) throws IOException {
        out.writeInt(b.length);
        out.write(b);
    }
}
