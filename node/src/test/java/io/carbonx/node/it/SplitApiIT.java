package io.carbonx.node.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.carbonx.eventlog.runtime.CarbonxService;
import io.carbonx.eventlog.runtime.ServiceTopic;
import io.carbonx.events.OrderType;
import io.carbonx.events.Role;
import io.carbonx.events.Side;
import io.carbonx.events.TimeInForce;
import io.carbonx.exchange.service.ExchangeService;
import io.carbonx.exchange.service.ExchangeTopics;
import io.carbonx.node.client.ApiResponse;
import io.carbonx.node.client.ClientException;
import io.carbonx.node.client.NodeClient;
import io.carbonx.node.client.Registration;
import io.carbonx.node.client.Session;
import io.carbonx.node.client.SignedRequests;
import io.carbonx.node.runtime.CarbonxNode;
import io.carbonx.node.runtime.NodeStartException;
import io.carbonx.node.testing.NodeFixture;
import io.carbonx.registry.api.auth.TokenService;
import io.carbonx.registry.identity.ParticipantSigner;
import io.carbonx.registry.identity.pki.CaStore;
import io.carbonx.registry.identity.pki.Certificates;
import io.carbonx.registry.identity.pki.EncryptedKeys;
import io.carbonx.registry.identity.pki.ParticipantIdentity;
import io.carbonx.registry.identity.pki.Pem;
import io.carbonx.registry.service.RegistryService;
import io.carbonx.registry.service.RegistryTopics;
import io.carbonx.requests.OrderRequest;
import io.carbonx.testkit.KafkaBroker;
import io.carbonx.testkit.KafkaBrokerExtension;
import io.vertx.core.json.JsonObject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * API security split over two nodes on one external cluster: a registry node, and a gateway node that runs the
 * exchange's order entry without the registry and without the matcher. The gateway authenticates with a directory
 * of its own (following the identity topic, trusting the CA certificates it is given) and the shared token key: a
 * token issued by either node is accepted by the other; one under another key is refused; the gateway reports its
 * {@code api} component. A node without CA certificates serves no login route; one whose configured CA
 * certificates are missing does not start.
 */
