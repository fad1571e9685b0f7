package io.carbonx.loadgen;

import io.carbonx.eventlog.KafkaClients;
import io.carbonx.node.client.NodeClient;
import io.carbonx.node.demo.NodeLog;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * One load run end to end: the stack (embedded or external), the enterprises, the signed plan, warm-up, the timed
 * part, the drain (every outcome, settlement and block), the exactly-once and conservation checks, the report.
 */
public final class LoadRun {

    private final RunSettings s;
    private final PrintWriter out;

    /**
     * @param settings what to do
     * @param out      progress and figures
     */
    public LoadRun(RunSettings settings, PrintWriter out) {
        this.s = settings;
        this.out = out;
    }

    /** Runs it. */
    public RunResult execute() throws IOException {
        String startedAt = Instant.now().toString();
        Files.createDirectories(s.outDir());
        Files.createDirectories(s.workDir());
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()));
        EmbeddedStack stack = null;
        NodeLog log = null;
        try {
            String api = s.apiUrl();
            String bootstrap = s.bootstrap();
            Path caDir = s.caDir();
            char[] passphrase = s.caPassphrase() == null ? null : s.caPassphrase().toCharArray();
            if (api == null) {
                log = NodeLog.redirect(s.outDir().resolve(s.label() + "-node.log"));
                say("starting the embedded stack (KRaft broker, registry, exchange, rating, 4 PBFT validators)");
                stack = EmbeddedStack.start(s.workDir().resolve("node"), s.settlementWindowMs(), System.getenv());
                api = stack.apiUrl();
                bootstrap = stack.bootstrapServers();
                caDir = stack.caDir();
                passphrase = stack.caPassphrase();
                say("stack up: " + api + ", Kafka " + bootstrap);
            }
            String tag = "lg" + Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
            Preparation.Prepared market = new Preparation(new NodeClient(api, Duration.ofSeconds(60)), pool, out)
                    .run(s.workDir().resolve("profiles-" + tag), caDir, passphrase, s.enterprises(), tag,
                            100_000_000L, 1_000_000_000_000L);
            return timed(market, api, bootstrap, tag, pool, startedAt);
        } finally {
            pool.shutdownNow();
            if (stack != null) {
                say("stopping the embedded stack");
                stack.close();
            }
            if (log != null) {
                log.close();
            }
        }
    }

    private RunResult timed(Preparation.Prepared market, String api, String bootstrap, String tag,
                            ExecutorService pool, String startedAt) {
        int warm = s.warmupOrders();
        int measured = s.measuredOrders();
        int total = warm + measured;
        long t = System.nanoTime();
        OrderPlan plan = OrderPlan.build(tag, market.traders(), total, new OrderPlan.Market(EmbeddedStack.INSTRUMENT,
                EmbeddedStack.MID_PRICE, EmbeddedStack.TICK, EmbeddedStack.LOT), pool);
        say(String.format(Locale.ROOT, "signed %,d orders in %.1f s (ECDSA P-256, not timed)", total,
                (System.nanoTime() - t) / 1e9));
        Accounting accounting = new Accounting(total);
        AtomicLongArray start = new AtomicLongArray(total);
        StageLatencies latencies = new StageLatencies();
        Conservation before = Conservation.read(market.regulator());
        try (PipelineObserver observer = new PipelineObserver(new KafkaClients(bootstrap), plan, accounting, start,
                latencies);
             OrderSender sender = new OrderSender(api, plan, accounting, start, 2, s.batch())) {
            observer.start();
            if (warm > 0) {
                say(String.format(Locale.ROOT, "warm-up: %,d orders at %,d/s", warm, s.warmupRate()));
                sender.run(0, warm, System.nanoTime(), TimeUnit.SECONDS.toNanos(1) / s.warmupRate());
                sender.awaitAnswered(warm, TimeUnit.SECONDS.toMillis(s.drainTimeoutSeconds()));
            }
            observer.measureFrom(warm);
            say(String.format(Locale.ROOT, "timed: %,d orders %s", measured, s.max() ? "at maximum rate"
                    : "at " + s.rate() + "/s"));
            long t0 = System.nanoTime();
            long cpu0 = processCpuNanos();
            sender.run(warm, total, t0, s.max() ? 0 : TimeUnit.SECONDS.toNanos(1) / s.rate());
            double sendSeconds = (System.nanoTime() - t0) / 1e9;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(s.drainTimeoutSeconds());
            double seconds = awaitOutcomes(accounting, observer, t0, deadline);
            double cpuMsPerOrder = (processCpuNanos() - cpu0) / 1e6 / measured;
            boolean drained = awaitDrain(observer, deadline);
            sender.awaitAnswered(total, 10_000);
            observer.stop();
            Conservation after = Conservation.read(market.regulator());
            String conservation = after.compare(before);
            say(String.format(Locale.ROOT, "conservation: %d accounts, cash %,d, units %,d (before: cash %,d, units"
                    + " %,d)", after.accounts(), after.cashMinor(), after.units(), before.cashMinor(), before.units()));
            double tradesPerSec = latencies.of(Stage.ORDER_TO_TRADE).getTotalCount() / seconds;
            RunResult r = new RunResult(s.label(), s.max() ? 0 : s.rate(), measured, sendSeconds,
                    measured / seconds, tradesPerSec, cpuMsPerOrder, latencies.copy(), accounting.verify(), conservation, drained,
                    loadAverage(), startedAt, s.command());
            String figures = ReportWriter.write(r, s.outDir(), s.report());
            out.println();
            out.print(figures);
            out.flush();
            return r;
        }
    }

    /** Waits until every order has an outcome (bounded); returns the seconds since {@code t0}. */
    private double awaitOutcomes(Accounting accounting, PipelineObserver observer, long t0, long deadline) {
        long nextNote = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (accounting.resolved() < accounting.orders() && System.nanoTime() < deadline) {
            pause();
            if (System.nanoTime() > nextNote) {
                nextNote += TimeUnit.SECONDS.toNanos(15);
                say(String.format(Locale.ROOT, "%.0f s: %s", (System.nanoTime() - t0) / 1e9, observer.status()));
            }
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    /** Waits until every trade is settled and every timed event is in a block (bounded); true if so. */
    private boolean awaitDrain(PipelineObserver observer, long deadline) {
        while (!observer.drained() && System.nanoTime() < deadline) {
            pause();
        }
        if (!observer.drained()) {
            say("drain timed out: " + observer.status());
        }
        return observer.drained();
    }

    private static void pause() {
        try {
            Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** CPU time of every thread of this JVM so far (the whole pipeline when the stack is embedded). */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }

    private void say(String line) {
        out.println("loadgen: " + line);
        out.flush();
    }
}
