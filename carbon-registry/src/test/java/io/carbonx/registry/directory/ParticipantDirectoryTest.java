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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The directory as a fold of the identity events the registry publishes. */
class ParticipantDirectoryTest {
    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

    @Test
    void givenRegistrationAndRevocationEvents_thenTheDirectoryKnowsTheParticipantAndTheCrlRevokesIt(
            @TempDir Path dir) throws Exception {
        IdentityService ca = IdentityService.open(dir, "directory test pass".toCharArray(),
                IdentityConfig.defaults().withPbkdf2Iterations(1000), T0);
        String regulator = ca.bootstrapRegistration().participantId();
        RegistrationSubmittedRecord submitted = ca.submitRegistration(csr(), "Dir Co", Role.ENTERPRISE, T0);
        ca.apply(submitted);
        ParticipantRegisteredRecord registered = ca.approveRegistration(submitted.participantId(), regulator, T0);
        ca.apply(registered);
        ParticipantDirectory directory = ParticipantDirectory.trusting(ca.rootCertificate(),
                List.of(ca.issuingCertificate()));

        assertThat(directory.apply(event(ca.bootstrapRegistration()))).isTrue();
        assertThat(directory.apply(event(registered))).isTrue();
        assertThat(directory.apply(event(registered))).as("a redelivered event changes nothing").isFalse();
        String id = registered.participantId();
        Instant later = T0.plusSeconds(3_600);
        assertThat(directory.validate(id, later).status()).isEqualTo(ValidationStatus.VALID);
        assertThat(directory.validate(id, EnumSet.of(Role.REGULATOR), later).status())
                .isEqualTo(ValidationStatus.WRONG_ROLE);
        assertThat(directory.validate("p-unknown", later).isValid()).isFalse();

        CertificateRevokedRecord revoked = ca.revoke(id, RevocationReason.KEY_COMPROMISE, regulator, later);
        ca.apply(revoked);
        assertThat(directory.apply(event(revoked))).isTrue();

        assertThat(directory.participant(id).orElseThrow().revoked()).isTrue();
        assertThat(directory.validate(id, later.plusSeconds(1)).status()).isEqualTo(ValidationStatus.REVOKED);
        assertThat(directory.validate(regulator, later.plusSeconds(1)).status()).isEqualTo(ValidationStatus.VALID);
        assertThat(directory.participants()).hasSize(2);
    }
}
