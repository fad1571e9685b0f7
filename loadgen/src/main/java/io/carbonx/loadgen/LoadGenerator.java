package io.carbonx.loadgen;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code carbonx-loadgen}: drives signed orders through the whole pipeline and reports latency percentiles per
 * stage. Exit code 0 when every order and trade is accounted for exactly once and cash and units are conserved, 3
 * when a check failed, 1 when the run could not be carried out, 2 on usage errors.
 */
@Command(name = "carbonx-loadgen", mixinStandardHelpOptions = true,
        description = {"End-to-end load generator: signed orders through the gateway (HTTP intake), registry"
                + " acceptance, matching, settlement and PBFT anchoring, at a fixed rate (--rate) or at maximum (--max).",
                "Reports HdrHistogram latency percentiles (coordinated-omission corrected: from each order's intended"
                        + " send time) for order→accepted, order→trade, trade→settled and event→finalised block; checks"
                        + " exactly-once accounting and conservation; writes .hgrm files, an SVG chart and appends"
                        + " to the Markdown report."})
public final class LoadGenerator implements Callable<Integer> {

    /** Exit code: the run passed its checks. */
    public static final int OK = 0;
    /** Exit code: the run could not be carried out. */
    public static final int FAILURE = 1;
    /** Exit code: a check failed. */
    public static final int CHECK_FAILED = 3;

    @Option(names = "--rate", paramLabel = "N", defaultValue = "1000", description = "Orders/s (default ${DEFAULT-VALUE}).")
    int rate;

    @Option(names = "--max", description = "Open loop at maximum rate (every lane back to back).")
    boolean max;

    @Option(names = "--duration", paramLabel = "SECONDS", defaultValue = "60",
            description = "Timed seconds at --rate (default ${DEFAULT-VALUE}).")
    int duration;

    @Option(names = "--orders", paramLabel = "N", defaultValue = "0",
            description = "Timed orders (overrides rate × duration; default for --max: 60000).")
    int orders;

    @Option(names = "--warmup", paramLabel = "SECONDS", defaultValue = "120",
            description = "Warm-up seconds, not timed (default ${DEFAULT-VALUE}: on two cores the JVM of the whole "
                    + "stack keeps compiling for minutes, and a 10 s warm-up timed the JIT, not the pipeline).")
    int warmup;

    @Option(names = "--warmup-rate", paramLabel = "N", defaultValue = "0",
            description = "Warm-up orders/s (default: --rate, or 500 with --max).")
    int warmupRate;

    @Option(names = "--enterprises", paramLabel = "N", defaultValue = "32",
            description = "Trading enterprises, one HTTP lane each; even: half sell, half buy"
                    + " (default ${DEFAULT-VALUE}).")
    int enterprises;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "1",
            description = "Orders of one enterprise per HTTP request, 1..100 (default ${DEFAULT-VALUE}:"
                    + " POST /api/v1/orders; above 1: POST /api/v1/order-batches, mass order entry).")
    int batch;

    @Option(names = "--api", paramLabel = "URL", description = "An external node's API (default: embedded stack).")
    String api;

    @Option(names = "--bootstrap", paramLabel = "HOST:PORT", description = "The external node's Kafka.")
    String bootstrap;

    @Option(names = "--ca-dir", paramLabel = "DIR", description = "The external registry's CA directory.")
    Path caDir;

    @Option(names = "--ca-passphrase", paramLabel = "TEXT", description = "Its passphrase.")
    String caPassphrase;

    @Option(names = "--label", paramLabel = "NAME", description = "Run name (default: rate-<N> or max).")
    String label;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "benchmarks/results/e2e",
            description = ".hgrm, .svg and node log (default ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--report", paramLabel = "FILE", defaultValue = "benchmarks/results/e2e.md",
            description = "Markdown report the run's section is appended to (default ${DEFAULT-VALUE}; 'none').")
    String report;

    @Option(names = "--work-dir", paramLabel = "DIR", description = "Profiles and node data (default: a temp dir).")
    Path workDir;

    @Option(names = "--settlement-window-ms", paramLabel = "MS", defaultValue = "100",
            description = "Embedded registry's settlement window (default ${DEFAULT-VALUE}).")
    long settlementWindowMs;

    @Option(names = "--drain-timeout", paramLabel = "SECONDS", defaultValue = "180",
            description = "Bound on waiting for every outcome, settlement and block (default ${DEFAULT-VALUE}).")
    int drainTimeout;

    private String command = "";

    @Override
    public Integer call() throws Exception {
        if (api != null && (bootstrap == null || caDir == null)) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--api needs --bootstrap and --ca-dir");
        }
        if (!max && rate <= 0 || enterprises < 2 || enterprises % 2 != 0 || batch < 1 || batch > 100) {
            throw new CommandLine.ParameterException(new CommandLine(this),
                    "--rate > 0, --enterprises even and >= 2 (half sell, half buy), --batch 1..100");
        }
        int warmRate = warmupRate > 0 ? warmupRate : max ? 500 : rate;
        int timed = orders > 0 ? orders : max ? 60_000 : 0;
        String name = label != null ? label : max ? "max" : "rate-" + rate;
        Path work = workDir != null ? workDir : Files.createTempDirectory("carbonx-loadgen-");
        PrintWriter pw = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        RunSettings settings = new RunSettings(name, rate, max, duration, timed, warmup, warmRate, enterprises, batch, api,
                bootstrap, caDir, caPassphrase, work, out, "none".equals(report) ? null : Path.of(report),
                settlementWindowMs, drainTimeout, command);
        try {
            RunResult r = new LoadRun(settings, pw).execute();
            return r.passed() ? OK : CHECK_FAILED;
        } catch (RuntimeException e) {
            pw.println("carbonx-loadgen: FAILED: " + e);
            e.printStackTrace(pw);
            return FAILURE;
        }
    }

    /** Entry point. */
    public static void main(String[] args) {
        LoadGenerator g = new LoadGenerator();
        g.command = "carbonx-loadgen " + String.join(" ", args);
        int code = new CommandLine(g).execute(args);
        System.exit(code);
    }
}
