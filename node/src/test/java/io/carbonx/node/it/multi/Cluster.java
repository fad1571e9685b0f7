package io.carbonx.node.it.multi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import io.carbonx.node.testing.NodeFixture;
import io.carbonx.registry.service.RegistryConfig;
import io.carbonx.schemas.TopicSpec;
import io.carbonx.schemas.Topics;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * Every role of one CarbonX deployment as its own JVM on loopback, each configured only by its own YAML file (the
 * same artifact, {@code carbonx run --config}): a broker (a node with every service disabled and the embedded KRaft
 * broker), the registry, the gateway (order entry, no matcher), the matcher ("exchange": no gateway), the rating
 * service and four PBFT validators over mutual TLS. Everything but the broker uses the external cluster. Processes
 * are started, killed and restarted by name; only processes started here are ever signalled.
 */
final class Cluster implements AutoCloseable {

    static final String BROKER = "broker";
    static final String REGISTRY = "registry";
    static final String GATEWAY = "gateway";
    static final String MATCHER = "matcher";
    static final String RATING = "rating";
    static final int VALIDATORS = 4;
    private static final List<String> SERVICES = List.of("registry", "exchange", "credit-rating", "chain-anchor",
            "business-metrics");

    private final Path work;
    private final Consortium consortium;
    private final int kafkaPort = NodeFixture.freePort();
    private final JsonArray peers = new JsonArray();
    private final Map<String, RoleProcess> roles = new LinkedHashMap<>();
    private final Map<String, JsonObject> configs = new LinkedHashMap<>();

    Cluster(Path work, Consortium consortium) {
        this.work = work;
        this.consortium = consortium;
        for (int i = 0; i < VALIDATORS; i++) {
            peers.add("127.0.0.1:" + NodeFixture.freePort());
        }
        define(BROKER, broker());
        define(REGISTRY, node(REGISTRY, "registry", new JsonObject().put("registry", registry(false))));
        define(GATEWAY, node(GATEWAY, "exchange", new JsonObject().put("registry", registry(true))
                .put("exchange", exchange(false, true))));
        define(MATCHER, node(MATCHER, "exchange", new JsonObject().put("exchange", exchange(true, false))));
        define(RATING, node(RATING, "credit-rating", new JsonObject().put("registry", registry(true))));
        for (int i = 0; i < VALIDATORS; i++) {
            define(validator(i), node(validator(i), "chain-anchor", new JsonObject().put("chain-anchor",
                    anchor(i))));
        }
    }

    static String validator(int id) {
        return "validator-" + id;
    }

    /** The registry CA's directory inside the registry process's data directory. */
    static Path registryCaDir(Path work) {
        return work.resolve(REGISTRY).resolve("data").resolve("services").resolve("registry").resolve("ca");
    }

    String bootstrapServers() {
        return "127.0.0.1:" + kafkaPort;
    }

    RoleProcess role(String name) {
        RoleProcess r = roles.get(name);
        if (r == null) {
            throw new IllegalArgumentException("no role " + name);
        }
        return r;
    }

    /** Section {@code services.<service>} of role {@code name}'s configuration file. */
    JsonObject section(String name, String service) {
        return configs.get(name).getJsonObject("services").getJsonObject(service).copy();
    }

    /** The registry's configuration, as its process reads it. */
    RegistryConfig registryConfig() {
        return RegistryConfig.of(section(REGISTRY, "registry"));
    }

    List<RoleProcess> roles() {
        return List.copyOf(roles.values());
    }

    /** Creates every catalogue topic with its partitions and settings, as the Kubernetes KafkaTopics would. */
    void createTopics() throws Exception {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        try (Admin admin = Admin.create(props)) {
            List<NewTopic> topics = new ArrayList<>();
            for (TopicSpec spec : Topics.all()) {
                topics.add(new NewTopic(spec.name(), spec.partitions(), (short) 1).configs(spec.configs()));
            }
            admin.createTopics(topics).all().get(60, TimeUnit.SECONDS);
        }
    }

