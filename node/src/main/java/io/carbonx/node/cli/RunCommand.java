package io.carbonx.node.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

import io.carbonx.eventlog.runtime.CarbonxService;
import io.carbonx.node.config.ConfigException;
import io.carbonx.node.config.ConfigLoader;
import io.carbonx.node.config.ConfigProblem;
import io.carbonx.node.config.ConfigRequest;
import io.carbonx.node.config.NodeConfig;
import io.carbonx.node.runtime.CarbonxNode;
import io.carbonx.node.runtime.ServiceCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code carbonx run [--config FILE] [--data-dir DIR]}: loads the configuration, starts the node and keeps it
 * running until the JVM is asked to stop (SIGTERM, Ctrl-C), when a shutdown hook closes it gracefully.
 *
 * <p>Exit codes: 2 when the configuration is bad (one {@code config error: <key>: <problem>} line per problem on
 * stderr, nothing started); 1 when startup fails; 143 / 130 after a graceful stop by SIGTERM / SIGINT.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run a carbonx node: the embedded Kafka broker (unless kafka.bootstrapServers is set), "
            + "the services on the classpath and the HTTP API (/health, /metrics, /openapi.yaml).",
            "Configuration: built-in defaults < FILE (default config/carbonx.yaml if present) "
            + "< CARBONX_* environment variables < options."})
final class RunCommand implements Callable<Integer> {


    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", description = "YAML configuration file.")
    private Path configFile;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Data directory (overrides node.dataDir).")
    private String dataDir;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        List<CarbonxService> services = ServiceCatalog.discover();
        ConfigRequest request = new ConfigRequest(Optional.ofNullable(configFile), Path.of("").toAbsolutePath(),
                System.getenv(), Optional.ofNullable(dataDir));
        NodeConfig config;
        try {
            config = ConfigLoader.load(request, services);
        } catch (ConfigException e) {
            e.problems().stream().map(ConfigProblem::describe).forEach(err::println);
            return ExitCodes.USAGE;
        }
        AtomicReference<CarbonxNode> running = new AtomicReference<>();
        CountDownLatch startDone = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            try {
                startDone.await();
                CarbonxNode node = running.get();
                if (node != null) {
                    // Looked up here, not in a static field: picocli instantiates every subcommand to build the
                    // command tree, and a static logger would initialise logging (logback parsing its XML
                    // configuration, ~500 classes) for every short client command such as `evidence verify`.
                    Logger log = LoggerFactory.getLogger(RunCommand.class);
                    log.info("Stop requested (signal)");
                    node.close();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                stopped.countDown();
            }
        }, "carbonx-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            running.set(CarbonxNode.start(config, services));
        } catch (RuntimeException e) {
            startDone.countDown();
            Runtime.getRuntime().removeShutdownHook(hook);
            err.println("carbonx: startup failed: " + e.getMessage());
            return ExitCodes.FAILURE;
        }
        startDone.countDown();
        stopped.await();
        return ExitCodes.OK;
    }
}
