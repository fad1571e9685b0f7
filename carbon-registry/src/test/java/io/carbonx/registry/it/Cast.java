package io.carbonx.registry.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.carbonx.events.Role;
import io.carbonx.registry.identity.ParticipantSigner;
import io.vertx.core.json.JsonObject;
import java.security.KeyPair;
import java.time.Duration;
import java.util.Base64;
import java.util.function.BooleanSupplier;

/** The participants of an API test: the bootstrap regulator and participants registered through the API. */
final class Cast {
    /** A registered participant with its key and a token. */
    record Member(String id, Role role, KeyPair keys, ParticipantSigner signer, String token) {
    }

    final RegistryHarness h;
    final String regulatorId;
    final String regulator;

    Cast(RegistryHarness h) {
        this.h = h;
        this.regulatorId = h.bootstrapId();
        awaitKnown(regulatorId);
        this.regulator = h.api.login(regulatorId, h.bootstrapSigner());
    }

    /** Registers (CSR), approves (as the regulator), waits until the directory knows it, logs in. */
    Member register(String legalName, Role role) {
        KeyPair kp = TestKeys.p256();
        ApiClient.Response r = h.api.post("/api/v1/registrations", new JsonObject().put("legalName", legalName)
                .put("role", role.name()).put("csr", Base64.getEncoder().encodeToString(TestKeys.csr(kp))), null);
        assertThat(r.status()).as(r.body().encode()).isEqualTo(200);
        String id = r.body().getJsonArray("events").getJsonObject(0).getString("participantId");
        ApiClient.Response a = h.api.post("/api/v1/registrations/" + id + "/approve", null, regulator);
        assertThat(a.status()).as(a.body().encode()).isEqualTo(200);
        awaitKnown(id);
        ParticipantSigner signer = ParticipantSigner.forKey(kp.getPrivate(), kp.getPublic());
        return new Member(id, role, kp, signer, h.api.login(id, signer));
    }

    void awaitKnown(String participantId) {
        await(() -> h.service.components().directory().participant(participantId).isPresent(),
                "directory knows " + participantId);
    }

    /** Waits until the read model has folded every entry the live registry committed. */
    void awaitReadModel() {
        await(() -> {
            long live = h.service.components().processor().status().entries();
            return h.service.components().reads().read(v -> v.entries()) == live;
        }, "read model caught up");
    }

    static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
