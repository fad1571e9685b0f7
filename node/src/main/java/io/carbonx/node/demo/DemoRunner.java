package io.carbonx.node.demo;

import io.carbonx.eventlog.KafkaClients;
import io.carbonx.node.client.NodeClient;
import io.carbonx.node.client.ProfileStore;
import io.carbonx.node.client.TopicReader;
import io.carbonx.node.client.chain.ValidatorCertificates;
import io.carbonx.node.config.ConfigLoader;
import io.carbonx.node.config.ConfigRequest;
import io.carbonx.node.config.NodeConfig;
import io.carbonx.node.demo.check.CheckResult;
import io.carbonx.node.demo.check.EvidenceCheck;
import io.carbonx.node.demo.report.DemoReport;
import io.carbonx.node.demo.scene.MarketSetup;
import io.carbonx.node.demo.scene.Onboarding;
import io.carbonx.node.runtime.CarbonxNode;
import io.carbonx.node.runtime.ServiceCatalog;
import io.carbonx.registry.service.RegistryConfig;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.slf4j.LoggerFactory;

/**
 * {@code carbonx demo}: starts a real node in this JVM (embedded broker, every service on the classpath, four
 * validators) on a fresh data directory and free ports, plays the trading day ({@link TradingDay}), waits until the
 * chain anchors everything, runs the checks ({@link DayChecks}) and writes the summary and the report
 * ({@link DemoReport}). Node logs go to {@code <out>/node.log}; stdout shows the progress.
 */
public final class DemoRunner {

    /** Exit code: every check passed (or was skipped for a missing feature). */
    public static final int OK = 0;
    /** Exit code: the demo could not be carried out. */
    public static final int FAILURE = 1;
    /** Exit code: a check failed. */
    public static final int CHECK_FAILED = 3;
    /** Exit code: the output or data directory cannot be used. */
    public static final int USAGE = 2;

    private static final int STEPS = 9;

    private final DemoOptions options;
    private final PrintWriter out;
    /** The running node, closed by the shutdown hook on Ctrl-C or SIGTERM. */
    private final AtomicReference<CarbonxNode> running = new AtomicReference<>();

    /**
     * @param options what was asked
     * @param out     progress and results
     */
    public DemoRunner(DemoOptions options, PrintWriter out) {
        this.options = options;
        this.out = out;
    }

