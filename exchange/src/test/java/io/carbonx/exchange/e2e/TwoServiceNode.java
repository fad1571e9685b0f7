package io.carbonx.exchange.e2e;

import io.carbonx.eventlog.KafkaClients;
import io.carbonx.eventlog.runtime.KafkaClientTracker;
import io.carbonx.eventlog.runtime.ServiceContext;
import io.carbonx.eventlog.runtime.ServiceTopic;
import io.carbonx.exchange.service.ExchangeService;
import io.carbonx.exchange.service.ExchangeTopics;
import io.carbonx.exchange.testing.ExchangeKafka;
import io.carbonx.registry.identity.ParticipantSigner;
import io.carbonx.registry.identity.pki.CaStore;
import io.carbonx.registry.identity.pki.EncryptedKeys;
import io.carbonx.registry.identity.pki.ParticipantIdentity;
import io.carbonx.registry.service.RegistryConfig;
import io.carbonx.registry.service.RegistryService;
import io.carbonx.registry.service.RegistryTopics;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The registry and the exchange as a node runs them: one Vert.x, both services started on the seam with their
 * configuration sections, both mounting routes on one router behind the registry's API security, one HTTP server;
 * all topics under a prefix of their own on the shared test broker.
 */
final class TwoServiceNode implements AutoCloseable {

    static final String PASSPHRASE = "e2e passphrase";

    final Vertx vertx = Vertx.vertx();
    final RegistryService registry;
    final ExchangeService exchange = new ExchangeService();
    final String prefix;
    final ExchangeTopics topics;
    final Path registryDir;
    final HttpServer server;
    final Api api;

    TwoServiceNode(KafkaClients clients, String bootstrap, Path dataDir, String prefix) throws Exception {
        this(clients, bootstrap, dataDir, prefix, Clock.systemUTC(), new JsonObject(), new JsonObject());
    }

    /**
     * @param registryClock    the registry's clock (command times, settlement ticks, token expiry)
     * @param registryOverrides merged into the registry's test configuration
     * @param exchangeOverrides merged into the exchange's test configuration
     */
    TwoServiceNode(KafkaClients clients, String bootstrap, Path dataDir, String prefix, Clock registryClock,
                   JsonObject registryOverrides, JsonObject exchangeOverrides) throws Exception {
        this.registry = new RegistryService(registryClock);
        this.prefix = prefix;
        this.topics = new ExchangeTopics(prefix);
        this.registryDir = Files.createDirectories(dataDir.resolve("registry"));
        List<ServiceTopic> all = new ArrayList<>(new RegistryTopics(prefix).serviceTopics());
        all.addAll(topics.serviceTopics());
        ExchangeKafka.createTopics(clients, all);
        JsonObject registryConfig = RegistryConfig.defaults().put("caPassphrase", PASSPHRASE)
                .put("pbkdf2Iterations", 1000).put("topicPrefix", prefix).put("transactionIntervalMs", 10L)
                .put("clockTickMs", 200L).put("settlementWindowMs", 1_000L).mergeIn(registryOverrides);
        JsonObject exchangeConfig = new JsonObject().put("topicPrefix", prefix).put("clockTickMs", 200L)
                .put("checkpointEvery", 1).put("groupId", "exchange-" + prefix).mergeIn(exchangeOverrides);
        await(registry.start(vertx, new ServiceContext("e2e", bootstrap, registryConfig, registryDir,
                KafkaClientTracker.NONE)));
        await(exchange.start(vertx, new ServiceContext("e2e", bootstrap, exchange.defaultConfig().mergeIn(
                exchangeConfig), Files.createDirectories(dataDir.resolve("exchange")), KafkaClientTracker.NONE)));
        Router router = Router.router(vertx);
        router.route("/api/*").handler(BodyHandler.create(false));
        registry.mountRoutes(router);
        exchange.mountRoutes(router);
        server = await(vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1"));
        api = new Api(server.actualPort());
        ExchangeKafka.await("the exchange's gateway rebuilt its state", Duration.ofSeconds(120),
                () -> await(exchange.health()).toJson().encode().contains("\"gatewayReady\":true"));
    }

    String bootstrapId() {
        try {
            return ParticipantIdentity.of(bootstrapCertificate()).participantId();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    ParticipantSigner bootstrapSigner() {
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
        await(exchange.stop());
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
