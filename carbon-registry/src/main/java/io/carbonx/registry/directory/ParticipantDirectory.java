package io.carbonx.registry.directory;

import io.carbonx.events.CertificateRevoked;
import io.carbonx.events.ParticipantRegistered;
import io.carbonx.events.Role;
import io.carbonx.registry.identity.CertificateValidator;
import io.carbonx.registry.identity.ValidationResult;
import io.carbonx.registry.identity.ValidationStatus;
import io.carbonx.registry.journal.Bytes;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.avro.specific.SpecificRecord;

/**
 * Who the participants are, as a fold of the {@code carbonx.identity} topic: every ParticipantRegistered
 * (certificate, role, legal name) and CertificateRevoked (with the CRL it published). Any service in any
 * process runs one (fed by {@link IdentityTopicFollower}) to know participants and to check their
 * certificates: it owns a {@link CertificateValidator} built from the consortium CA certificates (its trust
 * anchor comes from configuration, never from the topic) and kept current with every CRL the topic carries.
 *
 * <p>{@link #apply} ignores other records and repeated events, so a redelivered tail is harmless; a
 * revocation of an unknown participant or of an older certificate only updates the CRL. Thread-safe: one
 * writer applies, any thread reads.
 *
 * <p><b>Verdict cache.</b> Every authenticated request and every signed order asks {@link #validate} about the
 * caller's certificate; a full PKIX path validation each time was ~6 % of a loaded node's CPU. A VALID verdict is
 * therefore kept per (participant, certificate serial, accepted roles) and answered again only while nothing in
 * the directory has changed since it was computed (any registration, revocation or CRL clears the cache and bumps
 * {@link #changes()}, so a revocation takes effect on the very next check), no CRL was installed in its validator
 * by anyone else ({@link CertificateValidator#crlsInstalled()}), and while the time asked about lies in
 * the window where every certificate of the path is valid (the participant's notBefore..notAfter intersected with
 * those of the root and issuing CAs). A revoked participant's verdicts and every non-VALID verdict are never kept.
 * The answer is therefore always the one a fresh validation would give.
 */
public final class ParticipantDirectory {
    private final CertificateValidator validator;
    private final ConcurrentSkipListMap<String, Participant> participants = new ConcurrentSkipListMap<>();
    private final Map<VerdictKey, ValidVerdict> verdicts = new ConcurrentHashMap<>();
    private final AtomicLong validations = new AtomicLong();
    private final long caFromMs;
    private final long caToMs;
    private volatile long applied;

    /** What a kept verdict answers for. */
    private record VerdictKey(String participantId, String certificateSerial, Set<Role> roles) {
    }

    /**
     * A VALID verdict, the directory's change count and the validator's installed-CRL count it was computed at,
     * and the window it holds in.
     */
    private record ValidVerdict(ValidationResult result, long changes, long crls, long fromMs, long toMs) {
        boolean holds(long changesNow, long crlsNow, long atMs) {
            return changes == changesNow && crls == crlsNow && atMs >= fromMs && atMs <= toMs;
        }
    }

    /**
     * @param validator the validator to keep current (trusting the consortium root)
     */
    public ParticipantDirectory(CertificateValidator validator) {
        this.validator = Objects.requireNonNull(validator, "validator");
        List<X509Certificate> cas = new ArrayList<>(validator.issuingCertificates());
        cas.add(validator.rootCertificate());
        this.caFromMs = cas.stream().mapToLong(c -> c.getNotBefore().getTime()).max().orElseThrow();
        this.caToMs = cas.stream().mapToLong(c -> c.getNotAfter().getTime()).min().orElseThrow();
    }

    /**
     * @param root       the consortium root certificate
     * @param issuingCas the issuing CA certificates
     * @return an empty directory trusting them
     */
    public static ParticipantDirectory trusting(X509Certificate root, Collection<X509Certificate> issuingCas) {
        return new ParticipantDirectory(CertificateValidator.create(root, issuingCas));
    }

