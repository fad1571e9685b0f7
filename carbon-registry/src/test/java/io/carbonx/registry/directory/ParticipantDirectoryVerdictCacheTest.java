package io.carbonx.registry.directory;

import static io.carbonx.registry.directory.IdentityEvents.csr;
import static io.carbonx.registry.directory.IdentityEvents.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.carbonx.events.Role;
import io.carbonx.registry.identity.CertificateRevokedRecord;
import io.carbonx.registry.identity.IdentityConfig;
import io.carbonx.registry.identity.IdentityService;
import io.carbonx.registry.identity.ParticipantRegisteredRecord;
import io.carbonx.registry.identity.RegistrationSubmittedRecord;
import io.carbonx.registry.identity.RevocationReason;
import io.carbonx.registry.identity.ValidationStatus;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The directory keeps VALID verdicts but always answers what a fresh validation would: a revocation, a CRL
 * installed behind its back, the end of a certificate's validity and another role set all bypass a kept verdict.
 */
class ParticipantDirectoryVerdictCacheTest {
    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    private static final Instant NOW = T0.plusSeconds(3_600);

    @TempDir
    Path dir;
    private IdentityService ca;
    private String regulator;
    private ParticipantDirectory directory;

    @BeforeEach
    void registry() throws Exception {
        ca = IdentityService.open(dir, "verdict cache test".toCharArray(),
                IdentityConfig.defaults().withPbkdf2Iterations(1000), T0);
        regulator = ca.bootstrapRegistration().participantId();
        directory = ParticipantDirectory.trusting(ca.rootCertificate(), List.of(ca.issuingCertificate()));
        directory.apply(event(ca.bootstrapRegistration()));
    }

    @Test
    void repeatedChecksOfTheSameCertificateRunThePathValidationOnce() throws Exception {
        String id = register("Repeat Co");

        for (int i = 0; i < 50; i++) {
            assertThat(directory.validate(id, EnumSet.of(Role.ENTERPRISE), NOW.plusMillis(i)).status())
                    .isEqualTo(ValidationStatus.VALID);
        }

        assertThat(directory.fullValidations()).isEqualTo(1);
    }

    @Test
    void aRevocationAppliedAfterAKeptVerdictIsSeenByTheVeryNextCheck() throws Exception {
        String id = register("Revoked Co");
        assertThat(directory.validate(id, EnumSet.of(Role.ENTERPRISE), NOW).isValid()).isTrue();

        CertificateRevokedRecord revoked = ca.revoke(id, RevocationReason.KEY_COMPROMISE, regulator, NOW);
        ca.apply(revoked);
        directory.apply(event(revoked));

        assertThat(directory.validate(id, EnumSet.of(Role.ENTERPRISE), NOW.plusSeconds(1)).status())
                .isEqualTo(ValidationStatus.REVOKED);
    }

    @Test
    void aCrlInstalledDirectlyInTheValidatorIsSeenByTheVeryNextCheck() throws Exception {
        String id = register("Crl Co");
        assertThat(directory.validate(id, EnumSet.of(Role.ENTERPRISE), NOW).isValid()).isTrue();

        CertificateRevokedRecord revoked = ca.revoke(id, RevocationReason.KEY_COMPROMISE, regulator, NOW);
        assertThat(directory.validator().updateCrl(revoked.crlDer())).isTrue();

        assertThat(directory.validate(id, EnumSet.of(Role.ENTERPRISE), NOW.plusSeconds(1)).status())
                .isEqualTo(ValidationStatus.REVOKED);
    }

    @Test
    void aKeptVerdictIsNotUsedOutsideTheCertificatesValidity() throws Exception {
        String id = register("Expiring Co");
        assertThat(directory.validate(id, EnumSet.of(Role.ENTERPRISE), NOW).isValid()).isTrue();
        Participant p = directory.participant(id).orElseThrow();

        assertThat(directory.validate(id, EnumSet.of(Role.ENTERPRISE), Instant.ofEpochMilli(p.validToMs() + 1))
                .status()).isEqualTo(ValidationStatus.EXPIRED);
        assertThat(directory.validate(id, EnumSet.of(Role.ENTERPRISE), Instant.ofEpochMilli(p.validFromMs() - 1))
                .status()).isEqualTo(ValidationStatus.NOT_YET_VALID);
    }

    @Test
    void aVerdictKeptForOneRoleSetDoesNotAnswerAnother() throws Exception {
        String id = register("Role Co");
        assertThat(directory.validate(id, EnumSet.of(Role.ENTERPRISE), NOW).isValid()).isTrue();

        assertThat(directory.validate(id, EnumSet.of(Role.REGULATOR), NOW).status())
                .isEqualTo(ValidationStatus.WRONG_ROLE);
        assertThat(directory.validate(id, EnumSet.of(Role.ENTERPRISE), NOW).isValid()).isTrue();
    }

    private String register(String name) throws Exception {
        RegistrationSubmittedRecord submitted = ca.submitRegistration(csr(), name, Role.ENTERPRISE, T0);
        ca.apply(submitted);
        ParticipantRegisteredRecord registered = ca.approveRegistration(submitted.participantId(), regulator, T0);
        ca.apply(registered);
        directory.apply(event(registered));
        return registered.participantId();
    }
}
