package io.carbonx.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.util.Statistics;

/**
 * Runs a benchmark suite with JMH, prints the figures and writes a Markdown report.
 *
 * <p>Arguments: suite ({@code matching}: the order book and the uncross; {@code signatures}: one order signature
 * verification, {@link SignatureVerifyBenchmark}), forks, warmup iterations, measurement iterations, iteration
 * time (e.g. {@code 2s}), report path. Normally launched by {@code mvn -pl benchmarks exec:exec}
 * ({@code -Dbench=signatures} for the second suite; the report goes to {@code results/<suite>.md}).
 */
public final class BenchmarkMain {

    private static final double TARGET_COMMANDS_PER_S = 3_000_000;
    private static final double TARGET_P99_NS = 1_000;
    private static final double TARGET_UNCROSS_US = 1_000;

    private BenchmarkMain() {
    }

    public static void main(String[] args) throws RunnerException, IOException {
        if (args.length != 6 || !List.of("matching", "signatures").contains(args[0])) {
            throw new IllegalArgumentException("usage: matching|signatures <forks> <warmups> <iterations> <time>"
                    + " <report>");
        }
        boolean matching = "matching".equals(args[0]);
        TimeValue time = TimeValue.fromString(args[4]);
        OptionsBuilder builder = new OptionsBuilder();
        if (matching) {
            builder.include(OrderBookBenchmark.class.getName()).include(UncrossBenchmark.class.getName());
        } else {
            builder.include(SignatureVerifyBenchmark.class.getName());
        }
        Options options = builder
                .forks(Integer.parseInt(args[1]))
                .warmupIterations(Integer.parseInt(args[2]))
                .measurementIterations(Integer.parseInt(args[3]))
                .warmupTime(time)
                .measurementTime(time)
                .jvmArgs("-Xms2g", "-Xmx2g", "-XX:+UseParallelGC")
                .build();
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        Collection<RunResult> results = new Runner(options).run();
        double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        String report = matching ? report(results, args, loadBefore, loadAfter)
                : signatureReport(results, args, loadBefore, loadAfter);
        System.out.println(report);
        Path path = Path.of(args[5]);
        if (path.getParent() != null) {
            Files.createDirectories(path.getParent());
        }
        Files.writeString(path, report, StandardCharsets.UTF_8);
        System.out.println("report written to " + path.toAbsolutePath());
    }

    private static String report(Collection<RunResult> results, String[] args, double loadBefore,
                                 double loadAfter) {
        List<String> lines = new ArrayList<>();
        lines.add("# Matching engine benchmarks");
        lines.add("");
        lines.add("Run " + Instant.now() + " on " + Runtime.getRuntime().availableProcessors() + " CPUs, "
                + System.getProperty("java.vm.name") + " " + System.getProperty("java.version")
                + String.format(Locale.ROOT, ", load average %.1f before / %.1f after", loadBefore, loadAfter)
                + " (other builds share the machine).");
        lines.add("JMH: " + args[1] + " fork, " + args[2] + " warmup and " + args[3] + " measurement iterations of "
                + args[4] + "; heap 2 GB, ParallelGC. Reproduce: `mvn -B -pl benchmarks -am package -DskipTests &&"
                + " mvn -B -pl benchmarks exec:exec`.");
        lines.add("");
        lines.add("| benchmark | mode | score | error (99.9%) | p50 | p90 | p99 | p99.9 | target | verdict |");
        lines.add("|---|---|---|---|---|---|---|---|---|---|");
        for (RunResult run : results) {
            lines.add(row(run));
        }
        lines.add("");
        lines.add("Per-iteration scores (measurement iterations, in the unit above):");
        lines.add("");
        for (RunResult run : results) {
            lines.add("- " + shortName(run) + " (" + run.getParams().getMode().shortLabel() + "): "
                    + iterations(run));
        }
        lines.add("");
        lines.add("The machine's 2 CPUs are shared with other builds, so a run can be preempted for milliseconds:"
                + " averages and high percentiles absorb that, the sample-mode median much less so.");
        lines.add("");
        lines.add("Standard mix (`MatchingWorkload`, seed 42, replayed as a closed cycle; passive orders near the touch,"
                + " aggressive IOC/GTC limits and market IOCs through it, cancels and replaces of live orders, half of"
                + " the replaces keeping priority; 100 participants with mixed grades; book held near 2,000 orders;"
                + " every event goes to a Blackhole): "
                + MatchingWorkload.composition(MatchingWorkload.standardMix(42, 1 << 19, 2_000)) + ".");
        lines.add("");
        lines.add("Uncross: the opening uncross of 10,000 pre-open orders (half bids, half asks over 101 ticks around"
                + " the reference, about 5,000 trades), including emitting every trade event.");
        return String.join(System.lineSeparator(), lines) + System.lineSeparator();
    }

