package io.carbonx.registry.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.carbonx.events.Role;
import io.carbonx.registry.api.auth.SecureRouter;
import io.carbonx.testkit.KafkaBroker;
import io.carbonx.testkit.KafkaBrokerExtension;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deny by default, endpoint by endpoint: every mounted route either is one of the four open ones or answers 401
 * without a token; and for each caller — the regulator, enterprise A (the participant the route names), another
 * enterprise B, a verifier, a court, an arbitrator and an exchange — exactly the expected ones get past
 * authorisation; everyone else gets 403 with ROLE_NOT_PERMITTED or NOT_OWN_DATA. The matrix must cover every
 * mounted route, so a route added without a decision here fails the test.
 */
@ExtendWith(KafkaBrokerExtension.class)
class RegistryAuthorizationIT {
    private static final Set<String> OPEN = Set.of("POST /api/v1/auth/challenge", "POST /api/v1/auth/token",
            "POST /api/v1/registrations", "GET /api/v1/ca");
    private static final String ALL = "REG A B V C R X";
    /** Route → callers allowed past authorisation. */
    private static final Map<String, String> MATRIX = new LinkedHashMap<>();

    static {
        MATRIX.put("GET /api/v1/registrations", "REG");
        MATRIX.put("POST /api/v1/registrations/:participantId/approve", "REG");
        MATRIX.put("POST /api/v1/registrations/:participantId/reject", "REG");
        MATRIX.put("POST /api/v1/participants/:participantId/revoke", "REG");
        MATRIX.put("GET /api/v1/participants", ALL);
        MATRIX.put("GET /api/v1/participants/:participantId", ALL);
        MATRIX.put("POST /api/v1/instruments", "REG");
        MATRIX.put("POST /api/v1/allocations", "REG");
        MATRIX.put("POST /api/v1/offsets", "REG");
        MATRIX.put("POST /api/v1/accounts/:participantId/deposits", "A X");
        MATRIX.put("POST /api/v1/accounts/:participantId/withdrawals", "A");
        MATRIX.put("POST /api/v1/emissions", "V");
        MATRIX.put("POST /api/v1/compliance/:year/settlement", "REG");
        MATRIX.put("POST /api/v1/accounts/:participantId/freeze", "REG");
        MATRIX.put("POST /api/v1/accounts/:participantId/unfreeze", "REG");
        MATRIX.put("POST /api/v1/accounts/:participantId/cancel", "REG");
        MATRIX.put("POST /api/v1/surrenders", "A B");
        MATRIX.put("GET /api/v1/instruments", ALL);
        MATRIX.put("GET /api/v1/accounts", "REG C R");
        MATRIX.put("GET /api/v1/accounts/:participantId", "REG A C R");
        MATRIX.put("GET /api/v1/accounts/:participantId/holdings", "REG A C R");
        MATRIX.put("GET /api/v1/settlements", ALL);
        MATRIX.put("GET /api/v1/defaults", ALL);
        MATRIX.put("GET /api/v1/compliance/:year", ALL);
        MATRIX.put("GET /api/v1/registry/state", "REG");
    }

    private static RegistryHarness h;
    private static Map<String, Cast.Member> callers;
    private static Cast cast;

    @BeforeAll
    static void start(KafkaBroker broker, @TempDir Path dir) {
        h = new RegistryHarness(broker, dir, "authz" + UUID.randomUUID() + ".", new JsonObject());
        cast = new Cast(h);
        callers = new LinkedHashMap<>();
        callers.put("A", cast.register("Authz A", Role.ENTERPRISE));
        callers.put("B", cast.register("Authz B", Role.ENTERPRISE));
        callers.put("V", cast.register("Authz Verifier", Role.VERIFIER));
        callers.put("C", cast.register("Authz Court", Role.COURT));
        callers.put("R", cast.register("Authz Arbitrator", Role.ARBITRATOR));
        callers.put("X", cast.register("Authz Exchange", Role.EXCHANGE));
    }

    @AfterAll
    static void stop() {
        h.close();
    }

