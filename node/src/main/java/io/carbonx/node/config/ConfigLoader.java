package io.carbonx.node.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import io.carbonx.eventlog.runtime.CarbonxService;
import io.vertx.config.ConfigRetriever;
import io.vertx.config.ConfigRetrieverOptions;
import io.vertx.config.ConfigStoreOptions;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonObject;

/**
 * Loads and validates a node's configuration; starts nothing that outlives the call.
 *
 * <p>Sources, later wins: the classpath {@value #DEFAULTS_RESOURCE} plus each service's
 * {@link CarbonxService#defaultConfig()} under {@code services.<name>} (with {@code enabled: true}); the YAML file;
 * the environment ({@link EnvOverrides}); {@code --data-dir}. YAML is read with vertx-config ({@code yaml} format of
 * the {@code file} store) on a short-lived Vert.x instance. The merged tree is checked against the defaults (unknown
 * keys, wrong kinds), then bound with range checks. Any problem → {@link ConfigException} listing all of them.
 */
public final class ConfigLoader {

    /** The built-in defaults on the classpath. */
    public static final String DEFAULTS_RESOURCE = "carbonx-defaults.yaml";
    /** Used when no {@code --config} is given and it exists (relative to the working directory). */
    public static final Path DEFAULT_CONFIG_FILE = Path.of("config", "carbonx.yaml");

    private static final Pattern SERVICE_NAME = Pattern.compile("[a-z][a-z0-9-]*");
    private static final long READ_TIMEOUT_SECONDS = 30;

    private ConfigLoader() {
    }

    /** Loads the configuration for a node running {@code services}; throws {@link ConfigException} on any problem. */
    public static NodeConfig load(ConfigRequest request, List<? extends CarbonxService> services) {
        Optional<Path> file = configFile(request);
        Vertx vertx = Vertx.builder().with(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1)
                .setInternalBlockingPoolSize(1)).build();
        try {
            JsonObject defaults = read(vertx, DEFAULTS_RESOURCE, DEFAULTS_RESOURCE);
            defaults.put("services", serviceDefaults(services));
            JsonObject merged = defaults.copy();
            Map<String, String> origins = new TreeMap<>();
            if (file.isPresent()) {
                JsonObject fromFile = hasContent(file.get())
                        ? read(vertx, file.get().toString(), file.get().toString()) : new JsonObject();
                ConfigTree.leaves(fromFile).keySet().forEach(key -> origins.put(key, file.get().toString()));
                merged.mergeIn(fromFile, true);
            }
            EnvOverrides.Result env = EnvOverrides.apply(request.env(), defaults);
            merged.mergeIn(env.overrides(), true);
            origins.putAll(env.origins());
            request.dataDirOverride().ifPresent(dir -> {
                ConfigTree.put(merged, "node.dataDir", dir);
                origins.put("node.dataDir", "--data-dir");
            });
            List<ConfigProblem> problems = new ArrayList<>(env.problems());
            problems.addAll(ConfigSchema.check(defaults, merged));
            if (!problems.isEmpty()) {
                throw new ConfigException(problems);
            }
            return ConfigBinder.bind(merged, origins, request.workingDir().toAbsolutePath());
        } finally {
            vertx.close();
        }
    }

    private static Optional<Path> configFile(ConfigRequest request) {
        if (request.configFile().isPresent()) {
            Path file = request.workingDir().resolve(request.configFile().get()).toAbsolutePath().normalize();
            if (!Files.isRegularFile(file)) {
                throw new ConfigException(new ConfigProblem("--config", "no such file: " + file));
            }
            if (!Files.isReadable(file)) {
                throw new ConfigException(new ConfigProblem("--config", "cannot read " + file));
            }
            return Optional.of(file);
        }
        Path implicit = request.workingDir().resolve(DEFAULT_CONFIG_FILE).toAbsolutePath().normalize();
        return Files.isRegularFile(implicit) ? Optional.of(implicit) : Optional.empty();
    }

    /** False for a file with nothing but blank lines, comments and document markers (vertx-config fails on it). */
    private static boolean hasContent(Path file) {
        try {
            return Files.readAllLines(file).stream().map(String::strip)
                    .anyMatch(line -> !line.isEmpty() && !line.startsWith("#") && !"---".equals(line)
                            && !"...".equals(line));
        } catch (IOException | UncheckedIOException e) {
            throw new ConfigException(new ConfigProblem(file.toString(), "cannot be read: " + e.getMessage()));
        }
    }

    /** {@code services.<name>} defaults of every service: its own defaults plus {@code enabled: true}. */
    static JsonObject serviceDefaults(List<? extends CarbonxService> services) {
        JsonObject out = new JsonObject();
        Set<String> seen = new HashSet<>();
        for (CarbonxService service : services) {
            String name = service.name();
            if (name == null || !SERVICE_NAME.matcher(name).matches()) {
                throw new IllegalStateException("service " + service.getClass().getName()
                        + " has an invalid name " + name + " (must match " + SERVICE_NAME + ")");
            }
            if (!seen.add(name)) {
                throw new IllegalStateException("two services are named " + name);
            }
            JsonObject section = service.defaultConfig().copy();
            if (!section.containsKey("enabled")) {
                section.put("enabled", true);
            }
            out.put(name, section);
        }
        return out;
    }

    /** Reads one YAML document with vertx-config; {@code label} names it in errors. */
    private static JsonObject read(Vertx vertx, String path, String label) {
        ConfigStoreOptions store = new ConfigStoreOptions().setType("file").setFormat("yaml")
                .setConfig(new JsonObject().put("path", path));
        ConfigRetriever retriever = ConfigRetriever.create(vertx,
                new ConfigRetrieverOptions().setIncludeDefaultStores(false).addStore(store));
        try {
            return retriever.getConfig().await(READ_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new ConfigException(new ConfigProblem(label, "cannot be read as YAML: " + rootMessage(e)));
        } finally {
            retriever.close();
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.replaceAll("\\s+", " ").trim();
    }
}
