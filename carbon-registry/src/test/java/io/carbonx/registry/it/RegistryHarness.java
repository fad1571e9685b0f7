package io.carbonx.registry.it;

import io.carbonx.eventlog.runtime.KafkaClientTracker;
import io.carbonx.eventlog.runtime.ServiceContext;
import io.carbonx.eventlog.runtime.ServiceTopic;
import io.carbonx.registry.identity.ParticipantSigner;
import io.carbonx.registry.service.RegistryConfig;
import io.carbonx.registry.service.RegistryService;
import io.carbonx.registry.service.RegistryTopics;
import io.carbonx.testkit.KafkaBroker;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * One registry service as the node runs it (its own Vert.x, router with a body handler on /api, HTTP server on a
 * free port) against the shared test broker, in topics of its own (a unique prefix), with its data directory.
 * {@link #restart()} stops it and starts a new one on the same data and topics, as a process restart would.
 */
final class RegistryHarness implements AutoCloseable {
    static final String PASSPHRASE = "registry test passphrase";

    final KafkaBroker broker;
    final Path dataDir;
    final RegistryTopics topics;
    final JsonObject config;
    final Clock clock;
    Vertx vertx;
    RegistryService service;
    HttpServer server;
    ApiClient api;

    RegistryHarness(KafkaBroker broker, Path dataDir, String prefix, JsonObject overrides) {
        this(broker, dataDir, prefix, overrides, Clock.systemUTC());
    }

    RegistryHarness(KafkaBroker broker, Path dataDir, String prefix, JsonObject overrides, Clock clock) {
        this.broker = broker;
        this.clock = clock;
        this.dataDir = dataDir;
        this.topics = new RegistryTopics(prefix);
        this.config = RegistryConfig.defaults().put("caPassphrase", PASSPHRASE).put("pbkdf2Iterations", 1000)
                .put("topicPrefix", prefix).put("transactionIntervalMs", 10L).put("clockTickMs", 0L)
                .mergeIn(overrides);
        createTopics();
        start();
    }

    private void createTopics() {
        List<NewTopic> topicsToCreate = new ArrayList<>();
        for (ServiceTopic t : topics.serviceTopics()) {
            topicsToCreate.add(new NewTopic(t.name(), t.partitions(), (short) 1).configs(t.configs()));
        }
        try (Admin admin = broker.clients().newAdmin()) {
            admin.createTopics(topicsToCreate).all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException(e);
            }
        }
    }

    void start() {
        vertx = Vertx.vertx();
        service = new RegistryService(clock);
        ServiceContext context = new ServiceContext("it-node", broker.bootstrapServers(), config.copy(), dataDir,
                KafkaClientTracker.NONE);
        await(service.start(vertx, context));
        Router router = Router.router(vertx);
        router.route("/api/*").handler(BodyHandler.create(false).setBodyLimit(1024 * 1024));
        service.mountRoutes(router);
        server = await(vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1"));
        api = new ApiClient("http://127.0.0.1:" + server.actualPort());
    }

    void stop() {
        if (vertx == null) {
            return;
        }
        await(server.close());
        await(service.stop());
        await(vertx.close());
        vertx = null;
    }

    void restart() {
        stop();
        start();
    }

    ParticipantSigner bootstrapSigner() {
        return TestKeys.bootstrapSigner(dataDir.resolve("ca"), PASSPHRASE.toCharArray());
    }

    String bootstrapId() {
        return service.components().caCertificates().isEmpty() ? null : TestKeys.bootstrapId(dataDir.resolve("ca"));
    }

    @Override
    public void close() {
        stop();
    }

    static <T> T await(io.vertx.core.Future<T> f) {
        try {
            return f.toCompletionStage().toCompletableFuture().get(90, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
