package io.carbonx.node.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.carbonx.node.console.EvidenceVerificationRoute;
import io.carbonx.node.runtime.CarbonxNode;
import io.carbonx.node.testing.NodeFixture;
import io.carbonx.rating.service.RatingService;
import io.carbonx.registry.identity.ParticipantSigner;
import io.carbonx.registry.identity.pki.CaStore;
import io.carbonx.registry.identity.pki.EncryptedKeys;
import io.carbonx.registry.identity.pki.ParticipantIdentity;
import io.carbonx.registry.service.RegistryService;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * The registry on a real node: it starts on the seam (CA passphrase from the environment), reports its replay
 * check on /health, mounts its routes on the node's router, and every /api/v1 operation of the OpenAPI document
 * is served (protected ones answer 401 without a token); the operator logs in with the bootstrap identity the CA
 * created in the service's data directory. The credit-rating service runs beside it and mounts its routes behind
 * the registry's API security, so the document's ratings section is checked the same way.
 */
class NodeRegistryIT {
    private static final String PASSPHRASE = "node registry it passphrase";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(java.time.Duration.ofSeconds(10)).build();

    @TempDir
    static Path workDir;

    private static CarbonxNode node;
    private static RegistryService registry;
    private static RatingService rating;

    @BeforeAll
    static void start() {
        Map<String, String> env = Map.of("CARBONX_SERVICES_REGISTRY_CA_PASSPHRASE", PASSPHRASE,
                "CARBONX_SERVICES_REGISTRY_PBKDF2_ITERATIONS", "1000");
        registry = new RegistryService();
        rating = new RatingService();
        node = CarbonxNode.start(NodeFixture.config(workDir, env, List.of(registry, rating)),
                List.of(registry, rating));
        NodeFixture.awaitReady(node.httpPort(), Duration.ofSeconds(120)); // every service caught up
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void healthReportsTheRegistryWithItsStateHash() {
        JsonObject registry = new JsonObject(NodeFixture.get(node.httpPort(), "/health").body())
                .getJsonObject("components").getJsonObject("registry");

        assertThat(registry.getString("status")).isEqualTo("UP");
        assertThat(registry.getString("ledgerHash")).hasSize(64);
        assertThat(registry.getString("loop")).isEqualTo("RUNNING");
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyApiOperationOfTheOpenApiDocumentIsServedAndTheProtectedOnesNeedAToken() throws Exception {
        Map<String, Object> doc = new Yaml().load(NodeFixture.get(node.httpPort(), "/openapi.yaml").body());
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) doc.get("paths");
        Set<String> described = new TreeSet<>();
        for (Map.Entry<String, Map<String, Object>> path : paths.entrySet()) {
            if (!path.getKey().startsWith("/api/v1/") || path.getKey().startsWith("/api/v1/evidence/")) {
                continue; // the evidence section is chain-anchor's, checked against its routes by EvidenceApiIT
            }
            for (Map.Entry<String, Object> operation : path.getValue().entrySet()) {
                Map<String, Object> op = (Map<String, Object>) operation.getValue();
                List<?> tags = (List<?>) op.getOrDefault("tags", List.of());
                if (tags.contains("exchange") || tags.contains("market")) {
                    continue; // the exchange does not run here; RoleMatrixIT calls its routes
                }
                boolean open = op.containsKey("security") && ((List<?>) op.get("security")).isEmpty();
                String concrete = path.getKey().replace("{participantId}", "p-nobody").replace("{year}", "2026");
                HttpResponse<String> r = send(operation.getKey().toUpperCase(), concrete, null);
                String where = operation.getKey() + " " + path.getKey() + " -> " + r.statusCode() + " " + r.body();
                assertThat(r.statusCode()).as(where).isNotIn(404, 405);
                if (!open) {
                    assertThat(r.statusCode()).as(where).isEqualTo(401);
                }
                described.add(operation.getKey().toUpperCase() + " " + path.getKey());
            }
        }
        Set<String> mounted = new TreeSet<>();
        registry.routes().forEach(r -> mounted.add(r.method() + " " + r.path().replaceAll(":([A-Za-z]+)", "{$1}")));
        rating.routes().forEach(r -> mounted.add(r.method() + " " + r.path().replaceAll(":([A-Za-z]+)", "{$1}")));
        mounted.add("POST " + EvidenceVerificationRoute.PATH); // the node's own, for the console, wherever the registry runs
        assertThat(described).as("the OpenAPI document describes exactly the routes the registry, rating and node mount")
                .isEqualTo(mounted);
    }

    @Test
    void theOperatorLogsInWithTheBootstrapIdentityAndReadsTheAccounts() throws Exception {
        Path ca = workDir.resolve("data").resolve("services").resolve("registry").resolve("ca");
        X509Certificate cert;
        try (InputStream in = Files.newInputStream(ca.resolve(CaStore.BOOTSTRAP_CERT))) {
            cert = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        PrivateKey key = EncryptedKeys.decrypt(Files.readString(ca.resolve(CaStore.BOOTSTRAP_KEY)),
                PASSPHRASE.toCharArray(), "bootstrap");
        String id = ParticipantIdentity.of(cert).participantId();
        JsonObject challenge = null;
        long deadline = System.nanoTime() + 60_000_000_000L;
        String token = null;
        while (token == null && System.nanoTime() < deadline) {
            challenge = new JsonObject(send("POST", "/api/v1/auth/challenge",
                    new JsonObject().put("participantId", id)).body());
            byte[] sig = ParticipantSigner.forKey(key, cert.getPublicKey())
                    .sign(challenge.getString("signedText").getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> t = send("POST", "/api/v1/auth/token", new JsonObject()
                    .put("challengeId", challenge.getString("challengeId"))
                    .put("signatureBase64", Base64.getEncoder().encodeToString(sig)));
            if (t.statusCode() == 200) {
                token = new JsonObject(t.body()).getString("token");
            } else {
                Thread.sleep(100); // the directory learns the bootstrap identity from the identity topic
            }
        }
        assertThat(token).as("bootstrap login").isNotNull();
        HttpRequest accounts = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.httpPort()
                + "/api/v1/accounts")).header("Authorization", "Bearer " + token).GET().build();
        HttpResponse<String> r = HTTP.send(accounts, HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).contains(id);
    }

    private static HttpResponse<String> send(String method, String path, JsonObject body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.httpPort() + path))
                .header("content-type", "application/json");
        HttpRequest request = method.equals("GET") ? b.GET().build()
                : b.method(method, HttpRequest.BodyPublishers.ofString(body == null ? "{}" : body.encode())).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