    /** Runs the demo; returns the exit code. */
    public int run() {
        DemoPlan plan = DemoPlan.of(options);
        Progress progress = new Progress(out, STEPS);
        Path outDir = options.out().toAbsolutePath();
        Path dataDir;
        try {
            dataDir = prepare(outDir);
        } catch (DemoException | UncheckedIOException e) {
            out.println("carbonx demo: " + e.getMessage());
            out.flush();
            return USAGE;
        }
        progress.plain("carbonx demo: seed " + options.seed() + ", scale " + options.scale() + ", "
                + plan.enterprises() + " enterprises, ~" + plan.flowOrders() + " orders; data " + dataDir + ", report "
                + outDir + " (node log: " + outDir.resolve("node.log") + ")");
        ExecutorService pool = Executors.newFixedThreadPool(plan.clients());
        NodeLog nodeLog = NodeLog.redirect(outDir.resolve("node.log"));
        Thread hook = new Thread(() -> {
            CarbonxNode n = running.get();
            if (n != null) {
                n.close();
            }
        }, "carbonx-demo-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return play(plan, progress, outDir, dataDir, pool);
        } catch (RuntimeException e) {
            LoggerFactory.getLogger(DemoRunner.class).error("the demo failed", e);
            progress.plain("carbonx demo: FAILED: " + e.getMessage() + " (details in " + outDir.resolve("node.log")
                    + ")");
            return FAILURE;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs: the node is being closed by it
            }
            nodeLog.close();
            pool.shutdownNow();
            if (!options.keepData()) {
                delete(dataDir);
            }
        }
    }

    private int play(DemoPlan plan, Progress progress, Path outDir, Path dataDir, ExecutorService pool) {
        DemoNodeConfig.SessionTimes times = times(plan, progress);
        long configuredAt = System.currentTimeMillis();
        NodeConfig config = config(outDir, dataDir, times, plan);
        progress.step("starting the node (embedded Kafka, registry, exchange, rating, 4 PBFT validators)");
        try (CarbonxNode node = CarbonxNode.start(config, ServiceCatalog.discover())) {
            running.set(node);
            String url = "http://127.0.0.1:" + node.httpPort();
            progress.info("node up: %s, Kafka %s", url, node.bootstrapServers());
            NodeClient client = new NodeClient(url, Duration.ofSeconds(60));
            DayLog log = new DayLog();
            Path caDir = dataDir.resolve("services").resolve("registry").resolve("ca");
            progress.step("onboarding: CSRs, approvals, certificates, logins");
            Cast cast = new Onboarding(client, new ProfileStore(dataDir.resolve("demo-profiles")), pool, progress)
                    .run(caDir, RegistryConfig.of(config.serviceConfig("registry")).caPassphrase(),
                            EnterpriseSpec.draw(plan.enterprises(), options.seed()));
            progress.step("instruments, allocations, offsets, funding");
            boolean energy = new MarketSetup(cast, pool, progress, log).run();
            TradingDay day = new TradingDay(cast, plan, options.seed(), pool, progress, log);
            long openAt = DemoNodeConfig.SessionTimes.epochMs(configuredAt, times.openMs());
            long closingAt = DemoNodeConfig.SessionTimes.epochMs(configuredAt, times.closingAuctionMs());
            long closeAt = DemoNodeConfig.SessionTimes.epochMs(configuredAt, times.closeMs());
            progress.step("morning: opening call, primary auction bids, morning flow, a payment default");
            day.morning(openAt, closeAt, energy);
            progress.step("continuous trading, agreements, closing call, freeze and cancellation");
            day.afternoon(closingAt, closeAt, energy);
            progress.step("annual compliance settlement " + DemoPlan.YEAR);
            day.compliance();
            return finish(node, config, cast, log, plan, energy, progress, outDir, caDir, dataDir);
        }
    }

    private int finish(CarbonxNode node, NodeConfig config, Cast cast, DayLog log, DemoPlan plan, boolean energy,
                       Progress progress, Path outDir, Path caDir, Path dataDir) {
        try (TopicReader reader = new TopicReader(new KafkaClients(node.bootstrapServers()), "carbonx-demo",
                Duration.ofSeconds(120))) {
            progress.step("waiting until the chain anchors every event");
            Anchoring.Result anchored = new Anchoring(reader, progress).await(Duration.ofSeconds(240));
            progress.step("checks: scenario, conservation, no lost event, chain, replay, evidence");
            DayChecks checks = new DayChecks(cast, log, progress);
            DayChecks.Snapshot snap = checks.snapshot(reader);
            List<CheckResult> results = new java.util.ArrayList<>(checks.scenario(snap.facts(), energy, 20,
                    activeEnterprises(snap)));
            results.add(anchored.check());
            var states = checks.invariants(snap, results);
            JsonObject health = new NodeClient("http://127.0.0.1:" + node.httpPort(), Duration.ofSeconds(30))
                    .get("/health", null).json().getJsonObject("components", new JsonObject());
            ValidatorCertificates certs = ValidatorCertificates.load(List.of(dataDir.resolve("services")
                    .resolve("chain-anchor").resolve("validators")));
            String chainId = health.getJsonObject("chain-anchor", new JsonObject()).getString("chainId", "carbonx-local");
            checks.chainAndReplay(reader, config, new DayChecks.ChainInputs(chainId, ChainTrust.trust(caDir), certs,
                    ChainTrust.validatorCount(certs)), name -> health.getJsonObject(name, new JsonObject()), results);
            String defaultId = (log.fact("scene.default") instanceof JsonObject d) ? d.getString("defaultId") : null;
            List<EvidenceCheck.Outcome> evidence = checks.evidence(new EvidenceCheck(cast.court(),
                    ChainTrust.root(caDir), outDir.resolve("evidence")), snap.facts(), defaultId);
            evidence.forEach(e -> results.add(e.check()));
            DayChecks.Result result = new DayChecks.Result(snap.facts(), snap.accounts(), snap.holdings(), results,
                    states.states(), evidence);
            progress.step("summary and report");
            new DemoReport(options, plan, cast, log, result, anchored, progress.elapsedSeconds()).write(outDir);
            results.forEach(r -> progress.plain("  " + r.render()));
            progress.plain("summary: " + outDir.resolve("demo-summary.json") + "  report: "
                    + outDir.resolve("demo-report.md"));
            progress.plain(result.passed() ? "carbonx demo: PASSED (" + results.size() + " checks)"
                    : "carbonx demo: FAILED (" + results.stream().filter(r -> r.status()
                    == CheckResult.Status.FAILED).count() + " of " + results.size() + " checks failed)");
            return result.passed() ? OK : CHECK_FAILED;
        }
    }

    private static long activeEnterprises(DayChecks.Snapshot snap) {
        return snap.accounts().stream().filter(a -> "ENTERPRISE".equals(a.getString("role"))
                && !"CANCELLED".equals(a.getString("status"))).count();
    }

    private DemoNodeConfig.SessionTimes times(DemoPlan plan, Progress progress) {
        DemoNodeConfig.SessionTimes t = DemoNodeConfig.SessionTimes.at(System.currentTimeMillis(), plan);
        if (t == null) {
            long next = (System.currentTimeMillis() / DemoNodeConfig.SessionTimes.DAY_MS + 1)
                    * DemoNodeConfig.SessionTimes.DAY_MS + 2_000;
            progress.plain("the session would cross midnight UTC; waiting " + (next - System.currentTimeMillis()) / 1_000
                    + " s for the next day");
            Waits.untilTime(next);
            t = DemoNodeConfig.SessionTimes.at(System.currentTimeMillis(), plan);
        }
        return t;
    }

    private Path prepare(Path outDir) {
        try {
            Files.createDirectories(outDir);
            if (options.dataDir() == null) {
                return Files.createTempDirectory("carbonx-demo-").toAbsolutePath();
            }
            Path d = options.dataDir().toAbsolutePath();
            if (Files.isDirectory(d)) {
                try (Stream<Path> s = Files.list(d)) {
                    if (s.findAny().isPresent()) {
                        throw new DemoException("--data-dir " + d + " is not empty: the demo needs a fresh one");
                    }
                }
            }
            Files.createDirectories(d);
            return d;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static NodeConfig config(Path outDir, Path dataDir, DemoNodeConfig.SessionTimes times, DemoPlan plan) {
        Path file = outDir.resolve("demo-config.yaml");
        try {
            Files.writeString(file, "# carbonx demo: the node configuration it ran with (JSON is YAML)\n"
                    + DemoNodeConfig.build(dataDir.toString(), times, plan).encodePrettily() + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ConfigLoader.load(new ConfigRequest(Optional.of(file), outDir, Map.of(), Optional.empty()),
                ServiceCatalog.discover());
    }

    private static void delete(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: a temporary directory
        }
    }
}