    /**
     * Applies one record of the identity topic.
     *
     * @param event a record (others than the identity events are ignored)
     * @return true if the record changed the directory
     * @throws IllegalArgumentException if a revocation carries a CRL not signed by a known issuing CA
     */
    public synchronized boolean apply(SpecificRecord event) {
        boolean changed = false;
        if (event instanceof ParticipantRegistered r) {
            Participant p = new Participant(r.getParticipantId(), r.getLegalName(), r.getRole(),
                    Bytes.of(r.getCertificateDer()), r.getCertificateSerial(), r.getValidFromMs(), r.getValidToMs(),
                    null);
            Participant existing = participants.get(p.participantId());
            if (existing == null || !existing.certificateSerial().equals(p.certificateSerial())) {
                participants.put(p.participantId(), p);
                changed = true;
            }
        } else if (event instanceof CertificateRevoked r) {
            byte[] crl = Bytes.of(r.getCrlDer());
            if (crl.length > 0) {
                changed = validator.updateCrl(crl);
            }
            Participant p = participants.get(r.getParticipantId());
            if (p != null && p.certificateSerial().equals(r.getCertificateSerial()) && !p.revoked()) {
                participants.put(p.participantId(), p.revokedAt(r.getRevocationTimeMs()));
                changed = true;
            }
        }
        if (changed) {
            verdicts.clear();
            applied++;
        }
        return changed;
    }

    /**
     * @param participantId a participant id
     * @return the participant, revoked or not
     */
    public Optional<Participant> participant(String participantId) {
        return participantId == null ? Optional.empty() : Optional.ofNullable(participants.get(participantId));
    }

    /** @return every known participant, ordered by id */
    public List<Participant> participants() {
        return List.copyOf(participants.values());
    }

    /** @return the validator, current with the newest CRL seen */
    public CertificateValidator validator() {
        return validator;
    }

    /** @return how many records changed the directory so far */
    public long changes() {
        return applied;
    }

    /**
     * Checks a participant's current certificate with the {@link CertificateValidator} (path to the root,
     * validity, revocation by the newest CRL, role).
     *
     * @param participantId the participant
     * @param roles         accepted roles
     * @param at            the time to check at
     * @return the validator's verdict (a kept VALID one where it still holds, see the class comment);
     *     {@link ValidationStatus#UNTRUSTED_CHAIN} with detail "unknown participant" when the directory does not
     *     know the id
     */
    public ValidationResult validate(String participantId, Set<Role> roles, Instant at) {
        // read first: a change applied or a CRL installed while validating makes the verdict unusable
        long changesBefore = applied;
        long crlsBefore = validator.crlsInstalled();
        Optional<Participant> found = participant(participantId);
        if (found.isEmpty()) {
            return new ValidationResult(ValidationStatus.UNTRUSTED_CHAIN, "unknown participant " + participantId,
                    null, null);
        }
        Participant p = found.get();
        long atMs = at.toEpochMilli();
        VerdictKey key = new VerdictKey(participantId, p.certificateSerial(), Set.copyOf(roles));
        ValidVerdict kept = verdicts.get(key);
        if (kept != null && kept.holds(changesBefore, crlsBefore, atMs)) {
            return kept.result();
        }
        validations.incrementAndGet();
        ValidationResult result = validator.validate(p.certificateDer(), roles, at);
        if (result.isValid() && !p.activeAt(atMs)) {
            return new ValidationResult(ValidationStatus.REVOKED, "certificate " + p.certificateSerial()
                    + " of " + participantId + " is revoked", participantId, p.role());
        }
        if (result.isValid() && !p.revoked()) {
            verdicts.put(key, new ValidVerdict(result, changesBefore, crlsBefore,
                    Math.max(p.validFromMs(), caFromMs), Math.min(p.validToMs(), caToMs)));
        }
        return result;
    }

    /** @return how many checks {@link #validate} ran in full (not answered from the verdict cache) */
    long fullValidations() {
        return validations.get();
    }

    /**
     * @param participantId the participant
     * @param at            the time
     * @return the verdict for any role
     */
    public ValidationResult validate(String participantId, Instant at) {
        return validate(participantId, EnumSet.allOf(Role.class), at);
    }
}
