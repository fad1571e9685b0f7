package io.carbonx.deploycheck;

import com.fasterxml.jackson.databind.JsonNode;
import io.carbonx.chain.service.AnchorSettings;
import io.carbonx.node.metrics.BusinessMetricsService;
import io.carbonx.eventlog.runtime.CarbonxService;
import io.carbonx.exchange.service.ExchangeConfig;
import io.carbonx.node.cli.CarbonxCommand;
import io.carbonx.node.config.ConfigException;
import io.carbonx.node.config.ConfigLoader;
import io.carbonx.node.config.ConfigProblem;
import io.carbonx.node.config.ConfigRequest;
import io.carbonx.node.config.NodeConfig;
import io.carbonx.node.runtime.ServiceCatalog;
import io.carbonx.rating.service.RatingServiceSettings;
import io.carbonx.registry.service.RegistryConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import picocli.CommandLine;

/**
 * Each pod as the node itself would see it: the container's arguments through the real {@code carbonx} command
 * line parser, its configuration file (from its ConfigMap, or rendered by its init container for its ordinal) and
 * its {@code CARBONX_*} environment through the node's own {@link ConfigLoader} with every service module found on
 * the class path, exactly as {@code carbonx run} loads them. So an environment variable the binder does not know
 * (a typo, an invented key), a key the defaults do not have, a wrong kind of value, or an unknown option fails here
 * with the node's own message, not only in a cluster.
 *
 * <p>Then, per role ({@link #ROLE_SERVICES}): the pod enables exactly its role's services; its service sections
 * are accepted by the services' own settings parsers; the registry's CA directory
 * ({@code <node.dataDir>/services/registry/ca}) and a validator's {@code validatorsDir} (identity, vote log) are on
 * a persistent volume; the gateway runs order entry without the matcher and has the consortium CA certificates
 * mounted for its API security, the exchange role runs the matcher without the gateway; validator pod {@code i}
 * runs validator {@code i} alone, with one peer per validator; and the node container runs the image the build
 * produces ({@code carbonx.image}).
 */
final class NodeConfigChecks {

    /** The services each role's pods run (the node's services.<name>.enabled), by app.kubernetes.io/component. */
    static final Map<String, Set<String>> ROLE_SERVICES = Map.of(
            "gateway", Set.of("exchange"),
            "registry", Set.of("registry", "business-metrics"),
            "exchange", Set.of("exchange"),
            "rating", Set.of("credit-rating"),
            "validator", Set.of("chain-anchor"));
    static final String NODE_CONTAINER = "node";

    private static final List<CarbonxService> SERVICES = ServiceCatalog.discover();

    private NodeConfigChecks() {
    }

    /**
     * @param manifests     the objects
     * @param configMaps    ConfigMap name to data (key to text): rendered ConfigMaps, or the generator's files
     * @param expectedImage the node image reference the build produces
     * @return the violations, one line each
     */
    static List<String> check(Manifests manifests, Map<String, Map<String, String>> configMaps, String expectedImage) {
        List<String> problems = new ArrayList<>();
        for (JsonNode workload : manifests.workloads()) {
            String role = Manifests.component(workload);
            if (!ROLE_SERVICES.containsKey(role)) {
                problems.add(Manifests.id(workload) + ": component '" + role + "' is not a role "
                        + ROLE_SERVICES.keySet());
                continue;
            }
            Optional<JsonNode> node = Manifests.list(Manifests.podSpec(workload).path("containers")).stream()
                    .filter(c -> NODE_CONTAINER.equals(c.path("name").asText())).findFirst();
            if (node.isEmpty()) {
                problems.add(Manifests.id(workload) + ": no container named " + NODE_CONTAINER);
                continue;
            }
            if (!expectedImage.equals(node.get().path("image").asText())) {
                problems.add(Manifests.id(workload) + ": runs image " + node.get().path("image").asText()
                        + ", the build produces " + expectedImage);
            }
            int pods = "StatefulSet".equals(Manifests.kind(workload))
                    ? workload.path("spec").path("replicas").asInt(1) : 1;
            for (int i = 0; i < pods; i++) {
                problems.addAll(pod(workload, node.get(), role, new PodFiles(workload, i, configMaps), i));
            }
        }
        return problems;
    }

    private static List<String> pod(JsonNode workload, JsonNode container, String role, PodFiles files,
                                    int ordinal) {
        String where = Manifests.id(workload) + " pod " + files.podName();
        List<String> args = Manifests.list(container.path("args")).stream().map(JsonNode::asText).toList();
        String configPath;
        try {
            CommandLine.ParseResult parsed = new CommandLine(new CarbonxCommand())
                    .parseArgs(args.toArray(String[]::new));
            if (!parsed.hasSubcommand() || !"run".equals(parsed.subcommand().commandSpec().name())) {
                return List.of(where + ": args " + args + " do not run the node (carbonx run ...)");
            }
            Object config = parsed.subcommand().matchedOptionValue("--config", null);
            if (config == null) {
                return List.of(where + ": args " + args + " name no --config file");
            }
            configPath = config.toString();
        } catch (CommandLine.ParameterException e) {
            return List.of(where + ": args " + args + " rejected by the carbonx CLI: " + e.getMessage());
        }
        Optional<String> text = files.read(container, configPath);
        if (text.isEmpty()) {
            return List.of(where + ": config file " + configPath + " comes from no ConfigMap volume and no init "
                    + "container rendering");
        }
        NodeConfig config;
        try {
            config = load(text.get(), files.environment(container));
        } catch (ConfigException e) {
            return e.problems().stream().map(p -> where + ": " + describe(p)).toList();
        }
        List<String> problems = new ArrayList<>();
        Set<String> enabled = new TreeSet<>();
        SERVICES.stream().map(CarbonxService::name).filter(config::serviceEnabled).forEach(enabled::add);
        if (!enabled.equals(new TreeSet<>(ROLE_SERVICES.get(role)))) {
            problems.add(where + ": enables services " + enabled + ", the " + role + " role runs "
                    + new TreeSet<>(ROLE_SERVICES.get(role)));
        }
        problems.addAll(serviceSettings(where, config, enabled, files.podName()));
        problems.addAll(roleSwitches(where, container, config, role, files));
        problems.addAll(persistence(where, workload, container, config, enabled, files, ordinal));
        return problems;
    }

