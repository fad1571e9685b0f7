package io.carbonx.chain.service;

import io.carbonx.eventlog.KafkaClients;
import io.carbonx.eventlog.runtime.KafkaClientTracker;
import io.carbonx.eventlog.runtime.ServiceContext;
import io.carbonx.eventlog.runtime.ServiceTopic;
import io.carbonx.exchange.service.ExchangeService;
import io.carbonx.exchange.service.ExchangeTopics;
import io.carbonx.registry.identity.ParticipantSigner;
import io.carbonx.registry.identity.pki.CaStore;
import io.carbonx.registry.identity.pki.EncryptedKeys;
import io.carbonx.registry.identity.pki.ParticipantIdentity;
import io.carbonx.registry.service.RegistryConfig;
import io.carbonx.registry.service.RegistryService;
import io.carbonx.registry.service.RegistryTopics;
import io.carbonx.schemas.TopicSpec;
import io.carbonx.schemas.Topics;
import io.carbonx.testkit.KafkaBroker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * The registry, the exchange and the chain as one node runs them: one Vert.x, each service started on the seam with
 * its configuration section and data directory, all mounting their routes on one router behind the registry's API
 * security, one HTTP server. On the shared test broker every topic has a prefix of its own and the chain id is
 * unique (registry, exchange and chain share it: it is bound into every signed request and every block).
 */
final class EvidenceStack implements AutoCloseable {

    static final String PASSPHRASE = "evidence it passphrase";

    final Vertx vertx = Vertx.vertx();
    final RegistryService registry = new RegistryService();
    final ExchangeService exchange = new ExchangeService();
    final ChainAnchorService chain = new ChainAnchorService(new SimpleMeterRegistry());
    final String prefix;
    final String chainId;
    final Path registryDir;
    final HttpServer server;
    final StackApi api;

    EvidenceStack(KafkaBroker broker, Path dataDir) throws Exception {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        this.prefix = "ev" + unique + ".";
        this.chainId = "ev-chain-" + unique;
        KafkaClients clients = broker.clients();
        createTopics(clients);
        this.registryDir = Files.createDirectories(dataDir.resolve("registry"));
        JsonObject registryConfig = RegistryConfig.defaults().put("caPassphrase", PASSPHRASE).put("chainId", chainId)
                .put("pbkdf2Iterations", 1000).put("topicPrefix", prefix).put("transactionIntervalMs", 10L)
                .put("clockTickMs", 200L).put("settlementWindowMs", 1_000L);
        JsonObject exchangeConfig = new JsonObject().put("topicPrefix", prefix).put("chainId", chainId)
                .put("clockTickMs", 200L).put("checkpointEvery", 1).put("groupId", "exchange-" + prefix);
        String bootstrap = broker.bootstrapServers();
        await(registry.start(vertx, new ServiceContext("ev", bootstrap, registryConfig, registryDir,
                KafkaClientTracker.NONE)));
        await(exchange.start(vertx, new ServiceContext("ev", bootstrap, exchange.defaultConfig().mergeIn(
                exchangeConfig), Files.createDirectories(dataDir.resolve("exchange")), KafkaClientTracker.NONE)));
        await(chain.start(vertx, new ServiceContext("ev", bootstrap, chainConfig(),
                Files.createDirectories(dataDir.resolve("chain-anchor")), KafkaClientTracker.NONE)));
        Router router = Router.router(vertx);
        router.route("/api/*").handler(BodyHandler.create(false));
        registry.mountRoutes(router);
        exchange.mountRoutes(router);
        chain.mountRoutes(router);
        server = await(vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1"));
        api = new StackApi(server.actualPort());
    }

    private JsonObject chainConfig() {
        JsonArray anchored = new JsonArray();
        Topics.anchored().forEach(t -> anchored.add(prefix + t.name()));
        return new JsonObject().put("chainId", chainId)
                .put("caDir", registryDir.resolve("ca").toString())
                .put("caPassphrase", PASSPHRASE).put("keyPassphrase", PASSPHRASE)
                .put("caPbkdf2Iterations", 1000).put("keyPbkdf2Iterations", 1000)
                .put("anchoredTopics", anchored)
                .put("blocksTopic", prefix + Topics.CHAIN_BLOCKS).put("viewsTopic", prefix + Topics.CHAIN_VIEWS)
                .put("maxBlockEvents", 50).put("maxBlockMs", 5).put("tickMs", 5).put("viewTimeoutMs", 500)
                .put("checkpointInterval", 4).put("watermarkWindow", 16).put("retransmitMs", 100)
                .put("statusMs", 250).put("stampIntervalMs", 50);
    }

    /** Every topic of the three services, and every anchored topic, under the prefix. */
    private void createTopics(KafkaClients clients) throws Exception {
        Map<String, ServiceTopic> all = new LinkedHashMap<>();
        List<ServiceTopic> topics = new ArrayList<>(new RegistryTopics(prefix).serviceTopics());
        topics.addAll(new ExchangeTopics(prefix).serviceTopics());
        for (TopicSpec t : Topics.anchored()) {
            topics.add(new ServiceTopic(prefix + t.name(), t.partitions(), t.configs()));
        }
        for (String chainTopic : List.of(Topics.CHAIN_BLOCKS, Topics.CHAIN_VIEWS)) {
            TopicSpec spec = Topics.byName(chainTopic);
            topics.add(new ServiceTopic(prefix + chainTopic, spec.partitions(), spec.configs()));
        }
        topics.forEach(t -> all.putIfAbsent(t.name(), t));
        try (Admin admin = clients.newAdmin()) {
            List<NewTopic> requests = new ArrayList<>();
            for (ServiceTopic t : all.values()) {
                requests.add(new NewTopic(t.name(), t.partitions(), (short) 1).configs(t.configs()));
            }
            for (var f : admin.createTopics(requests).values().values()) {
                try {
                    f.get(60, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
        }
    }

    /** The CA's bootstrap identity (a REGULATOR). */
    String bootstrapId() throws Exception {
        return ParticipantIdentity.of(bootstrapCertificate()).participantId();
    }

    /** The bootstrap identity's signer. */
    ParticipantSigner bootstrapSigner() throws Exception {
        PrivateKey key = EncryptedKeys.decrypt(Files.readString(registryDir.resolve("ca")
                .resolve(CaStore.BOOTSTRAP_KEY)), PASSPHRASE.toCharArray(), "bootstrap");
        return ParticipantSigner.forKey(key, bootstrapCertificate().getPublicKey());
    }

    private X509Certificate bootstrapCertificate() throws Exception {
        try (InputStream in = Files.newInputStream(registryDir.resolve("ca").resolve(CaStore.BOOTSTRAP_CERT))) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    @Override
    public void close() {
        quietly(server == null ? null : server.close());
        quietly(chain.stop());
        quietly(exchange.stop());
        quietly(registry.stop());
        quietly(vertx.close());
    }

    private static void quietly(Future<?> f) {
        if (f != null) {
            try {
                f.toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
            } catch (Exception e) {
                // closing: keep closing the rest
            }
        }
    }

    static <T> T await(Future<T> f) {
        try {
            return f.toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
