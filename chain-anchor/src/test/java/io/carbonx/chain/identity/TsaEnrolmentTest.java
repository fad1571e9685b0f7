package io.carbonx.chain.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.carbonx.chain.testing.ChainTestSupport;
import io.carbonx.chain.timestamp.IssuedTimestamp;
import io.carbonx.chain.timestamp.LocalTimestampClient;
import io.carbonx.chain.timestamp.TimestampAuthority;
import io.carbonx.chain.timestamp.TimestampCheck;
import io.carbonx.chain.timestamp.TimestampVerifier;
import io.carbonx.registry.identity.IdentityConfig;
import io.carbonx.registry.identity.pki.KeyKind;
import io.carbonx.registry.identity.pki.ParticipantIdentity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The consortium TSA's identity, issued by the registry CA for the court validator at first start, then reused. */
class TsaEnrolmentTest {

    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    private static final char[] PASS = ChainTestSupport.PASSPHRASE.toCharArray();

    @TempDir
    Path dir;

    @Test
    void theCourtValidatorsTsaGetsATimeStampingCertificateOnceAndItsTokensVerifyAgainstTheRoot() throws Exception {
        ValidatorEnrolment.Settings s = new ValidatorEnrolment.Settings(new ValidatorFiles(dir.resolve("validators")),
                ValidatorRoster.DEFAULT_ROLES, "c1", dir.resolve("ca"), PASS,
                IdentityConfig.defaults().withPbkdf2Iterations(1000), PASS, 1000, KeyKind.ED25519);
        ValidatorEnrolment.ensureEnrolled(s, Set.of(0, 1, 2, 3), NOW);
        ValidatorRoster roster = ValidatorEnrolment.roster(s.files(), ValidatorRoster.DEFAULT_ROLES, s.caDir(), NOW);

        TimestampAuthority tsa = TsaEnrolment.ensure(s, roster, 2, NOW, new SecureRandom());

        assertThat(tsa.name()).isEqualTo(roster.member(2).participantId());
        assertThat(ParticipantIdentity.of(tsa.certificate()).participantId()).isEqualTo(roster.member(2).participantId());
        assertThat(roster.certificateValidator().validateTimestampAuthority(tsa.certificate(), NOW.plusSeconds(5))
                .isValid()).isTrue();
        byte[] hash = new byte[32];
        Instant genTime = NOW.plus(Duration.ofMinutes(1));
        IssuedTimestamp stamp = new LocalTimestampClient(tsa, Clock.fixed(genTime, ZoneOffset.UTC), new SecureRandom())
                .timestamp(hash).toCompletableFuture().join();
        TimestampCheck check = new TimestampVerifier(roster.certificateValidator())
                .verifyResponse(stamp.responseDer(), hash, tsa.certificate());
        assertThat(check.isValid()).as(check.detail()).isTrue();

        byte[] pem = Files.readAllBytes(dir.resolve("validators").resolve(TsaEnrolment.DIR).resolve(TsaEnrolment.CERT));
        TimestampAuthority again = TsaEnrolment.ensure(s, roster, 2, NOW.plusSeconds(60), new SecureRandom());
        assertThat(again.certificate()).isEqualTo(tsa.certificate());
        assertThat(Files.readAllBytes(dir.resolve("validators").resolve(TsaEnrolment.DIR).resolve(TsaEnrolment.CERT)))
                .isEqualTo(pem);
    }

    @Test
    void anExchangeValidatorMayNotOperateTheTsa_andNoFileIsWritten() throws Exception {
        ValidatorEnrolment.Settings s = new ValidatorEnrolment.Settings(new ValidatorFiles(dir.resolve("validators")),
                ValidatorRoster.DEFAULT_ROLES, "c1", dir.resolve("ca"), PASS,
                IdentityConfig.defaults().withPbkdf2Iterations(1000), PASS, 1000, KeyKind.ED25519);
        ValidatorEnrolment.ensureEnrolled(s, Set.of(0, 1, 2, 3), NOW);
        ValidatorRoster roster = ValidatorEnrolment.roster(s.files(), ValidatorRoster.DEFAULT_ROLES, s.caDir(), NOW);

        assertThatThrownBy(() -> TsaEnrolment.ensure(s, roster, 0, NOW, new SecureRandom()))
                .isInstanceOf(RosterException.class).hasMessageContaining("TIMESTAMPING_NOT_PERMITTED");
        assertThat(dir.resolve("validators").resolve(TsaEnrolment.DIR).resolve(TsaEnrolment.CERT)).doesNotExist();
    }
}