    private static String signatureReport(Collection<RunResult> results, String[] args, double loadBefore,
                                          double loadAfter) {
        int cpus = Runtime.getRuntime().availableProcessors();
        List<String> lines = new ArrayList<>();
        lines.add("# Signature verification");
        lines.add("");
        lines.add("What one order's signature check costs, and so how many orders/s the machine could verify if it did"
                + " nothing else: the gateway verifies every signed order. Reproduce: `mvn -B -pl benchmarks -am package"
                + " -DskipTests && mvn -B -pl benchmarks exec:exec -Dbench=signatures`.");
        lines.add("");
        lines.add("Run " + Instant.now() + ".");
        lines.add(cpus + " CPUs, " + System.getProperty("java.vm.name") + " " + System.getProperty("java.version")
                + String.format(Locale.ROOT, ", load average %.1f before / %.1f after", loadBefore, loadAfter)
                + "; JMH " + args[1] + " fork, " + args[2] + " warmups and " + args[3] + " iterations of " + args[4]
                + ". One verification of a 300-byte signed request (`SignatureVerifyBenchmark`): `carbonx` is the"
                + " gateway's verifier (BouncyCastle lightweight API), `jdk` the JDK's default provider.");
        lines.add("");
        lines.add("| key | verifier | µs per verification | error (99.9%) | verifications/s on all " + cpus
                + " CPUs, nothing else running |");
        lines.add("|---|---|---:|---:|---:|");
        for (RunResult run : results) {
            double us = run.getPrimaryResult().getScore();
            String name = run.getParams().getBenchmark();
            lines.add("| " + run.getParams().getParam("keyKind") + " | " + name.substring(name.lastIndexOf('.') + 1)
                    + " | " + number(us) + " | " + number(run.getPrimaryResult().getScoreError()) + " | "
                    + number(cpus * 1e6 / us) + " |");
        }
        return String.join(System.lineSeparator(), lines) + System.lineSeparator();
    }

    private static String shortName(RunResult run) {
        String benchmark = run.getParams().getBenchmark();
        return benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1);
    }

    private static String iterations(RunResult run) {
        List<String> scores = new ArrayList<>();
        for (BenchmarkResult result : run.getBenchmarkResults()) {
            for (IterationResult iteration : result.getIterationResults()) {
                scores.add(number(iteration.getPrimaryResult().getScore()));
            }
        }
        return String.join(", ", scores);
    }

    private static String row(RunResult run) {
        String name = shortName(run);
        String mode = run.getParams().getMode().shortLabel();
        Result<?> primary = run.getPrimaryResult();
        String unit = primary.getScoreUnit();
        String p50 = "";
        String p90 = "";
        String p99 = "";
        String p999 = "";
        String target = "";
        String verdict = "";
        if ("sample".equals(mode)) {
            Statistics stats = primary.getStatistics();
            p50 = number(stats.getPercentile(50));
            p90 = number(stats.getPercentile(90));
            p99 = number(stats.getPercentile(99));
            p999 = number(stats.getPercentile(99.9));
            if (name.contains("standardMix")) {
                target = "p99 ≤ 1000 ns";
                verdict = stats.getPercentile(99) <= TARGET_P99_NS ? "PASS" : "FAIL";
            }
        } else if (name.contains("standardMix")) {
            target = "≥ 3,000,000 ops/s";
            verdict = primary.getScore() >= TARGET_COMMANDS_PER_S ? "PASS" : "FAIL";
        } else if (name.contains("Uncross")) {
            target = "≤ 1000 us/op";
            verdict = primary.getScore() <= TARGET_UNCROSS_US ? "PASS" : "FAIL";
        }
        return "| " + name + " | " + mode + " | " + number(primary.getScore()) + " " + unit + " | "
                + number(primary.getScoreError()) + " | " + p50 + " | " + p90 + " | " + p99 + " | " + p999 + " | "
                + target + " | " + verdict + " |";
    }

    private static String number(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        return value >= 100 ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%.2f", value);
    }
}
