package io.carbonx.chain.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.carbonx.chain.core.pbft.SignatureVerifier;
import io.carbonx.chain.core.pbft.Signer;
import io.carbonx.chain.testing.ChainTestSupport;
import io.carbonx.events.Role;
import io.carbonx.registry.identity.IdentityConfig;
import io.carbonx.registry.identity.pki.KeyKind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Validator identities issued by the registry CA, and the checked roster built from their certificates. */
class ValidatorEnrolmentTest {

    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    private static final char[] PASS = ChainTestSupport.PASSPHRASE.toCharArray();

    @TempDir
    Path dir;

    private ValidatorEnrolment.Settings settings(List<Role> roles, KeyKind kind) {
        return new ValidatorEnrolment.Settings(new ValidatorFiles(dir.resolve("validators")), roles, "c1",
                dir.resolve("ca"), PASS, IdentityConfig.defaults().withPbkdf2Iterations(1000), PASS, 1000, kind);
    }

    @Test
    void firstStartIssuesEveryValidatorACertificateLaterStartsReuseThem() throws Exception {
        ValidatorEnrolment.Settings s = settings(ValidatorRoster.DEFAULT_ROLES, KeyKind.ED25519);

        assertThat(ValidatorEnrolment.ensureEnrolled(s, Set.of(0, 1, 2, 3), NOW)).containsExactly(0, 1, 2, 3);
        byte[] cert = Files.readAllBytes(s.files().certificateFile(1));
        assertThat(ValidatorEnrolment.ensureEnrolled(s, Set.of(0, 1, 2, 3), NOW.plusSeconds(60))).isEmpty();
        assertThat(Files.readAllBytes(s.files().certificateFile(1))).isEqualTo(cert);
        assertThat(Files.readString(s.files().keyFile(1), StandardCharsets.US_ASCII))
                .startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----");

        ValidatorRoster roster = ValidatorEnrolment.roster(s.files(), ValidatorRoster.DEFAULT_ROLES, s.caDir(), NOW);
        assertThat(roster.size()).isEqualTo(4);
        assertThat(roster.validatorSet().quorum()).isEqualTo(3);
        assertThat(roster.members()).extracting(ValidatorRoster.Member::algorithm).containsOnly("Ed25519");
        assertThat(roster.members()).extracting(ValidatorRoster.Member::participantId).doesNotHaveDuplicates()
                .allMatch(p -> p.startsWith("p-"));
    }

    @Test
    void votesSignedWithALoadedKeyVerifyAgainstTheRosterAndNothingElseDoes() throws Exception {
        for (KeyKind kind : List.of(KeyKind.ED25519, KeyKind.EC_P256)) {
            Path sub = dir.resolve(kind.name());
            ValidatorEnrolment.Settings s = new ValidatorEnrolment.Settings(new ValidatorFiles(sub.resolve("v")),
                    ValidatorRoster.DEFAULT_ROLES, "c1", sub.resolve("ca"), PASS,
                    IdentityConfig.defaults().withPbkdf2Iterations(1000), PASS, 1000, kind);
            ValidatorEnrolment.ensureEnrolled(s, Set.of(0, 1, 2, 3), NOW);
            ValidatorRoster roster = ValidatorEnrolment.roster(s.files(), ValidatorRoster.DEFAULT_ROLES, s.caDir(), NOW);
            Signer signer = ValidatorEnrolment.load(s.files(), 2, PASS).signer();
            SignatureVerifier verifier = roster.signatureVerifier();
            byte[] msg = "commit".getBytes(StandardCharsets.UTF_8);
            byte[] sig = signer.sign(msg);

            assertThat(verifier.verify(roster.validatorSet().publicKey(2), msg, sig)).as(kind.name()).isTrue();
            assertThat(verifier.verify(roster.validatorSet().publicKey(1), msg, sig)).as(kind.name()).isFalse();
            assertThat(verifier.verify(roster.validatorSet().publicKey(2), "other".getBytes(StandardCharsets.UTF_8),
                    sig)).isFalse();
            assertThat(verifier.verify(new byte[] {1, 2, 3}, msg, sig)).isFalse();
        }
    }

    @Test
    void certificatesMustCarryTheConfiguredRoles() throws Exception {
        ValidatorEnrolment.Settings s = settings(ValidatorRoster.DEFAULT_ROLES, KeyKind.ED25519);
        ValidatorEnrolment.ensureEnrolled(s, Set.of(0, 1, 2, 3), NOW);
        List<Role> swapped = List.of(Role.REGULATOR, Role.EXCHANGE, Role.COURT, Role.ARBITRATOR);

        assertThatThrownBy(() -> ValidatorEnrolment.roster(s.files(), swapped, s.caDir(), NOW))
                .isInstanceOf(RosterException.class).hasMessageContaining("validator 0").hasMessageContaining("WRONG_ROLE");
    }

    @Test
    void anEnterpriseCannotBeAValidator() throws Exception {
        List<Role> roles = List.of(Role.EXCHANGE, Role.ENTERPRISE, Role.COURT, Role.ARBITRATOR);
        ValidatorEnrolment.Settings s = settings(roles, KeyKind.ED25519);
        ValidatorEnrolment.ensureEnrolled(s, Set.of(0, 1, 2, 3), NOW);

        assertThatThrownBy(() -> ValidatorEnrolment.roster(s.files(), roles, s.caDir(), NOW))
                .isInstanceOf(RosterException.class).hasMessageContaining("role ENTERPRISE may not validate");
    }

    @Test
    void expiredCertificatesAndWrongPassphrasesAreRefusedWithTheReason() throws Exception {
        ValidatorEnrolment.Settings s = settings(ValidatorRoster.DEFAULT_ROLES, KeyKind.ED25519);
        ValidatorEnrolment.ensureEnrolled(s, Set.of(0, 1, 2, 3), NOW);

        assertThatThrownBy(() -> ValidatorEnrolment.roster(s.files(), ValidatorRoster.DEFAULT_ROLES, s.caDir(),
                NOW.plusSeconds(400L * 24 * 3600))).isInstanceOf(RosterException.class).hasMessageContaining("EXPIRED");
        assertThatThrownBy(() -> ValidatorEnrolment.load(s.files(), 0, "wrong-passphrase-xx".toCharArray()))
                .isInstanceOf(RosterException.class).hasMessageContaining("passphrase");
        Files.delete(s.files().certificateFile(3));
        assertThatThrownBy(() -> ValidatorEnrolment.roster(s.files(), ValidatorRoster.DEFAULT_ROLES, s.caDir(), NOW))
                .isInstanceOf(RosterException.class).hasMessageContaining("missing");
    }
}
