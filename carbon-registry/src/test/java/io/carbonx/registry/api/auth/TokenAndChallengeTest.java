package io.carbonx.registry.api.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.carbonx.events.Role;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class TokenAndChallengeTest {
    private static final long NOW = 1_800_000_000_000L;
    private final SecureRandom random = new SecureRandom();
    private final TokenService tokens = TokenService.withRandomKey(60_000, random);

    @Test
    void anIssuedTokenVerifiesUntilItExpires() throws AuthException {
        TokenService.Issued t = tokens.issue("p-1", Role.ENTERPRISE, "abc", NOW);

        TokenService.Claims c = tokens.verify(t.token(), NOW + 59_999);
        assertThat(c).isEqualTo(new TokenService.Claims("p-1", Role.ENTERPRISE, "abc", NOW + 60_000));
        assertThatThrownBy(() -> tokens.verify(t.token(), NOW + 60_000)).isInstanceOf(AuthException.class)
                .extracting(e -> ((AuthException) e).failure()).isEqualTo(AuthFailure.TOKEN_EXPIRED);
    }

    @Test
    void aTamperedPayloadOrMacOrAnotherNodesKeyIsABadSignature() {
        String t = tokens.issue("p-1", Role.ENTERPRISE, "abc", NOW).token();
        String[] parts = t.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("ENTERPRISE", "REGULATOR");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        String flipped = t.substring(0, t.length() - 2) + (t.endsWith("A") ? "BB" : "AA");
        String foreign = TokenService.withRandomKey(60_000, random).issue("p-1", Role.ENTERPRISE, "abc", NOW).token();

        for (String bad : new String[] {forged, flipped, foreign}) {
            assertThatThrownBy(() -> tokens.verify(bad, NOW)).extracting(e -> ((AuthException) e).failure())
                    .isEqualTo(AuthFailure.TOKEN_BAD_SIGNATURE);
        }
    }

    @Test
    void garbageIsAMalformedToken() {
        for (String bad : new String[] {null, "", "cx1.", "cx1.abc", "cx2.a.b", "cx1.!!.??", "x".repeat(5000)}) {
            assertThatThrownBy(() -> tokens.verify(bad, NOW)).as(String.valueOf(bad))
                    .extracting(e -> ((AuthException) e).failure()).isEqualTo(AuthFailure.TOKEN_MALFORMED);
        }
    }

    @Test
    void aKeyShorterThan32BytesIsRefused() {
        assertThatThrownBy(() -> new TokenService(new byte[31], 1, random)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aChallengeIsUsableOnceAndOnlyBeforeItExpires() throws AuthException {
        ChallengeStore store = new ChallengeStore(1_000, 2, random);
        ChallengeStore.Challenge c = store.issue("p-1", NOW);

        assertThat(c.signedText("chain-x")).isEqualTo("carbonx-auth-v1\nchain-x\np-1\n" + c.nonce());
        assertThat(store.take(c.challengeId(), NOW + 999)).isEqualTo(c);
        assertThatThrownBy(() -> store.take(c.challengeId(), NOW)).extracting(e -> ((AuthException) e).failure())
                .isEqualTo(AuthFailure.UNKNOWN_CHALLENGE);
        ChallengeStore.Challenge late = store.issue("p-1", NOW);
        assertThatThrownBy(() -> store.take(late.challengeId(), NOW + 1_000))
                .extracting(e -> ((AuthException) e).failure()).isEqualTo(AuthFailure.CHALLENGE_EXPIRED);
        assertThat(store.size()).isZero();
    }

    @Test
    void aFullStoreDropsExpiredChallengesAndOtherwiseRefuses() throws AuthException {
        ChallengeStore store = new ChallengeStore(1_000, 2, random);
        store.issue("a", NOW);
        store.issue("b", NOW);
        assertThatThrownBy(() -> store.issue("c", NOW + 10)).extracting(e -> ((AuthException) e).failure())
                .isEqualTo(AuthFailure.TOO_MANY_CHALLENGES);
        assertThat(store.issue("c", NOW + 1_000).participantId()).isEqualTo("c");
    }

    @Test
    void accessRulesDenyByDefault() {
        Principal a = new Principal("A", Role.ENTERPRISE);
        Principal reg = new Principal("R", Role.REGULATOR);
        Principal v = new Principal("V", Role.VERIFIER);
        Access deposits = Access.selfOr("participantId", EnumSet.of(Role.ENTERPRISE), Role.EXCHANGE);

        assertThat(deposits.check(a, "A")).isNull();
        assertThat(deposits.check(a, "B")).isEqualTo(AuthFailure.NOT_OWN_DATA);
        assertThat(deposits.check(reg, "A")).isEqualTo(AuthFailure.ROLE_NOT_PERMITTED);
        assertThat(deposits.check(new Principal("X", Role.EXCHANGE), "A")).isNull();
        assertThat(deposits.check(new Principal("V", Role.VERIFIER), "V")).isEqualTo(AuthFailure.ROLE_NOT_PERMITTED);
        assertThat(Access.roles(Role.REGULATOR).check(reg, null)).isNull();
        assertThat(Access.roles(Role.REGULATOR).check(v, null)).isEqualTo(AuthFailure.ROLE_NOT_PERMITTED);
        assertThat(Access.open().check(v, null)).isNull();
        assertThat(Access.anyParticipant().check(v, null)).isNull();
    }
}
