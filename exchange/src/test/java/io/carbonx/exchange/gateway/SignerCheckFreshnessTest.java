package io.carbonx.exchange.gateway;

import static io.carbonx.exchange.gateway.GatewayHarness.CODEC;
import static io.carbonx.exchange.gateway.GatewayHarness.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.carbonx.events.Role;
import io.carbonx.exchange.core.gateway.GatewayReason;
import io.carbonx.exchange.testing.Pki;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The directory's kept VALID verdicts never outlive a revocation or the certificate's notAfter, as the gateway sees
 * them.
 */
class SignerCheckFreshnessTest {

    static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    static final Instant NOW = T0.plus(Duration.ofDays(2));

    @TempDir
    Path caDir;

    static SignedBody body(Pki.Member who, long sequence) throws Refusal {
        byte[] bytes = CODEC.encode(order(who.participantId(), sequence, "c" + sequence).build());
        return SignedBody.parse(GatewayHarness.body(bytes, who.signer().sign(bytes), who.serial()));
    }

    @Test
    void aRevocationSeenAfterACachedValidVerdict_refusesTheVeryNextRequest() throws Refusal {
        Pki pki = new Pki(caDir, T0);
        Pki.Member dave = pki.register("Dave Paper", Role.ENTERPRISE, T0.plus(Duration.ofDays(1)));
        SignerCheck check = new SignerCheck(pki.directory());
        check.check(dave.participantId(), dave.participantId(), body(dave, 1), NOW);
        check.check(dave.participantId(), dave.participantId(), body(dave, 2), NOW);

        pki.revoke(dave.participantId(), NOW.minus(Duration.ofMinutes(1)));

        assertThatThrownBy(() -> check.check(dave.participantId(), dave.participantId(), body(dave, 3), NOW))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.reason())
                        .isEqualTo(GatewayReason.CERTIFICATE_REVOKED));
    }

    @Test
    void aCachedValidVerdict_isNotUsedAfterTheCertificatesNotAfter() throws Refusal {
        Pki pki = new Pki(caDir, T0);
        Pki.Member erin = pki.register("Erin Lime", Role.ENTERPRISE, T0.plus(Duration.ofDays(1)));
        SignerCheck check = new SignerCheck(pki.directory());
        check.check(erin.participantId(), erin.participantId(), body(erin, 1), NOW);
        Instant after = Instant.ofEpochMilli(pki.directory().participant(erin.participantId()).orElseThrow()
                .validToMs()).plusSeconds(1);

        assertThatThrownBy(() -> check.check(erin.participantId(), erin.participantId(), body(erin, 2), after))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.reason())
                        .isEqualTo(GatewayReason.CERTIFICATE_EXPIRED));
    }
}