@ExtendWith(KafkaBrokerExtension.class)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class SplitApiIT {

    private static final String KEY = Base64.getEncoder().encodeToString("a shared 32-byte token key, test!".getBytes(
            StandardCharsets.US_ASCII));
    private static final String PASSPHRASE = "split api passphrase";
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    static Path work;
    private static final List<CarbonxNode> NODES = new ArrayList<>();
    private static NodeClient registry;
    private static NodeClient gateway;
    private static String chainId;
    private static String bootstrap;
    private static String enterpriseId;
    private static ParticipantSigner enterprise;

    @BeforeAll
    static void startTwoNodesAndRegisterAnEnterprise(KafkaBroker broker) throws Exception {
        String prefix = "split-" + UUID.randomUUID() + ".";
        bootstrap = broker.bootstrapServers();
        createTopics(broker.bootstrapServers(), prefix);
        Map<String, String> common = new HashMap<>(Map.of("CARBONX_KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers(),
                "CARBONX_SERVICES_REGISTRY_TOPIC_PREFIX", prefix, "CARBONX_SERVICES_EXCHANGE_TOPIC_PREFIX", prefix,
                "CARBONX_SERVICES_REGISTRY_TOKEN_KEY_BASE64", KEY,
                "CARBONX_SERVICES_REGISTRY_PBKDF2_ITERATIONS", "1000",
                "CARBONX_SERVICES_REGISTRY_CA_PASSPHRASE", PASSPHRASE, "CARBONX_SERVICES_EXCHANGE_CLOCK_TICK_MS", "0"));
        registry = new NodeClient("http://127.0.0.1:" + start("registry", common, Map.of(
                "CARBONX_SERVICES_EXCHANGE_ENABLED", "false")).httpPort(), WAIT);
        Path ca = work.resolve("registry").resolve("data").resolve("services").resolve("registry").resolve("ca");
        gateway = new NodeClient("http://127.0.0.1:" + start("gateway", common, Map.of(
                "CARBONX_SERVICES_REGISTRY_ENABLED", "false", "CARBONX_SERVICES_REGISTRY_CA_CERTIFICATES_DIR",
                ca.toString(), "CARBONX_SERVICES_EXCHANGE_MATCHER", "false",
                "CARBONX_SERVICES_EXCHANGE_MARKET_DATA", "false")).httpPort(), WAIT);
        String regulatorId = ParticipantIdentity.of(certificate(ca.resolve(CaStore.BOOTSTRAP_CERT))).participantId();
        ParticipantSigner regulatorSigner = ParticipantSigner.forKey(EncryptedKeys.decrypt(Files.readString(
                ca.resolve(CaStore.BOOTSTRAP_KEY)), PASSPHRASE.toCharArray(), "bootstrap"),
                certificate(ca.resolve(CaStore.BOOTSTRAP_CERT)).getPublicKey());
        Session regulator = await(() -> Session.login(registry, regulatorId, regulatorSigner));
        chainId = regulator.chainId();
        KeyPair keys = Registration.newKeyPair();
        JsonObject registered = registry.post("/api/v1/registrations", new JsonObject().put("legalName", "Split Co")
                .put("role", "ENTERPRISE").put("csr", Base64.getEncoder().encodeToString(Registration.csr(keys,
                        "Split Co"))), null).requireOk("register").json();
        enterpriseId = registered.getJsonArray("events").stream().map(e -> ((JsonObject) e).getString("participantId"))
                .filter(java.util.Objects::nonNull).findFirst().orElseThrow();
        regulator.post("/api/v1/registrations/" + enterpriseId + "/approve", null).requireOk("approve");
        enterprise = ParticipantSigner.forKey(keys.getPrivate(), keys.getPublic());
    }

    private static CarbonxNode start(String name, Map<String, String> common, Map<String, String> own) {
        Map<String, String> env = new HashMap<>(common);
        env.putAll(own);
        env.put("CARBONX_NODE_ID", "split-" + name);
        List<CarbonxService> services = List.of(new RegistryService(), new ExchangeService());
        CarbonxNode node = CarbonxNode.start(NodeFixture.config(work.resolve(name), env, services), services);
        NODES.add(node);
        NodeFixture.awaitReady(node.httpPort(), Duration.ofSeconds(120)); // caught up with the identity topic
        return node;
    }

    @AfterAll
    static void stop() {
        for (int i = NODES.size() - 1; i >= 0; i--) {
            NODES.get(i).close();
        }
    }

    @Test
    void aTokenIssuedByTheRegistryPlacesAnOrderAtTheGateway() {
        Session atRegistry = await(() -> Session.login(registry, enterpriseId, enterprise));
        OrderRequest order = OrderRequest.newBuilder().setChainId(chainId).setParticipantId(enterpriseId)
                .setSequence(1).setClientOrderId("split-1").setInstrumentId("EUA-2026").setSide(Side.BUY)
                .setOrderType(OrderType.LIMIT).setTimeInForce(TimeInForce.GTC).setPriceMinor(8_000L).setQuantity(1)
                .setExpiresAtMs(null).build();
        String serial = atRegistry.get("/api/v1/participants/" + enterpriseId).requireOk("participant").json()
                .getString("certificateSerial");

        ApiResponse placed = awaitResponse(() -> gateway.post("/api/v1/orders", SignedRequests.body(order, enterprise,
                serial), atRegistry.token()));

        assertThat(placed.status()).as(new String(placed.body(), StandardCharsets.UTF_8)).isEqualTo(202);
        assertThat(placed.json().getString("orderId")).isEqualTo(enterpriseId + "-1");
    }

    @Test
    void aTokenIssuedByTheGatewayReadsTheAccountAtTheRegistry() {
        Session atGateway = await(() -> Session.login(gateway, enterpriseId, enterprise));

        assertThat(atGateway.chainId()).isEqualTo(chainId);
        assertThat(registry.get("/api/v1/accounts/" + enterpriseId, atGateway.token()).status()).isEqualTo(200);
    }

    @Test
    void aTokenUnderAnotherKeyIsRefusedAtTheGateway() {
        Session atGateway = await(() -> Session.login(gateway, enterpriseId, enterprise));
        String serial = registry.get("/api/v1/participants/" + enterpriseId, atGateway.token())
                .requireOk("participant").json().getString("certificateSerial");
        byte[] otherKey = new byte[32];
        new SecureRandom().nextBytes(otherKey);
        String foreign = new TokenService(otherKey, 60_000, new SecureRandom()).issue(enterpriseId, Role.ENTERPRISE,
                serial, System.currentTimeMillis()).token();

        ApiResponse r = gateway.post("/api/v1/orders", new JsonObject(), foreign);

        assertThat(r.status()).isEqualTo(401);
        assertThat(r.json().getString("reasonCode")).isEqualTo("TOKEN_BAD_SIGNATURE");
    }

    @Test
    void theGatewayReportsItsOwnApiSecurity_andANodeWithoutCaCertificatesServesNoLogin() {
        JsonObject api = new JsonObject(NodeFixture.get(Integer.parseInt(gateway.baseUrl().replaceAll(".*:", "")),
                "/health").body()).getJsonObject("components").getJsonObject("api");
        assertThat(api.getString("status")).isEqualTo("UP");
        assertThat(api.getInteger("participants")).isGreaterThanOrEqualTo(2);

        CarbonxNode bare = start("bare", Map.of("CARBONX_KAFKA_BOOTSTRAP_SERVERS", bootstrap,
                "CARBONX_SERVICES_EXCHANGE_ENABLED", "false", "CARBONX_SERVICES_REGISTRY_ENABLED", "false"), Map.of());
        NodeClient client = new NodeClient("http://127.0.0.1:" + bare.httpPort(), WAIT);
        assertThat(client.post("/api/v1/auth/challenge", new JsonObject().put("participantId", enterpriseId), null)
                .status()).isEqualTo(404);
        assertThat(new JsonObject(NodeFixture.get(bare.httpPort(), "/health").body()).getJsonObject("components")
                .containsKey("api")).isFalse();
    }

    @Test
    void aNodeWhoseConfiguredCaCertificatesAreMissingDoesNotStart() throws Exception {
        Path empty = Files.createDirectories(work.resolve("no-ca"));

        assertThatThrownBy(() -> start("no-ca", Map.of("CARBONX_KAFKA_BOOTSTRAP_SERVERS", bootstrap,
                "CARBONX_SERVICES_EXCHANGE_ENABLED", "false", "CARBONX_SERVICES_REGISTRY_ENABLED", "false",
                "CARBONX_SERVICES_REGISTRY_CA_CERTIFICATES_DIR", empty.toString(),
                "CARBONX_SERVICES_REGISTRY_TOKEN_KEY_BASE64", KEY), Map.of()))
                .isInstanceOf(NodeStartException.class)
                .hasMessageContaining("services.registry.caCertificatesDir " + empty
                        + " does not hold the consortium CA certificates");
    }

    private static void createTopics(String bootstrap, String prefix) throws Exception {
        List<ServiceTopic> all = new ArrayList<>(new RegistryTopics(prefix).serviceTopics());
        all.addAll(new ExchangeTopics(prefix).serviceTopics());
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(props)) {
            Map<String, NewTopic> topics = new HashMap<>();
            all.forEach(t -> topics.putIfAbsent(t.name(), new NewTopic(t.name(), t.partitions(), (short) 1)
                    .configs(t.configs())));
            admin.createTopics(topics.values()).all().get(60, TimeUnit.SECONDS);
        }
    }

    private static X509Certificate certificate(Path pem) throws Exception {
        return Certificates.fromDer(Pem.decodeSingle(Files.readString(pem), Set.of(Pem.CERTIFICATE)));
    }

    /** A step that may be refused until the identity topic has reached the node. */
    private interface Attempt<T> {
        T get() throws Exception;
    }

    private static <T> T await(Attempt<T> attempt) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            try {
                return attempt.get();
            } catch (ClientException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            sleep();
        }
    }

    private static ApiResponse awaitResponse(Attempt<ApiResponse> attempt) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        ApiResponse r = await(attempt);
        while (r.status() == 503 && System.nanoTime() < deadline) { // the gateway rebuilds its state at start
            sleep();
            r = await(attempt);
        }
        return r;
    }

    private static void sleep() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
