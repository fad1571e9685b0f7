package io.carbonx.rating.it;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import javax.security.auth.x500.X500Principal;

import io.carbonx.eventlog.runtime.KafkaClientTracker;
import io.carbonx.eventlog.runtime.ServiceContext;
import io.carbonx.eventlog.runtime.ServiceTopic;
import io.carbonx.events.Role;
import io.carbonx.exchange.service.ExchangeService;
import io.carbonx.exchange.service.ExchangeTopics;
import io.carbonx.rating.service.RatingService;
import io.carbonx.rating.testing.Kafka;
import io.carbonx.registry.identity.ParticipantSigner;
import io.carbonx.registry.identity.pki.CaStore;
import io.carbonx.registry.identity.pki.EncryptedKeys;
import io.carbonx.registry.identity.pki.ParticipantIdentity;
import io.carbonx.registry.service.RegistryConfig;
import io.carbonx.registry.service.RegistryService;
import io.carbonx.registry.service.RegistryTopics;
import io.carbonx.schemas.Topics;
import io.carbonx.testkit.KafkaBroker;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/**
 * The services as a node runs them, on the shared test broker: one Vert.x; the registry (CA, accounts, settlement,
 * API security), the credit-rating service and, optionally, the exchange (gateway and matcher), each started on the
 * node seam with its configuration section; all of them mounting their routes on one router served by one HTTP
 * server. Every topic carries a prefix of its own, so stacks never see each other's records. The registry ticks
 * every 200 ms and settles in one-second windows.
 */
final class Stack implements AutoCloseable {

    static final String PASSPHRASE = "rating it passphrase";
    static final Duration WAIT = Duration.ofSeconds(90);

    /** A registered participant: id, role, signing key, certificate serial, bearer token. */
    record Member(String id, Role role, ParticipantSigner signer, String serial, String token) {
    }

    final Vertx vertx = Vertx.vertx();
    final KafkaBroker broker;
    final String prefix = "rit" + UUID.randomUUID().toString().substring(0, 8) + ".";
    final RegistryTopics registryTopics = new RegistryTopics(prefix);
    final ExchangeTopics exchangeTopics = new ExchangeTopics(prefix);
    final RegistryService registry = new RegistryService();
    final RatingService rating = new RatingService();
    final ExchangeService exchange;
    final Path registryDir;
    final HttpServer server;
    final ApiClient api;
    final String regulatorId;
    final String regulator;

    /**
     * @param withExchange also run the exchange (gateway with signed orders, matcher, market data)
     */
    Stack(KafkaBroker broker, Path dataDir, boolean withExchange) throws Exception {
        this.broker = broker;
        this.exchange = withExchange ? new ExchangeService() : null;
        this.registryDir = Files.createDirectories(dataDir.resolve("registry"));
        createTopics();
        JsonObject registryConfig = RegistryConfig.defaults().put("caPassphrase", PASSPHRASE)
                .put("pbkdf2Iterations", 1000).put("topicPrefix", prefix).put("transactionIntervalMs", 10L)
                .put("clockTickMs", 200L).put("settlementWindowMs", 1_000L);
        await(registry.start(vertx, context(registryConfig, registryDir)));
        String group = "credit-rating-" + prefix;
        JsonObject ratingConfig = rating.defaultConfig().put("inputTopic", registryTopics.journal())
                .put("outputTopic", prefix + Topics.RATINGS).put("deadLetterTopic", prefix + Topics.DEAD_LETTER)
                .put("groupId", group).put("transactionalId", group + "-tx").put("transactionIntervalMs", 20);
        await(rating.start(vertx, context(ratingConfig, Files.createDirectories(dataDir.resolve("rating")))));
        if (exchange != null) {
            JsonObject exchangeConfig = exchange.defaultConfig().put("topicPrefix", prefix).put("clockTickMs", 200L)
                    .put("checkpointEvery", 1).put("groupId", "exchange-" + prefix);
            await(exchange.start(vertx, context(exchangeConfig, Files.createDirectories(dataDir.resolve("exchange")))));
        }
        Router router = Router.router(vertx);
        router.route("/api/*").handler(BodyHandler.create(false).setBodyLimit(1024 * 1024));
        registry.mountRoutes(router);
        rating.mountRoutes(router);
        if (exchange != null) {
            exchange.mountRoutes(router);
        }
        server = await(vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1"));
        api = new ApiClient(server.actualPort());
        regulatorId = ParticipantIdentity.of(bootstrapCertificate()).participantId();
        awaitKnown(regulatorId);
        regulator = api.login(regulatorId, bootstrapSigner());
    }

    private ServiceContext context(JsonObject config, Path dir) {
        return new ServiceContext("rating-it", broker.bootstrapServers(), config, dir, KafkaClientTracker.NONE);
    }

    private void createTopics() {
        List<ServiceTopic> all = new ArrayList<>(registryTopics.serviceTopics());
        all.addAll(exchangeTopics.serviceTopics());
        try (Admin admin = broker.clients().newAdmin()) {
            for (ServiceTopic t : all) {
                try {
                    admin.createTopics(List.of(new NewTopic(t.name(), t.partitions(), (short) 1)
                            .configs(t.configs()))).all().get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("creating topics under " + prefix, e);
        }
    }

    /**
     * Registers a participant the documented way (a CSR to {@code /registrations}, approved by the regulator), waits
     * until the registry's directory knows its certificate, and logs it in.
     */
    Member register(String legalName, Role role) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair kp = g.generateKeyPair();
        byte[] csr = new JcaPKCS10CertificationRequestBuilder(new X500Principal("CN=rating-it"), kp.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(kp.getPrivate())).getEncoded();
        ApiClient.Response r = api.post("/api/v1/registrations", new JsonObject().put("legalName", legalName)
                .put("role", role.name()).put("csr", Base64.getEncoder().encodeToString(csr)), null);
        requireOk(r);
        String id = r.body().getJsonArray("events").getJsonObject(0).getString("participantId");
        requireOk(api.post("/api/v1/registrations/" + id + "/approve", null, regulator));
        awaitKnown(id);
        ParticipantSigner signer = ParticipantSigner.forKey(kp.getPrivate(), kp.getPublic());
        String serial = registry.components().directory().participant(id).orElseThrow().certificateSerial();
        return new Member(id, role, signer, serial, api.login(id, signer));
    }

    void awaitKnown(String participantId) {
        Kafka.await("the directory knows " + participantId, WAIT,
                () -> registry.components().directory().participant(participantId).isPresent());
    }

    static void requireOk(ApiClient.Response r) {
        if (r.status() != 200) {
            throw new AssertionError("expected 200: " + r);
        }
    }

    private ParticipantSigner bootstrapSigner() {
        try {
            PrivateKey key = EncryptedKeys.decrypt(Files.readString(registryDir.resolve("ca")
                    .resolve(CaStore.BOOTSTRAP_KEY)), PASSPHRASE.toCharArray(), "bootstrap");
            return ParticipantSigner.forKey(key, bootstrapCertificate().getPublicKey());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private X509Certificate bootstrapCertificate() {
        try (InputStream in = Files.newInputStream(registryDir.resolve("ca").resolve(CaStore.BOOTSTRAP_CERT))) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        await(server.close());
        if (exchange != null) {
            await(exchange.stop());
        }
        await(rating.stop());
        await(registry.stop());
        await(vertx.close());
    }

    static <T> T await(Future<T> f) {
        try {
            return f.toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
