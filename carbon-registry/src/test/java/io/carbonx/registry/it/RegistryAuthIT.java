package io.carbonx.registry.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.carbonx.events.Role;
import io.carbonx.testkit.KafkaBroker;
import io.carbonx.testkit.KafkaBrokerExtension;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The challenge-token authentication and registration with a CSR, through the API: every failure is 401 (or the
 * CSR's 4xx) with its reason code — a bad signature, a reused or expired challenge, an unknown participant, a
 * tampered, foreign or expired token, a revoked or expired certificate; malformed DER or PEM, a CSR signed by
 * another key, a weak key, an unknown role, a duplicate name or key. Time is moved with a test clock.
 */
@ExtendWith(KafkaBrokerExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RegistryAuthIT {

    @Test
    @Order(1)
    void challengeTokenFailuresAreUnauthorisedWithTheirReason(KafkaBroker broker, @TempDir Path dir) {
        TestClock clock = new TestClock();
        try (RegistryHarness h = new RegistryHarness(broker, dir, "auth" + UUID.randomUUID() + ".",
                new JsonObject().put("participantValidityDays", 2).put("tokenTtlMs", 600_000L)
                        .put("challengeTtlMs", 60_000L), clock)) {
            Cast cast = new Cast(h);
            Cast.Member a = cast.register("Auth A", Role.ENTERPRISE);
            Cast.Member b = cast.register("Auth B", Role.ENTERPRISE);
            String me = "/api/v1/accounts/" + a.id();

            JsonObject c = challenge(h, a.id());
            unauthorised(token(h, c, b.signer().sign(bytes(c))), "BAD_SIGNATURE");
            unauthorised(token(h, c, a.signer().sign(bytes(c))), "UNKNOWN_CHALLENGE"); // used up by the failure
            JsonObject c2 = challenge(h, a.id());
            assertThat(token(h, c2, a.signer().sign(bytes(c2))).status()).isEqualTo(200);
            unauthorised(token(h, c2, a.signer().sign(bytes(c2))), "UNKNOWN_CHALLENGE"); // reused
            JsonObject nobody = challenge(h, "p-nobody");
            unauthorised(token(h, nobody, a.signer().sign(bytes(nobody))), "UNKNOWN_PARTICIPANT");
            JsonObject late = challenge(h, a.id());
            clock.advance(Duration.ofSeconds(61));
            unauthorised(token(h, late, a.signer().sign(bytes(late))), "CHALLENGE_EXPIRED");

            String good = a.token();
            assertThat(h.api.get(me, good).status()).isEqualTo(200);
            String[] parts = good.split("\\.");
            String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
                    new JsonObject(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8))
                            .put("role", "REGULATOR").encode().getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
            unauthorised(h.api.get(me, forged), "TOKEN_BAD_SIGNATURE");
            unauthorised(h.api.get(me, good.substring(0, good.length() - 3) + "AAA"), "TOKEN_BAD_SIGNATURE");
            unauthorised(h.api.get(me, "not-a-token"), "TOKEN_MALFORMED");
            unauthorised(h.api.get(me, null), "TOKEN_MISSING");
            assertThat(h.api.get("/api/v1/accounts", forged).status()).isEqualTo(401);

            clock.advance(Duration.ofMinutes(11));
            unauthorised(h.api.get(me, good), "TOKEN_EXPIRED");

            String bToken = h.api.login(b.id(), b.signer());
            String regulator = h.api.login(cast.regulatorId, h.bootstrapSigner());
            assertThat(h.api.post("/api/v1/participants/" + b.id() + "/revoke",
                    new JsonObject().put("reason", "KEY_COMPROMISE"), regulator).status()).isEqualTo(200);
            Cast.await(() -> h.service.components().directory().participant(b.id()).orElseThrow().revoked(),
                    "the directory sees the revocation");
            unauthorised(h.api.get("/api/v1/accounts/" + b.id(), bToken), "CERTIFICATE_REVOKED");
            JsonObject rc = challenge(h, b.id());
            unauthorised(token(h, rc, b.signer().sign(bytes(rc))), "CERTIFICATE_REVOKED");

            clock.advance(Duration.ofDays(3)); // beyond the 2-day certificate validity
            JsonObject ec = challenge(h, a.id());
            unauthorised(token(h, ec, a.signer().sign(bytes(ec))), "CERTIFICATE_INVALID");
        }
    }

    @Test
    @Order(2)
    void registrationRefusesBadCsrsWithTheirReason(KafkaBroker broker, @TempDir Path dir) {
        try (RegistryHarness h = new RegistryHarness(broker, dir, "csr" + UUID.randomUUID() + ".", new JsonObject())) {
            Cast cast = new Cast(h);
            KeyPair kp = TestKeys.p256();
            KeyPair other = TestKeys.p256();
            String b64 = Base64.getEncoder().encodeToString(TestKeys.csr(kp));
            register(h, "Bad Der", "ENTERPRISE", Base64.getEncoder().encodeToString(new byte[] {0x30, 0x03, 1, 2, 3}),
                    400, "MALFORMED_CSR");
            register(h, "Bad Pem", "ENTERPRISE", "-----BEGIN CERTIFICATE REQUEST-----\n!!!\n", 400, "MALFORMED_CSR");
            register(h, "Not Base64", "ENTERPRISE", "%%%", 400, "MALFORMED_CSR");
            register(h, "Wrong Sig", "ENTERPRISE", Base64.getEncoder().encodeToString(
                    TestKeys.csr(kp.getPublic(), other.getPrivate())), 400, "BAD_CSR_SIGNATURE");
            KeyPair weak = TestKeys.rsa(1024);
            register(h, "Weak Key", "ENTERPRISE", Base64.getEncoder().encodeToString(TestKeys.csr(weak)), 400,
                    "WEAK_KEY");
            register(h, "Wrong Role", "KING", b64, 400, "INVALID_FIELD");
            register(h, " ", "ENTERPRISE", b64, 400, "INVALID_FIELD");
            ApiClient.Response ok = h.api.post("/api/v1/registrations", new JsonObject().put("legalName", "Good Co")
                    .put("role", "ENTERPRISE").put("csr", b64), null);
            assertThat(ok.status()).as(ok.body().encode()).isEqualTo(200);
            register(h, "good  co", "ENTERPRISE", Base64.getEncoder().encodeToString(TestKeys.csr(other)), 409,
                    "DUPLICATE_LEGAL_NAME");
            register(h, "Another Co", "ENTERPRISE", b64, 409, "DUPLICATE_KEY");
            String pending = ok.body().getJsonArray("events").getJsonObject(0).getString("participantId");
            Cast.Member a = cast.register("Approver Wannabe", Role.ENTERPRISE);
            ApiClient.Response approveByEnterprise = h.api.post("/api/v1/registrations/" + pending + "/approve", null,
                    a.token());
            assertThat(approveByEnterprise.status()).isEqualTo(403);
            assertThat(approveByEnterprise.reason()).isEqualTo("ROLE_NOT_PERMITTED");
            ApiClient.Response list = h.api.get("/api/v1/registrations", cast.regulator);
            assertThat(list.body().getJsonArray("items").getJsonObject(0).getString("participantId"))
                    .isEqualTo(pending);
            ApiClient.Response reject = h.api.post("/api/v1/registrations/" + pending + "/reject",
                    new JsonObject().put("reason", "unknown company"), cast.regulator);
            assertThat(reject.status()).as(reject.body().encode()).isEqualTo(200);
            assertThat(h.api.post("/api/v1/registrations/" + pending + "/approve", null, cast.regulator).reason())
                    .isEqualTo("UNKNOWN_REGISTRATION");
        }
    }

    private static void register(RegistryHarness h, String name, String role, String csr, int status, String reason) {
        ApiClient.Response r = h.api.post("/api/v1/registrations", new JsonObject().put("legalName", name)
                .put("role", role).put("csr", csr), null);
        assertThat(r.status()).as(name + " " + r.body().encode()).isEqualTo(status);
        assertThat(r.reason()).as(name).isEqualTo(reason);
        assertThat(r.contentType()).startsWith("application/problem+json");
    }

    private static JsonObject challenge(RegistryHarness h, String participantId) {
        ApiClient.Response r = h.api.post("/api/v1/auth/challenge", new JsonObject().put("participantId",
                participantId), null);
        assertThat(r.status()).isEqualTo(200);
        return r.body();
    }

    private static byte[] bytes(JsonObject challenge) {
        return challenge.getString("signedText").getBytes(StandardCharsets.UTF_8);
    }

    private static ApiClient.Response token(RegistryHarness h, JsonObject challenge, byte[] signature) {
        return h.api.post("/api/v1/auth/token", new JsonObject().put("challengeId", challenge.getString("challengeId"))
                .put("signatureBase64", Base64.getEncoder().encodeToString(signature)), null);
    }

    private static void unauthorised(ApiClient.Response r, String reason) {
        assertThat(r.status()).as(r.body().encode()).isEqualTo(401);
        assertThat(r.reason()).isEqualTo(reason);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.wwwAuthenticate()).contains("Bearer");
    }
}
