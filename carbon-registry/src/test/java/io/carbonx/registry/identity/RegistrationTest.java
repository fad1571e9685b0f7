package io.carbonx.registry.identity;

import static io.carbonx.registry.identity.PkiFixtures.T1;
import static io.carbonx.registry.identity.PkiFixtures.T2;
import static io.carbonx.registry.identity.PkiFixtures.bootstrapId;
import static io.carbonx.registry.identity.PkiFixtures.csr;
import static io.carbonx.registry.identity.PkiFixtures.p256;
import static io.carbonx.registry.identity.PkiFixtures.register;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.carbonx.events.Role;
import io.carbonx.registry.identity.pki.Certificates;
import io.carbonx.registry.identity.pki.Pem;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistrationTest {

    @TempDir
    Path dir;

    private IdentityService service;

    @BeforeEach
    void open() throws Exception {
        service = PkiFixtures.openService(dir);
    }

    @Test
    void givenCsr_whenBootstrapApproves_thenCertificateValidatesAndVerifiesSignatures() throws Exception {
        KeyPair kp = p256();
        RegistrationSubmittedRecord submitted = service.submitRegistration(csr(kp), "  Acme   Steel Ltd ",
                Role.ENTERPRISE, T1);
        assertThat(submitted.legalName()).isEqualTo("Acme Steel Ltd");
        service.apply(submitted);
        assertThat(service.registry().pending(submitted.participantId())).contains(submitted);

        ParticipantRegisteredRecord registered = service.approveRegistration(submitted.participantId(),
                bootstrapId(service), T1);
        service.apply(registered);

        assertThat(service.registry().pending(submitted.participantId())).isEmpty();
        assertThat(registered.participantId()).isEqualTo(submitted.participantId()).startsWith("p-");
        assertThat(registered.role()).isEqualTo(Role.ENTERPRISE);
        assertThat(registered.approvedBy()).isEqualTo(bootstrapId(service));
        X509Certificate cert = Certificates.fromDer(registered.certificateDer());
        assertThat(cert.getPublicKey().getEncoded()).isEqualTo(kp.getPublic().getEncoded());
        assertThat(registered.serialHex()).isEqualTo(cert.getSerialNumber().toString(16));

        ValidationResult result = service.validator().validate(registered.certificateDer(), Role.ENTERPRISE, T2);
        assertThat(result.status()).isEqualTo(ValidationStatus.VALID);
        assertThat(result.participantId()).isEqualTo(registered.participantId());
        assertThat(result.role()).isEqualTo(Role.ENTERPRISE);

        byte[] order = "order seq=1 chain=carbonx-1 buy 100 EUA-2026 @ 8150".getBytes(StandardCharsets.UTF_8);
        byte[] signature = ParticipantSigner.forKey(kp.getPrivate(), kp.getPublic()).sign(order);
        assertThat(SignatureVerifier.verify(cert, order, signature)).isTrue();
        order[0] ^= 1;
        assertThat(SignatureVerifier.verify(cert, order, signature)).isFalse();
    }

    @Test
    void givenPemCsr_whenSubmitted_thenAcceptedLikeDer() throws Exception {
        KeyPair kp = p256();
        byte[] pem = Pem.encode("CERTIFICATE REQUEST", csr(kp))
                .getBytes(StandardCharsets.US_ASCII);
        RegistrationSubmittedRecord fromPem = service.submitRegistration(pem, "Pem Corp", Role.VERIFIER, T1);
        assertThat(fromPem.csrDer()).isEqualTo(Pem.decodeSingle(
                new String(pem, StandardCharsets.US_ASCII), Set.of("CERTIFICATE REQUEST")));
    }

    @Test
    void registeredRegulatorMayApproveOthers() throws Exception {
        ParticipantRegisteredRecord regulator = register(service, p256(), "National Carbon Regulator",
                Role.REGULATOR, bootstrapId(service), T1);
        ParticipantRegisteredRecord court = register(service, p256(), "Supreme People's Court", Role.COURT,
                regulator.participantId(), T1.plusSeconds(60));
        assertThat(court.approvedBy()).isEqualTo(regulator.participantId());
        assertThat(service.validator().validate(court.certificateDer(), Role.COURT, T2).isValid()).isTrue();
    }

    @Test
    void rejectsDuplicateLegalName_evenWithDifferentCaseAndSpacing() throws Exception {
        register(service, p256(), "Acme Steel Ltd", Role.ENTERPRISE, bootstrapId(service), T1);
        assertRefusedUnchanged(IdentityRefusal.DUPLICATE_LEGAL_NAME,
                () -> service.submitRegistration(csr(p256()), "ACME  steel ltd", Role.ENTERPRISE, T1));
    }

    @Test
    void rejectsDuplicateLegalName_ofPendingRegistration() throws Exception {
        service.apply(service.submitRegistration(csr(p256()), "Pending Power Co", Role.ENTERPRISE, T1));
        assertRefusedUnchanged(IdentityRefusal.DUPLICATE_LEGAL_NAME,
                () -> service.submitRegistration(csr(p256()), "Pending Power Co", Role.EXCHANGE, T1));
    }

    @Test
    void rejectsSameKeyTwice() throws Exception {
        KeyPair kp = p256();
        service.apply(service.submitRegistration(csr(kp), "First Name", Role.ENTERPRISE, T1));
        assertRefusedUnchanged(IdentityRefusal.DUPLICATE_KEY,
                () -> service.submitRegistration(csr(kp), "Second Name", Role.ENTERPRISE, T1));
    }

    @Test
    void rejectsMissingRoleAndInvalidNames() {
        assertRefusedUnchanged(IdentityRefusal.MISSING_ROLE,
                () -> service.submitRegistration(csr(p256()), "No Role Inc", null, T1));
        assertRefusedUnchanged(IdentityRefusal.INVALID_LEGAL_NAME,
                () -> service.submitRegistration(csr(p256()), "   ", Role.ENTERPRISE, T1));
        assertRefusedUnchanged(IdentityRefusal.INVALID_LEGAL_NAME,
                () -> service.submitRegistration(csr(p256()), "Bell\u0007Corp", Role.ENTERPRISE, T1));
        assertRefusedUnchanged(IdentityRefusal.INVALID_LEGAL_NAME,
                () -> service.submitRegistration(csr(p256()), "x".repeat(201), Role.ENTERPRISE, T1));
    }

    @Test
    void enterpriseMayNotApprove() throws Exception {
        ParticipantRegisteredRecord enterprise = register(service, p256(), "Acme Steel Ltd", Role.ENTERPRISE,
                bootstrapId(service), T1);
        RegistrationSubmittedRecord pending = service.submitRegistration(csr(p256()), "Other Ltd", Role.ENTERPRISE, T1);
        service.apply(pending);
        assertRefusedUnchanged(IdentityRefusal.APPROVER_NOT_AUTHORISED,
                () -> service.approveRegistration(pending.participantId(), enterprise.participantId(), T1));
        assertRefusedUnchanged(IdentityRefusal.APPROVER_NOT_AUTHORISED,
                () -> service.rejectRegistration(pending.participantId(), enterprise.participantId(), "no", T1));
        assertRefusedUnchanged(IdentityRefusal.APPROVER_NOT_AUTHORISED,
                () -> service.approveRegistration(pending.participantId(), "p-unknown", T1));
        assertRefusedUnchanged(IdentityRefusal.APPROVER_NOT_AUTHORISED,
                () -> service.approveRegistration(pending.participantId(), null, T1));
    }

    @Test
    void revokedRegulatorMayNotApprove() throws Exception {
        ParticipantRegisteredRecord regulator = register(service, p256(), "Old Regulator", Role.REGULATOR,
                bootstrapId(service), T1);
        service.apply(service.revoke(regulator.participantId(), RevocationReason.CESSATION_OF_OPERATION,
                bootstrapId(service), T1.plusSeconds(10)));
        RegistrationSubmittedRecord pending = service.submitRegistration(csr(p256()), "Late Ltd", Role.ENTERPRISE, T1);
        service.apply(pending);
        assertRefusedUnchanged(IdentityRefusal.APPROVER_NOT_AUTHORISED,
                () -> service.approveRegistration(pending.participantId(), regulator.participantId(),
                        T1.plusSeconds(20)));
    }

    @Test
    void regulatorOutsideItsValidityMayNotApprove() throws Exception {
        RegistrationSubmittedRecord pending = service.submitRegistration(csr(p256()), "Late Ltd", Role.ENTERPRISE, T1);
        service.apply(pending);
        Instant afterBootstrapExpiry = service.bootstrapRegistration().notAfter().plus(Duration.ofDays(1));
        assertRefusedUnchanged(IdentityRefusal.APPROVER_NOT_AUTHORISED,
                () -> service.approveRegistration(pending.participantId(), bootstrapId(service), afterBootstrapExpiry));
    }

    @Test
    void rejectsUnknownRegistration() {
        assertRefusedUnchanged(IdentityRefusal.UNKNOWN_REGISTRATION,
                () -> service.approveRegistration("p-00000000000000000000", bootstrapId(service), T1));
        assertRefusedUnchanged(IdentityRefusal.UNKNOWN_REGISTRATION,
                () -> service.rejectRegistration("p-00000000000000000000", bootstrapId(service), "none", T1));
    }

    @Test
    void approvedRegistrationCannotBeApprovedTwice() throws Exception {
        ParticipantRegisteredRecord p = register(service, p256(), "Once Only Ltd", Role.ENTERPRISE,
                bootstrapId(service), T1);
        assertRefusedUnchanged(IdentityRefusal.UNKNOWN_REGISTRATION,
                () -> service.approveRegistration(p.participantId(), bootstrapId(service), T1));
    }

    @Test
    void rejectionFreesNameAndKey() throws Exception {
        KeyPair kp = p256();
        RegistrationSubmittedRecord pending = service.submitRegistration(csr(kp), "Typo Ltdd", Role.ENTERPRISE, T1);
        service.apply(pending);
        service.apply(service.rejectRegistration(pending.participantId(), bootstrapId(service), "misspelt", T1));
        assertThat(service.registry().pending(pending.participantId())).isEmpty();
        RegistrationSubmittedRecord again = service.submitRegistration(csr(kp), "Typo Ltdd", Role.ENTERPRISE, T1);
        assertThat(again.participantId()).isEqualTo(pending.participantId());
    }

    @Test
    void certificateValidityIsConfiguredPeriodFromApproval() throws Exception {
        ParticipantRegisteredRecord p = register(service, p256(), "Validity Ltd", Role.ENTERPRISE,
                bootstrapId(service), T1.plusMillis(750));
        assertThat(p.notBefore()).isEqualTo(T1);
        assertThat(p.notAfter()).isEqualTo(T1.plus(PkiFixtures.CONFIG.participantValidity()));
    }

    @Test
    void revocationRefusals() throws Exception {
        ParticipantRegisteredRecord p = register(service, p256(), "Revoke Me Ltd", Role.ENTERPRISE,
                bootstrapId(service), T1);
        assertRefusedUnchanged(IdentityRefusal.APPROVER_NOT_AUTHORISED,
                () -> service.revoke(p.participantId(), RevocationReason.KEY_COMPROMISE, p.participantId(), T2));
        assertRefusedUnchanged(IdentityRefusal.UNKNOWN_PARTICIPANT,
                () -> service.revoke("p-nobody", RevocationReason.KEY_COMPROMISE, bootstrapId(service), T2));
        service.apply(service.revoke(p.participantId(), RevocationReason.KEY_COMPROMISE, bootstrapId(service), T2));
        assertRefusedUnchanged(IdentityRefusal.ALREADY_REVOKED,
                () -> service.revoke(p.participantId(), RevocationReason.SUPERSEDED, bootstrapId(service), T2));
    }

    private void assertRefusedUnchanged(IdentityRefusal reason, ThrowingCallable call) {
        String before = service.registry().stateHash();
        assertThatThrownBy(call).isInstanceOfSatisfying(IdentityRefusedException.class,
                e -> assertThat(e.reason()).isEqualTo(reason));
        assertThat(service.registry().stateHash()).isEqualTo(before);
    }
}
