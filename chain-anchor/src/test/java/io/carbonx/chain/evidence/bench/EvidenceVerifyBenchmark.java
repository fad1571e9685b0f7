package io.carbonx.chain.evidence.bench;

import io.carbonx.chain.evidence.EvidenceFixture;
import io.carbonx.chain.evidence.EvidenceVerifier;
import io.carbonx.chain.evidence.SampleBundles;
import io.carbonx.chain.evidence.VerificationReport;
import io.carbonx.chain.evidence.cli.EvidenceVerifyCommand;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Evidence bundle verification benchmark (not run by {@code mvn verify}): warm in-process verification of the five
 * sample bundles (after a warm-up, timed per call, p50/p90/p99/mean), and cold verification by the CLI in a fresh
 * JVM per run ({@code java -cp <this JVM's class path> EvidenceVerifyCommand <bundle> --root root.pem}, wall time
 * of the whole process). Prints the figures and writes a Markdown report.
 *
 * <pre>
 * mvn -pl chain-anchor test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.carbonx.chain.evidence.bench.EvidenceVerifyBenchmark \
 *     -Dexec.args="chain-anchor/benchmarks-results/evidence.md"
 * </pre>
 * Arguments: report path (default {@code benchmarks-results/evidence.md}), warm-up calls per bundle (default
 * 3000), timed calls (default 3000), cold runs (default 7).
 */
public final class EvidenceVerifyBenchmark {

    private EvidenceVerifyBenchmark() {
    }

    /** Runs the benchmark. */
    public static void main(String[] args) throws Exception {
        Path report = Path.of(args.length > 0 ? args[0] : "benchmarks-results/evidence.md");
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 3000;
        int timed = args.length > 2 ? Integer.parseInt(args[2]) : 3000;
        int coldRuns = args.length > 3 ? Integer.parseInt(args[3]) : 7;
        EvidenceFixture fx = EvidenceFixture.create(EvidenceFixture.Seller.NORMAL);
        Map<String, byte[]> bundles = SampleBundles.build(fx);
        X509Certificate root = fx.pki.root();
        StringBuilder md = new StringBuilder("# Evidence bundle verification\n\n");
        md.append("Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, load average at start ")
                .append(String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()))
                .append(", ").append(System.getProperty("java.vm.name")).append(' ').append(System.getProperty("java.version"))
                .append(".\n\n## Warm (in-process, after ").append(warmup)
                .append(" warm-up calls per bundle, all bundles round robin before any is timed)\n\n")
                .append("| bundle | bytes | events | checks | p50 ms | p90 ms | p99 ms | mean ms |\n|---|---|---|---|---|---|---|---|\n");
        System.out.println("warm verification (" + warmup + " warm-up, " + timed + " timed calls per bundle)");
        EvidenceVerifier verifier = new EvidenceVerifier();
        Map<String, VerificationReport> reports = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, byte[]> e : bundles.entrySet()) {
            VerificationReport r = verifier.verify(e.getValue(), root);
            if (!r.valid()) {
                throw new IllegalStateException(e.getKey() + " does not verify:\n" + r.render());
            }
            reports.put(e.getKey(), r);
        }
        // Every bundle warms up before any is timed, round robin: the code they share (signatures, parsing, path
        // validation) is compiled by then, so no bundle's figures depend on whether it is timed first or last.
        for (int i = 0; i < warmup; i++) {
            for (byte[] bundle : bundles.values()) {
                verifier.verify(bundle, root);
            }
        }
        for (Map.Entry<String, byte[]> e : bundles.entrySet()) {
            VerificationReport r = reports.get(e.getKey());
            long[] ns = new long[timed];
            for (int i = 0; i < timed; i++) {
                long t0 = System.nanoTime();
                verifier.verify(e.getValue(), root);
                ns[i] = System.nanoTime() - t0;
            }
            Arrays.sort(ns);
            String line = String.format(Locale.ROOT, "| %s | %d | %d | %d | %.3f | %.3f | %.3f | %.3f |", e.getKey(),
                    e.getValue().length, r.eventCount(), r.checks().size(), ms(ns[timed / 2]), ms(ns[timed * 9 / 10]),
                    ms(ns[timed * 99 / 100]), ms(Arrays.stream(ns).sum() / timed));
            System.out.println(line);
            md.append(line).append('\n');
        }
        cold(bundles, fx, coldRuns, md);
        Files.createDirectories(report.toAbsolutePath().getParent());
        Files.writeString(report, md.toString());
        System.out.println("report written to " + report.toAbsolutePath());
    }

    private static void cold(Map<String, byte[]> bundles, EvidenceFixture fx, int runs, StringBuilder md)
            throws Exception {
        Path dir = Files.createTempDirectory("evidence-bench");
        SampleBundles.write(fx, dir);
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        StringBuilder cp = new StringBuilder();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            cp.append(cp.length() == 0 ? "" : java.io.File.pathSeparator).append(Path.of(entry).toAbsolutePath());
        }
        md.append("\n## Cold (fresh JVM per run: `java -cp <class path> ").append(EvidenceVerifyCommand.class.getName())
                .append(" trade.zip --root root.pem -q`, wall time of the process, ").append(runs).append(" runs)\n\n")
                .append("| JVM options | min ms | median ms | max ms |\n|---|---|---|---|\n");
        System.out.println("cold CLI verification of trade.zip (" + runs + " fresh JVMs each)");
        for (List<String> options : List.of(List.<String>of(), List.of("-XX:TieredStopAtLevel=1"),
                List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto"))) {
            long[] ms = new long[runs];
            for (int i = 0; i < runs; i++) {
                List<String> cmd = new ArrayList<>(List.of(javaBin));
                cmd.addAll(options);
                cmd.addAll(List.of("-cp", cp.toString(), EvidenceVerifyCommand.class.getName(), "trade.zip", "--root", "root.pem", "-q"));
                ms[i] = runOnce(cmd, dir);
            }
            Arrays.sort(ms);
            String line = String.format(Locale.ROOT, "| `%s` | %d | %d | %d |", options.isEmpty() ? "(none)"
                    : String.join(" ", options), ms[0], ms[runs / 2], ms[runs - 1]);
            System.out.println(line);
            md.append(line).append('\n');
        }
    }

    private static long runOnce(List<String> cmd, Path dir) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != EvidenceVerifyCommand.VALID) {
            throw new IllegalStateException("CLI run failed: " + out);
        }
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
    }

    private static double ms(long ns) {
        return ns / 1e6;
    }
}