    private static List<String> serviceSettings(String where, NodeConfig config, Set<String> enabled, String pod) {
        List<String> problems = new ArrayList<>();
        for (String service : enabled) {
            var section = config.serviceConfig(service);
            try {
                switch (service) {
                    case "registry" -> RegistryConfig.of(section);
                    case "exchange" -> ExchangeConfig.of(section);
                    case "credit-rating" -> RatingServiceSettings.from(section, pod);
                    case "chain-anchor" -> AnchorSettings.of(section);
                    case "business-metrics" -> BusinessMetricsService.checkSettings(section);
                    default -> problems.add(where + ": no settings check for service " + service);
                }
            } catch (RuntimeException e) {
                problems.add(where + ": services." + service + " refused by the service: " + e.getMessage());
            }
        }
        return problems;
    }

    /**
     * The exchange's switches per role: the gateway serves order entry (and the API: the consortium CA certificates
     * mounted at {@code services.registry.caCertificatesDir}) and runs no matcher; the exchange role runs the
     * matcher and no gateway.
     */
    private static List<String> roleSwitches(String where, JsonNode container, NodeConfig config, String role,
                                             PodFiles files) {
        List<String> problems = new ArrayList<>();
        ExchangeConfig exchange;
        try {
            exchange = ExchangeConfig.of(config.serviceConfig("exchange"));
        } catch (RuntimeException e) {
            return problems; // reported by serviceSettings
        }
        if ("gateway".equals(role)) {
            if (!exchange.gateway() || exchange.matcher()) {
                problems.add(where + ": the gateway role runs the order-entry gateway and no matcher (gateway "
                        + exchange.gateway() + ", matcher " + exchange.matcher() + ")");
            }
            String ca = RegistryConfig.of(config.serviceConfig("registry")).caCertificatesDir();
            if (ca.isBlank() || files.mountOf(container, ca).isEmpty()) {
                problems.add(where + ": services.registry.caCertificatesDir (" + ca + ") is not a mounted directory:"
                        + " without the consortium CA certificates the gateway serves no API");
            }
        } else if ("exchange".equals(role) && (!exchange.matcher() || exchange.gateway())) {
            problems.add(where + ": the exchange role runs the matcher and no gateway (matcher " + exchange.matcher()
                    + ", gateway " + exchange.gateway() + ")");
        }
        return problems;
    }

    private static List<String> persistence(String where, JsonNode workload, JsonNode container, NodeConfig config,
                                            Set<String> enabled, PodFiles files, int ordinal) {
        List<String> problems = new ArrayList<>();
        if (enabled.contains("registry")) {
            Path ca = config.dataDir().resolve("services").resolve("registry").resolve("ca");
            if (!files.persistent(container, ca.toString())) {
                problems.add(where + ": the registry's CA directory " + ca + " is not on a persistent volume");
            }
        }
        if (enabled.contains("chain-anchor")) {
            AnchorSettings anchor;
            try {
                anchor = AnchorSettings.of(config.serviceConfig("chain-anchor"));
            } catch (RuntimeException e) {
                return problems; // reported by serviceSettings
            }
            Path dir = anchor.validatorsDir(config.dataDir().resolve("services").resolve("chain-anchor"));
            if (!files.persistent(container, dir.toString())) {
                problems.add(where + ": validatorsDir " + dir + " (identity, vote log) is not on a persistent "
                        + "volume");
            }
            if (!anchor.localValidators().equals(Set.of(ordinal))) {
                problems.add(where + ": runs validators " + anchor.localValidators() + ", pod " + ordinal
                        + " must run validator " + ordinal + " alone");
            }
            int replicas = workload.path("spec").path("replicas").asInt(1);
            if (anchor.roles().size() != replicas || anchor.peers().size() != replicas) {
                problems.add(where + ": " + anchor.roles().size() + " validator roles and "
                        + anchor.peers().size() + " peers for " + replicas + " validator pods");
            }
        }
        return problems;
    }

    private static NodeConfig load(String text, Map<String, String> env) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("deploy-check-config");
            Path file = Files.writeString(dir.resolve("carbonx.yaml"), text);
            return ConfigLoader.load(new ConfigRequest(Optional.of(file), dir, env, Optional.empty()), SERVICES);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(dir);
        }
    }

    private static String describe(ConfigProblem problem) {
        return problem.describe();
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a temp directory left behind is harmless
        }
    }
}
