package io.carbonx.node.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import io.vertx.core.json.JsonObject;

/**
 * Turns a schema-checked configuration tree into a {@link NodeConfig}, checking every value's range. Each problem
 * names its key and, when the value came from the environment or the command line, where it came from.
 */
final class ConfigBinder {

    private static final Pattern NODE_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern HOST_PORT = Pattern.compile("[A-Za-z0-9._\\-\\[\\]:]+:\\d{1,5}");
    private static final long MAX_TIMEOUT_MS = 600_000;

    private final JsonObject tree;
    private final Map<String, String> origins;
    private final Path workingDir;
    private final List<ConfigProblem> problems = new ArrayList<>();

    private ConfigBinder(JsonObject tree, Map<String, String> origins, Path workingDir) {
        this.tree = tree;
        this.origins = origins;
        this.workingDir = workingDir;
    }

    /** Binds {@code tree} (types already checked against the defaults) or throws with every range problem. */
    static NodeConfig bind(JsonObject tree, Map<String, String> origins, Path workingDir) {
        ConfigBinder binder = new ConfigBinder(tree, origins, workingDir);
        NodeConfig config = binder.bindAll();
        if (!binder.problems.isEmpty()) {
            throw new ConfigException(binder.problems);
        }
        return config;
    }

    private NodeConfig bindAll() {
        String nodeId = string("node.id");
        if (!NODE_ID.matcher(nodeId).matches()) {
            problem("node.id", "must be 1..64 characters of A-Z a-z 0-9 . _ -", nodeId);
        }
        Path dataDir = path("node.dataDir", string("node.dataDir"));
        long shutdownTimeoutMs = longIn("node.shutdownTimeoutMs", 1, MAX_TIMEOUT_MS);
        long healthTimeoutMs = longIn("node.healthTimeoutMs", 1, MAX_TIMEOUT_MS);
        long serviceStartTimeoutMs = longIn("node.serviceStartTimeoutMs", 1, MAX_TIMEOUT_MS);
        HttpConfig http = new HttpConfig(host("http.host"), port("http.port"));
        KafkaConfig kafka = kafka(dataDir);
        Map<String, JsonObject> services = new TreeMap<>();
        JsonObject section = tree.getJsonObject("services", new JsonObject());
        for (String name : ConfigTree.sortedKeys(section)) {
            services.put(name, section.getJsonObject(name));
        }
        problems.addAll(ApiKeyRule.check(services, this::from));
        return new NodeConfig(nodeId, dataDir, shutdownTimeoutMs, healthTimeoutMs, serviceStartTimeoutMs, http, kafka,
                services);
    }

    private KafkaConfig kafka(Path nodeDataDir) {
        boolean embedded = Boolean.TRUE.equals(ConfigTree.get(tree, "kafka.embedded"));
        String bootstrap = string("kafka.bootstrapServers").trim();
        if (!bootstrap.isEmpty()) {
            for (String server : bootstrap.split(",")) {
                if (!HOST_PORT.matcher(server.trim()).matches()) {
                    problem("kafka.bootstrapServers", "must be host:port[,host:port...]", bootstrap);
                    break;
                }
            }
        } else if (!embedded) {
            problems.add(new ConfigProblem("kafka.bootstrapServers",
                    "is required when kafka.embedded is false" + from("kafka.embedded")));
        }
        String kafkaDir = string("kafka.dataDir");
        Path dataDir = kafkaDir.isBlank() ? nodeDataDir.resolve("kafka") : path("kafka.dataDir", kafkaDir);
        int port = port("kafka.port");
        int controllerPort = port("kafka.controllerPort");
        if (port != 0 && port == controllerPort) {
            problem("kafka.controllerPort", "must differ from kafka.port", controllerPort);
        }
        int partitions = (int) longIn("kafka.defaultPartitions", 1, 10_000);
        long startupTimeoutMs = longIn("kafka.startupTimeoutMs", 1, MAX_TIMEOUT_MS);
        return new KafkaConfig(embedded, bootstrap, dataDir, host("kafka.host"), port, controllerPort, partitions,
                startupTimeoutMs);
    }

    private String string(String key) {
        Object value = ConfigTree.get(tree, key);
        return value instanceof String s ? s : "";
    }

    private String host(String key) {
        String host = string(key).trim();
        if (host.isEmpty() || host.contains(" ") || host.contains("/")) {
            problem(key, "must be a host name or IP address", host);
        }
        return host;
    }

    private int port(String key) {
        return (int) longIn(key, 0, 65535, " (0 picks a free port)");
    }

    private long longIn(String key, long min, long max) {
        return longIn(key, min, max, "");
    }

    private long longIn(String key, long min, long max, String hint) {
        Object value = ConfigTree.get(tree, key);
        long number = value instanceof Number n ? n.longValue() : min;
        if (number < min || number > max) {
            problem(key, "must be " + min + ".." + max + hint, number);
            return min;
        }
        return number;
    }

    private Path path(String key, String text) {
        if (text.isBlank()) {
            problem(key, "must not be empty", text);
            return workingDir;
        }
        try {
            return workingDir.resolve(text).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            problem(key, "is not a valid path (" + e.getReason() + ")", text);
            return workingDir;
        }
    }

    private void problem(String key, String rule, Object value) {
        problems.add(new ConfigProblem(key, rule + ", was " + ConfigTree.show(value) + from(key)));
    }

    private String from(String key) {
        String origin = origins.get(key);
        return origin == null ? "" : " (from " + origin + ")";
    }
}
