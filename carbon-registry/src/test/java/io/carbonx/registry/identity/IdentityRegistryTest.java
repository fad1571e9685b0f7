package io.carbonx.registry.identity;

import static io.carbonx.registry.identity.PkiFixtures.T1;
import static io.carbonx.registry.identity.PkiFixtures.T2;
import static io.carbonx.registry.identity.PkiFixtures.bootstrapId;
import static io.carbonx.registry.identity.PkiFixtures.p256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.carbonx.events.Role;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The registry state is a deterministic fold of the records: replay, idempotence, contradiction detection. */
class IdentityRegistryTest {

    @TempDir
    Path dir;

    private IdentityService service;
    private final List<IdentityRecord> log = new ArrayList<>();

    @BeforeEach
    void open() throws Exception {
        service = PkiFixtures.openService(dir);
        log.add(service.bootstrapRegistration());
        ParticipantRegisteredRecord regulator = approve(submit("Regulator", Role.REGULATOR), bootstrapId(service));
        approve(submit("Enterprise One", Role.ENTERPRISE), regulator.participantId());
        ParticipantRegisteredRecord two = approve(submit("Enterprise Two", Role.ENTERPRISE), regulator.participantId());
        RegistrationSubmittedRecord rejected = submit("Enterprise Thre", Role.ENTERPRISE);
        record(service.rejectRegistration(rejected.participantId(), regulator.participantId(), "typo", T1));
        submit("Still Pending", Role.VERIFIER);
        record(service.revoke(two.participantId(), RevocationReason.SUPERSEDED, regulator.participantId(), T2));
    }

    @Test
    void replayGivesTheSameStateHash() {
        IdentityRegistry replayed = new IdentityRegistry();
        log.forEach(replayed::apply);
        assertThat(replayed.stateHash()).isEqualTo(service.registry().stateHash());
        assertThat(replayed.participants()).isEqualTo(service.registry().participants());
        assertThat(replayed.pendingRegistrations()).hasSize(1).isEqualTo(service.registry().pendingRegistrations());
        assertThat(replayed.revocations()).isEqualTo(service.registry().revocations());
    }

    @Test
    void reapplyingRecordsIsANoOp() {
        String before = service.registry().stateHash();
        log.forEach(service::apply);
        assertThat(service.registry().stateHash()).isEqualTo(before);
    }

    @Test
    void stateHashChangesWithEveryRecord_exceptARejectionRestoresTheStateBeforeItsSubmission() {
        IdentityRegistry replayed = new IdentityRegistry();
        Map<String, String> hashBeforeSubmission = new HashMap<>();
        for (IdentityRecord r : log) {
            String before = replayed.stateHash();
            if (r instanceof RegistrationSubmittedRecord) {
                hashBeforeSubmission.put(r.participantId(), before);
            }
            replayed.apply(r);
            if (r instanceof RegistrationRejectedRecord) {
                assertThat(replayed.stateHash()).isEqualTo(hashBeforeSubmission.get(r.participantId()));
            } else {
                assertThat(replayed.stateHash()).as("after " + r).isNotEqualTo(before);
            }
        }
    }

    @Test
    void contradictingRecordsAreRefused() throws Exception {
        ParticipantRegisteredRecord existing = service.registry().participants().get(0);
        ParticipantRegisteredRecord conflicting = new ParticipantRegisteredRecord(existing.participantId(),
                existing.legalName(), existing.role(), existing.certificateDer(), "ff", existing.notBefore(),
                existing.notAfter(), existing.approvedBy(), existing.registeredAt());
        assertThatThrownBy(() -> service.registry().apply(conflicting)).isInstanceOf(IllegalStateException.class);
        CertificateRevokedRecord bogus = new CertificateRevokedRecord("p-nobody", "01", RevocationReason.UNSPECIFIED,
                bootstrapId(service), T2, 9, new byte[] {1});
        assertThatThrownBy(() -> service.registry().apply(bogus)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void isActiveFollowsValidityAndRevocation() {
        CertificateRevokedRecord revocation = service.registry().revocations().get(0);
        String id = revocation.participantId();
        assertThat(service.registry().isActive(id, T1)).isTrue();
        assertThat(service.registry().isActive(id, revocation.revokedAt())).isFalse();
        assertThat(service.registry().isActive(id, T1.minusSeconds(1))).isFalse();
    }

    private RegistrationSubmittedRecord submit(String name, Role role) throws Exception {
        RegistrationSubmittedRecord r = service.submitRegistration(PkiFixtures.csr(p256()), name, role, T1);
        record(r);
        return r;
    }

    private ParticipantRegisteredRecord approve(RegistrationSubmittedRecord s, String approver) throws Exception {
        ParticipantRegisteredRecord r = service.approveRegistration(s.participantId(), approver, T1);
        record(r);
        return r;
    }

    private void record(IdentityRecord r) {
        service.apply(r);
        log.add(r);
    }
}
