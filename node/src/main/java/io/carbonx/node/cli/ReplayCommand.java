package io.carbonx.node.cli;

import io.carbonx.eventlog.KafkaClients;
import io.carbonx.exchange.service.ExchangeConfig;
import io.carbonx.node.client.ClientException;
import io.carbonx.node.client.TopicReader;
import io.carbonx.node.client.replay.Comparison;
import io.carbonx.node.client.replay.StateReplay;
import io.carbonx.node.config.ConfigException;
import io.carbonx.node.config.ConfigLoader;
import io.carbonx.node.config.ConfigProblem;
import io.carbonx.node.config.ConfigRequest;
import io.carbonx.node.config.NodeConfig;
import io.carbonx.node.runtime.ServiceCatalog;
import io.carbonx.rating.service.RatingServiceSettings;
import io.carbonx.registry.service.RegistryConfig;
import io.vertx.core.json.JsonObject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code carbonx replay}: the replay check ({@link StateReplay}) of the registry, the exchange and the credit
 * rating, computed in this process from the Kafka log and compared with the hashes the live services report.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Replay check: rebuild each service's state here from the committed Kafka log, up to the"
                + " position the live service reports on /health, and compare state hashes (registry ledger and"
                + " identities, exchange books per instrument, credit ratings per journal partition).",
                "The node's configuration (--config, CARBONX_* variables, as for 'carbonx run') gives the topics,"
                        + " instruments and rating model; Kafka is the node's unless --bootstrap-servers.",
                "Exit codes: 0 every hash equal, 3 a hash differs, 2 bad configuration, 7 node or Kafka"
                        + " unreachable."})
final class ReplayCommand extends ClientCommand {

    @Option(names = "--config", paramLabel = "FILE", description = "The node's YAML configuration.")
    Path configFile;

    @Option(names = "--bootstrap-servers", paramLabel = "HOSTS",
            description = "Kafka bootstrap servers (default: those the node reports on /health).")
    String bootstrapServers;

    @Option(names = "--service", paramLabel = "NAME", split = ",",
            description = "Only these services: registry, exchange, credit-rating (default: all the node runs).")
    List<String> services = List.of("registry", "exchange", "credit-rating");

    @Override
    int run(PrintWriter out) {
        NodeConfig config = config();
        NodeStatus status = NodeStatus.read(options.client(null));
        String bootstrap = status.bootstrap(bootstrapServers);
        List<Comparison> all = new ArrayList<>();
        try (TopicReader reader = new TopicReader(new KafkaClients(bootstrap), "carbonx-cli-replay",
                options.timeout())) {
            StateReplay replay = new StateReplay(reader);
            for (String service : services) {
                JsonObject live = status.component(service);
                if (live == null || !"UP".equals(live.getString("status"))) {
                    out.println("note: " + service + (live == null ? " does not run on this node"
                            : " is " + live.getString("status") + " (" + live.getString("reason") + ")")
                            + ": not replayed");
                    continue;
                }
                all.addAll(switch (service) {
                    case "registry" -> {
                        RegistryConfig c = RegistryConfig.of(config.serviceConfig("registry"));
                        yield replay.registry(c.topics().journal(), c.ledger(), live);
                    }
                    case "exchange" -> {
                        ExchangeConfig c = ExchangeConfig.of(config.serviceConfig("exchange"));
                        yield replay.exchange(c.topics().orders(), c.chainId(), c.instruments(), live);
                    }
                    case "credit-rating" -> replay.rating(RatingServiceSettings.from(
                            config.serviceConfig("credit-rating"), config.nodeId()), live);
                    default -> throw ClientException.of(ClientException.Kind.USAGE, "--service " + service
                            + ": not one of registry, exchange, credit-rating");
                });
            }
        }
        return print(out, all, bootstrap);
    }

    private NodeConfig config() {
        ConfigRequest request = new ConfigRequest(Optional.ofNullable(configFile), Path.of("").toAbsolutePath(),
                System.getenv(), Optional.empty());
        try {
            return ConfigLoader.load(request, ServiceCatalog.discover());
        } catch (ConfigException e) {
            StringBuilder m = new StringBuilder("the node configuration is invalid:");
            e.problems().stream().map(ConfigProblem::describe).forEach(p -> m.append("\n  ").append(p));
            throw ClientException.of(ClientException.Kind.USAGE, m.toString());
        } catch (IllegalArgumentException e) {
            throw ClientException.of(ClientException.Kind.USAGE, "the node configuration is invalid: "
                    + e.getMessage());
        }
    }

    private static int print(PrintWriter out, List<Comparison> all, String bootstrap) {
        if (all.isEmpty()) {
            out.println("nothing to compare: no service with state was replayed");
            return ExitCodes.INVALID;
        }
        out.println("replayed from Kafka at " + bootstrap + ":");
        out.printf("%-14s %-18s %-36s %-17s %-17s %s%n", "service", "scope", "position", "live", "replayed", "");
        int differ = 0;
        for (Comparison c : all) {
            out.printf("%-14s %-18s %-36s %-17s %-17s %s%n", c.service(), c.scope(), c.position(), brief(c.live()),
                    brief(c.replayed()), c.equal() ? "equal" : "DIFFERS");
            if (!c.equal()) {
                differ++;
                out.println("    live     " + c.live());
                out.println("    replayed " + c.replayed());
            }
        }
        if (differ == 0) {
            out.println("OK: " + all.size() + " state hashes recomputed from the log equal the live services'");
            return ExitCodes.OK;
        }
        out.println("MISMATCH: " + differ + " of " + all.size() + " state hashes differ from the live services'");
        return ExitCodes.INVALID;
    }

    private static String brief(String hash) {
        return hash == null ? "(none)" : hash.length() > 16 ? hash.substring(0, 16) + ".." : hash;
    }
}