    @Test
    void theMatrixCoversEveryMountedRouteAndEveryRouteButTheOpenOnesNeedsAToken() {
        List<SecureRouter.Mounted> routes = h.service.routes();
        for (SecureRouter.Mounted r : routes) {
            String key = r.method() + " " + r.path();
            assertThat(MATRIX.containsKey(key) || OPEN.contains(key)).as("no authorisation decision for %s", key)
                    .isTrue();
            assertThat(r.access().authenticated()).as(key).isEqualTo(!OPEN.contains(key));
            if (r.access().authenticated()) {
                ApiClient.Response resp = call(r.method(), r.path(), null);
                assertThat(resp.status()).as(key).isEqualTo(401);
                assertThat(resp.reason()).as(key).isEqualTo("TOKEN_MISSING");
                assertThat(resp.contentType()).startsWith("application/problem+json");
                assertThat(resp.wwwAuthenticate()).startsWith("Bearer");
            }
        }
        assertThat(routes).hasSize(MATRIX.size() + OPEN.size());
    }

    @Test
    void everyRoleReachesExactlyTheEndpointsItIsAllowedAndIsDeniedTheOthersWithA403Problem() {
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("REG", cast.regulator);
        callers.forEach((k, m) -> tokens.put(k, m.token()));
        for (Map.Entry<String, String> route : MATRIX.entrySet()) {
            String[] mp = route.getKey().split(" ");
            Set<String> allowed = Set.of(route.getValue().split(" "));
            for (Map.Entry<String, String> caller : tokens.entrySet()) {
                ApiClient.Response r = call(HttpMethod.valueOf(mp[0]), mp[1], caller.getValue());
                String where = caller.getKey() + " " + route.getKey() + " -> " + r.status() + " " + r.body().encode();
                if (allowed.contains(caller.getKey())) {
                    assertThat(r.status()).as(where).isNotIn(401, 403);
                } else {
                    assertThat(r.status()).as(where).isEqualTo(403);
                    assertThat(r.reason()).as(where).isIn("ROLE_NOT_PERMITTED", "NOT_OWN_DATA");
                    assertThat(r.contentType()).as(where).startsWith("application/problem+json");
                }
            }
        }
    }

    @Test
    void anEnterpriseCannotReadAnotherEnterprisesAccountOrHoldings() {
        Cast.Member a = callers.get("A");
        Cast.Member b = callers.get("B");
        for (String path : List.of("/api/v1/accounts/" + b.id(), "/api/v1/accounts/" + b.id() + "/holdings")) {
            ApiClient.Response r = h.api.get(path, a.token());
            assertThat(r.status()).isEqualTo(403);
            assertThat(r.reason()).isEqualTo("NOT_OWN_DATA");
            assertThat(r.body().containsKey("cashMinor")).isFalse();
        }
        assertThat(h.api.get("/api/v1/accounts/" + a.id(), a.token()).status()).isEqualTo(200);
        ApiClient.Response deposit = h.api.post("/api/v1/accounts/" + b.id() + "/deposits", new JsonObject()
                .put("transferId", "steal").put("amountMinor", 1), a.token());
        assertThat(deposit.reason()).isEqualTo("NOT_OWN_DATA");
        JsonObject compliance = h.api.get("/api/v1/compliance/2026", a.token()).body();
        assertThat(compliance.getJsonArray("items").stream().map(o -> ((JsonObject) o).getString("participantId")))
                .allMatch(id -> id.equals(a.id()));
    }

    /** Harmless requests: empty bodies, a participant that does not exist where the route is not self-scoped. */
    private static ApiClient.Response call(HttpMethod method, String path, String token) {
        boolean selfScoped = path.startsWith("/api/v1/accounts/:participantId");
        String concrete = path.replace(":participantId", selfScoped ? callers.get("A").id() : "p-nobody")
                .replace(":year", method == HttpMethod.POST ? "1" : "2026");
        return method == HttpMethod.GET ? h.api.get(concrete, token) : h.api.post(concrete, new JsonObject(), token);
    }
}
