package io.carbonx.registry.identity;

import io.carbonx.events.Role;
import io.carbonx.registry.identity.pki.CaStore;
import io.carbonx.registry.identity.pki.Certificates;
import io.carbonx.registry.identity.pki.ConsortiumCa;
import io.carbonx.registry.identity.pki.Crls;
import io.carbonx.registry.identity.pki.CsrInspector;
import io.carbonx.registry.identity.pki.CsrInspector.InspectedCsr;
import io.carbonx.registry.identity.pki.ParticipantCertificates;
import io.carbonx.registry.identity.pki.ParticipantIdentity;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.CRLException;
import java.security.cert.CertificateException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The registry's identity service: the consortium CA's decisions and the state they build.
 *
 * <p>Decisions ({@link #submitRegistration}, {@link #approveRegistration}, {@link #rejectRegistration},
 * {@link #revoke}) check their input against the current state and return the record an event will carry, or
 * throw {@link IdentityRefusedException} with a reason code; they never change the state. The single writer
 * then publishes the record as an event and calls {@link #apply} (decide → publish → apply). Rebuilding after a
 * restart is {@link #open} followed by {@link #apply} of every identity event from the log; no decision is
 * re-made, so the rebuilt state (and {@link IdentityRegistry#stateHash()}) equals the live one. Private keys stay
 * in the data directory; no record carries one.
 *
 * <p>Who may do what: anyone may submit a registration; only an active REGULATOR — including the bootstrap
 * identity created at first start, which is a REGULATOR — may approve, reject or revoke. Time is always a
 * parameter ({@code at}, the event's logical time). Not thread-safe: one writer.
 */
public final class IdentityService {

    /** The {@code approvedBy} of the bootstrap identity's registration: the CA itself. */
    public static final String CA_ACTOR = "carbonx-ca";
    /** Roles whose participants may operate the consortium time-stamping authority. */
    public static final Set<Role> TIMESTAMPING_ROLES = Set.copyOf(EnumSet.of(Role.COURT, Role.ARBITRATOR, Role.REGULATOR));

    private final ConsortiumCa ca;
    private final CaStore store;
    private final IdentityConfig config;
    private final IdentityRegistry registry = new IdentityRegistry();
    private final CertificateValidator validator;
    private final ParticipantRegisteredRecord bootstrapRecord;

    private IdentityService(ConsortiumCa ca, CaStore store, IdentityConfig config) {
        this.ca = ca;
        this.store = store;
        this.config = config;
        this.validator = CertificateValidator.create(ca.rootCertificate(), List.of(ca.issuingCertificate()));
        if (ca.storedCrl() != null) {
            try {
                validator.updateCrl(ca.storedCrl().getEncoded());
            } catch (CRLException e) {
                throw new IllegalStateException("stored CRL does not re-encode", e);
            }
        }
        this.bootstrapRecord = registeredRecord(ca.bootstrapCertificate(), CA_ACTOR,
                ca.bootstrapCertificate().getNotBefore().toInstant());
        registry.apply(bootstrapRecord);
    }

    /** Opens the CA in {@code dataDir} (creating it on first start, with validity from {@code now}). */
    public static IdentityService open(Path dataDir, char[] passphrase, IdentityConfig config, Instant now)
            throws IdentityStoreException {
        return open(dataDir, passphrase, config, now, new SecureRandom());
    }

    /** As {@link #open(Path, char[], IdentityConfig, Instant)} with a given source of randomness. */
    public static IdentityService open(Path dataDir, char[] passphrase, IdentityConfig config, Instant now,
                                       SecureRandom random) throws IdentityStoreException {
        CaStore store = new CaStore(dataDir);
        return new IdentityService(store.openOrCreate(passphrase, config, now, random), store, config);
    }

    /** True when this start created the CA (first start). */
    public boolean createdOnThisStart() {
        return ca.createdOnThisStart();
    }

    /** The bootstrap identity's registration, to publish as a ParticipantRegistered event after first start. */
    public ParticipantRegisteredRecord bootstrapRegistration() {
        return bootstrapRecord;
    }

    /** The validator, kept up to date with every applied revocation. */
    public CertificateValidator validator() {
        return validator;
    }

    /** The state (read it; change it only through {@link #apply}). */
    public IdentityRegistry registry() {
        return registry;
    }

    /** The root CA certificate. */
    public X509Certificate rootCertificate() {
        return ca.rootCertificate();
    }

    /** The issuing CA certificate. */
    public X509Certificate issuingCertificate() {
        return ca.issuingCertificate();
    }

    /** The CA data directory. */
    public Path dataDirectory() {
        return store.directory();
    }

    /**
     * Decides on a registration request.
     *
     * @param csr       PKCS#10 request, PEM or DER
     * @param legalName the participant's legal name
     * @param role      the requested role
     * @param at        logical time of the request
     * @throws IdentityRefusedException MISSING_ROLE, INVALID_LEGAL_NAME, the CSR refusals of
     *                                  {@link CsrInspector#inspect}, DUPLICATE_KEY, DUPLICATE_LEGAL_NAME
     */
    public RegistrationSubmittedRecord submitRegistration(byte[] csr, String legalName, Role role, Instant at)
            throws IdentityRefusedException {
        Objects.requireNonNull(at, "at");
        if (role == null) {
            throw new IdentityRefusedException(IdentityRefusal.MISSING_ROLE, "no role requested");
        }
        String name = LegalNames.displayForm(legalName);
        InspectedCsr inspected = CsrInspector.inspect(csr);
        if (registry.isKnown(inspected.participantId())) {
            throw new IdentityRefusedException(IdentityRefusal.DUPLICATE_KEY,
                    "the public key is already registered or pending as " + inspected.participantId());
        }
        if (registry.isNameTaken(LegalNames.comparisonKey(name))) {
            throw new IdentityRefusedException(IdentityRefusal.DUPLICATE_LEGAL_NAME,
                    "legal name '" + name + "' is already registered or pending");
        }
        return new RegistrationSubmittedRecord(inspected.participantId(), name, role, inspected.der(), at);
    }

    /**
     * Decides on approving a pending registration: issues the participant's certificate.
     *
     * @throws IdentityRefusedException APPROVER_NOT_AUTHORISED, UNKNOWN_REGISTRATION
     */
    public ParticipantRegisteredRecord approveRegistration(String participantId, String approverId, Instant at)
            throws IdentityRefusedException {
        requireRegulator(approverId, at, "approve registrations");
        RegistrationSubmittedRecord pending = registry.pending(participantId).orElseThrow(() ->
                new IdentityRefusedException(IdentityRefusal.UNKNOWN_REGISTRATION,
                        "no pending registration " + participantId));
        InspectedCsr csr = CsrInspector.inspect(pending.csrDer());
        Instant notBefore = at.truncatedTo(ChronoUnit.SECONDS);
        Instant notAfter = notBefore.plus(config.participantValidity());
        if (notAfter.isAfter(ca.issuingNotAfter())) {
            notAfter = ca.issuingNotAfter();
        }
        if (!notAfter.isAfter(notBefore)) {
            throw new IllegalStateException("the issuing CA is expired at " + at + "; a new issuing CA is needed");
        }
        X509Certificate cert = ca.issue(new ParticipantCertificates.Request(csr.publicKey(), csr.keyKind(),
                pending.participantId(), pending.legalName(), pending.role(), unusedSerial(), notBefore, notAfter,
                config.crlDistributionUri()));
        return registeredRecord(cert, approverId, at);
    }

    /**
     * Issues the certificate of a consortium time-stamping authority (RFC 3161) run by {@code participantId}, for
     * the key in {@code csr} ({@link CertificateProfile}: time-stamping profile). The TSA key must be a key of its
     * own (not any participant's identity key). The certificate is returned, not recorded in the registry state:
     * it identifies the TSA only through the participant it names, and {@link #revoke} of that participant does
     * not list it (a known limitation; rotate the TSA key by issuing a new certificate).
     *
     * @param participantId the participant operating the TSA: active at {@code at}, role COURT, ARBITRATOR or
     *                      REGULATOR
     * @param csr           PKCS#10 request (PEM or DER) for the TSA key
     * @throws IdentityRefusedException APPROVER_NOT_AUTHORISED, UNKNOWN_PARTICIPANT, TIMESTAMPING_NOT_PERMITTED,
     *                                  DUPLICATE_KEY, the CSR refusals of {@link CsrInspector#inspect}
     */
    public X509Certificate issueTimestampingCertificate(String participantId, byte[] csr, String approverId,
                                                        Instant at) throws IdentityRefusedException {
        requireRegulator(approverId, at, "issue time-stamping certificates");
        ParticipantRegisteredRecord operator = registry.participant(participantId).orElseThrow(() ->
                new IdentityRefusedException(IdentityRefusal.UNKNOWN_PARTICIPANT, "no participant " + participantId));
        if (!TIMESTAMPING_ROLES.contains(operator.role()) || !registry.isActive(participantId, at)) {
            throw new IdentityRefusedException(IdentityRefusal.TIMESTAMPING_NOT_PERMITTED, participantId + " ("
                    + operator.role() + ") is not an active participant of role " + TIMESTAMPING_ROLES);
        }
        InspectedCsr inspected = CsrInspector.inspect(csr);
        if (registry.isKnown(inspected.participantId())) {
            throw new IdentityRefusedException(IdentityRefusal.DUPLICATE_KEY,
                    "the TSA key is a participant key (" + inspected.participantId() + ")");
        }
        Instant notBefore = at.truncatedTo(ChronoUnit.SECONDS);
        Instant notAfter = notBefore.plus(config.participantValidity());
        if (notAfter.isAfter(ca.issuingNotAfter())) {
            notAfter = ca.issuingNotAfter();
        }
        return ca.issueTimestamping(new ParticipantCertificates.Request(inspected.publicKey(), inspected.keyKind(),
                participantId, operator.legalName(), operator.role(), unusedSerial(), notBefore, notAfter,
                config.crlDistributionUri()));
    }

    /**
     * Decides on rejecting a pending registration.
     *
     * @throws IdentityRefusedException APPROVER_NOT_AUTHORISED, UNKNOWN_REGISTRATION
     */
    public RegistrationRejectedRecord rejectRegistration(String participantId, String rejectorId, String reason,
                                                         Instant at) throws IdentityRefusedException {
        requireRegulator(rejectorId, at, "reject registrations");
        if (registry.pending(participantId).isEmpty()) {
            throw new IdentityRefusedException(IdentityRefusal.UNKNOWN_REGISTRATION,
                    "no pending registration " + participantId);
        }
        return new RegistrationRejectedRecord(participantId, rejectorId, reason == null ? "" : reason, at);
    }

    /**
     * Decides on revoking a participant's certificate; signs the CRL that lists it with every earlier revocation.
     * The revocation time is {@code at} truncated to whole seconds (the CRL's resolution).
     *
     * @throws IdentityRefusedException APPROVER_NOT_AUTHORISED, UNKNOWN_PARTICIPANT, ALREADY_REVOKED
     */
    public CertificateRevokedRecord revoke(String participantId, RevocationReason reason, String revokerId, Instant at)
            throws IdentityRefusedException {
        requireRegulator(revokerId, at, "revoke certificates");
        Objects.requireNonNull(reason, "reason");
        ParticipantRegisteredRecord p = registry.participant(participantId).orElseThrow(() ->
                new IdentityRefusedException(IdentityRefusal.UNKNOWN_PARTICIPANT, "no participant " + participantId));
        if (registry.revocation(participantId).isPresent()) {
            throw new IdentityRefusedException(IdentityRefusal.ALREADY_REVOKED,
                    "certificate " + p.serialHex() + " of " + participantId + " is already revoked");
        }
        Instant revokedAt = at.truncatedTo(ChronoUnit.SECONDS);
        List<Crls.Entry> entries = new ArrayList<>();
        for (CertificateRevokedRecord r : registry.revocations()) {
            entries.add(new Crls.Entry(new BigInteger(r.serialHex(), 16), r.revokedAt(), r.reason().code()));
        }
        entries.add(new Crls.Entry(new BigInteger(p.serialHex(), 16), revokedAt, reason.code()));
        long crlNumber = registry.latestRevocation().map(CertificateRevokedRecord::crlNumber).orElse(0L) + 1;
        X509CRL crl = ca.signCrl(entries, crlNumber, revokedAt, config);
        try {
            return new CertificateRevokedRecord(participantId, p.serialHex(), reason, revokerId, revokedAt, crlNumber,
                    crl.getEncoded());
        } catch (CRLException e) {
            throw new IllegalStateException("a signed CRL does not encode", e);
        }
    }

    /**
     * Applies a record (from a decision just published, or from the log during replay). A revocation also
     * installs its CRL in the validator and writes it to the data directory; the state is updated even if that
     * write fails, and the failure is then reported as {@link IllegalStateException}.
     */
    public void apply(IdentityRecord record) {
        registry.apply(record);
        if (record instanceof CertificateRevokedRecord r) {
            byte[] crlDer = r.crlDer();
            if (validator.updateCrl(crlDer)) {
                try {
                    store.writeCrl(Certificates.crlFromDer(crlDer));
                } catch (IdentityStoreException | CRLException e) {
                    throw new IllegalStateException("CRL #" + r.crlNumber() + " applied but not written to disk", e);
                }
            }
        }
    }

    /** The registered participant's certificate. */
    public Optional<X509Certificate> participantCertificate(String participantId) {
        return registry.participant(participantId).map(p -> {
            try {
                return Certificates.fromDer(p.certificateDer());
            } catch (CertificateException e) {
                throw new IllegalStateException("stored certificate of " + participantId + " does not decode", e);
            }
        });
    }

    private void requireRegulator(String actorId, Instant at, String action) throws IdentityRefusedException {
        Objects.requireNonNull(at, "at");
        Optional<ParticipantRegisteredRecord> actor = actorId == null ? Optional.empty() : registry.participant(actorId);
        if (actor.isEmpty()) {
            throw new IdentityRefusedException(IdentityRefusal.APPROVER_NOT_AUTHORISED,
                    "unknown participant " + actorId + " may not " + action);
        }
        if (actor.get().role() != Role.REGULATOR) {
            throw new IdentityRefusedException(IdentityRefusal.APPROVER_NOT_AUTHORISED,
                    actorId + " has role " + actor.get().role() + "; only a REGULATOR may " + action);
        }
        if (!registry.isActive(actorId, at)) {
            throw new IdentityRefusedException(IdentityRefusal.APPROVER_NOT_AUTHORISED,
                    actorId + " is revoked or outside its certificate's validity at " + at);
        }
    }

    private BigInteger unusedSerial() {
        while (true) {
            BigInteger serial = ca.newSerial();
            String hex = serial.toString(16);
            if (registry.participants().stream().noneMatch(p -> p.serialHex().equals(hex))) {
                return serial;
            }
        }
    }

    private static ParticipantRegisteredRecord registeredRecord(X509Certificate cert, String approvedBy, Instant at) {
        ParticipantIdentity identity;
        try {
            identity = ParticipantIdentity.of(cert);
        } catch (CertificateException e) {
            throw new IllegalStateException("the CA issued a certificate outside its own profile", e);
        }
        return new ParticipantRegisteredRecord(identity.participantId(), identity.legalName(), identity.role(),
                Certificates.der(cert), cert.getSerialNumber().toString(16), cert.getNotBefore().toInstant(),
                cert.getNotAfter().toInstant(), approvedBy, at);
    }
}