    /** Starts {@code names} together and waits until each is ready. */
    void startAndAwait(Duration timeout, String... names) {
        for (String n : names) {
            role(n).start();
        }
        for (String n : names) {
            role(n).awaitReady(timeout);
        }
    }

    private void define(String name, JsonObject config) {
        Path dir = work.resolve(name);
        try {
            Files.createDirectories(dir);
            Path file = Files.writeString(dir.resolve("carbonx.yaml"), config.encodePrettily()); // JSON is YAML
            configs.put(name, config);
            roles.put(name, new RoleProcess(name, file, work.resolve(name + ".log"), config.getJsonObject("http")
                    .getInteger("port"), Map.of("CARBONX_LOG_LEVEL", "INFO")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonObject broker() {
        JsonObject services = new JsonObject();
        SERVICES.forEach(s -> services.put(s, new JsonObject().put("enabled", false)));
        return base(BROKER).put("kafka", new JsonObject().put("embedded", true).put("port", kafkaPort)
                .put("controllerPort", NodeFixture.freePort()).put("defaultPartitions", 1)).put("services", services);
    }

    /** A role's node: only {@code enabled} on, plus its service sections. */
    private JsonObject node(String name, String enabled, JsonObject sections) {
        JsonObject services = new JsonObject();
        for (String s : SERVICES) {
            JsonObject section = sections.getJsonObject(s, new JsonObject()).copy();
            services.put(s, section.put("enabled", s.equals(enabled)));
        }
        // every node knows the chain and the shared token key, whether it runs the registry or not
        services.getJsonObject("registry").put("chainId", Consortium.CHAIN).put("tokenKeyBase64",
                consortium.tokenKeyBase64());
        return base(name).put("kafka", new JsonObject().put("embedded", false).put("bootstrapServers",
                bootstrapServers()).put("startupTimeoutMs", 120_000)).put("services", services);
    }

    private JsonObject base(String name) {
        return new JsonObject()
                .put("node", new JsonObject().put("id", name).put("dataDir", work.resolve(name).resolve("data")
                        .toString()).put("shutdownTimeoutMs", 20_000).put("healthTimeoutMs", 5_000)
                        .put("serviceStartTimeoutMs", 240_000))
                .put("http", new JsonObject().put("host", "127.0.0.1").put("port", NodeFixture.freePort()));
    }

    private JsonObject registry(boolean elsewhere) {
        JsonObject r = new JsonObject().put("pbkdf2Iterations", Consortium.PBKDF2).put("settlementWindowMs", 2_000L)
                .put("clockTickMs", 500L);
        if (elsewhere) {
            r.put("caCertificatesDir", consortium.publicCa().toString());
        } else {
            r.put("caPassphrase", Consortium.PASSPHRASE);
        }
        return r;
    }

    private static JsonObject exchange(boolean matcher, boolean gateway) {
        return new JsonObject().put("chainId", Consortium.CHAIN).put("matcher", matcher).put("gateway", gateway)
                .put("marketData", false).put("clockTickMs", 1_000L);
    }

    private JsonObject anchor(int id) {
        Path files = consortium.validatorFiles(id, work.resolve(validator(id)).resolve("validators"));
        return new JsonObject().put("chainId", Consortium.CHAIN).put("transport", "tls")
                .put("localValidators", new JsonArray().add(id)).put("peers", peers.copy())
                .put("validatorsDir", files.toString()).put("caDir", consortium.publicCa().toString())
                .put("keyPassphrase", Consortium.PASSPHRASE).put("caPassphrase", Consortium.PASSPHRASE)
                .put("keyPbkdf2Iterations", Consortium.PBKDF2).put("caPbkdf2Iterations", Consortium.PBKDF2)
                .put("viewTimeoutMs", 1_000L);
    }

    /** Stops every process still running (SIGTERM, then SIGKILL after 20 s): the roles together, the broker last. */
    @Override
    public void close() {
        List<RoleProcess> all = new ArrayList<>(roles.values());
        RoleProcess broker = all.remove(0);
        all.forEach(RoleProcess::terminate);
        all.forEach(r -> r.awaitExit(Duration.ofSeconds(20)));
        broker.close();
    }
}
