package io.carbonx.chain.bench;

import io.carbonx.chain.core.block.TopicPartition;
import io.carbonx.chain.runtime.ValidatorStatus;
import io.carbonx.eventlog.KafkaClients;
import io.carbonx.eventlog.TopicAdmin;
import io.carbonx.eventlog.TopicSpec;
import io.carbonx.eventlog.broker.EmbeddedKafkaBroker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The anchoring load generator (not a test; never run by {@code mvn verify}). Four validators with real
 * Ed25519 signatures, fsynced vote logs and block stores, each reading the log itself, on this machine:
 * <ul>
 *   <li><b>finality</b>: events appended at a fixed rate; per event, append time (record timestamp) → first
 *       commit of its block, p50/p99/max;</li>
 *   <li><b>throughput</b>: a burst of events appended as fast as possible; events anchored per second from the
 *       first append to the commit of the block holding the last one;</li>
 *   <li><b>view change</b>: under load, the primary is stopped; time until every live validator entered the
 *       new view, and until the first block commits in it.</li>
 * </ul>
 * Each runs in process (the validators read a {@code MemoryLog}; no Kafka) and over an embedded Kafka broker
 * (read_committed consumers, one per validator). Figures are printed and written as Markdown.
 *
 * <pre>
 * java -cp ... io.carbonx.chain.bench.AnchoringBenchmark [report.md] [inproc|kafka|all] [seconds] [burst] [viewChanges]
 * </pre>
 * {@code -Dbench.rates=r1,r2} limits the rates; {@code -Dbench.warmupMs=N} sets each mode's paced warm-up (60 s).
 */
public final class AnchoringBenchmark {

    private static final int EVENT_BYTES = 200;
    private static final long VIEW_TIMEOUT_MS = 500;
    /**
     * Paced warm-up before each mode's figures. With 5 s (until 2026-11-22) the Kafka figures were taken while the
     * JIT was still compiling the broker and clients: p50 23–37 ms at 1,000–20,000 events/s, 17–23 ms warm.
     */
    private static final long DEFAULT_WARMUP_MS = 60_000;

    private final StringBuilder report = new StringBuilder();
    private final long seconds;
    private final long burst;
    private final int viewChanges;

    private AnchoringBenchmark(long seconds, long burst, int viewChanges) {
        this.seconds = seconds;
        this.burst = burst;
        this.viewChanges = viewChanges;
    }

    /** Entry point; see the class comment for the arguments. */
    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "benchmarks/results/anchoring.md");
        String mode = args.length > 1 ? args[1] : "all";
        AnchoringBenchmark b = new AnchoringBenchmark(args.length > 2 ? Long.parseLong(args[2]) : 10,
                args.length > 3 ? Long.parseLong(args[3]) : 300_000, args.length > 4 ? Integer.parseInt(args[4]) : 5);
        Path work = Files.createTempDirectory("anchoring-bench");
        try {
            b.header(mode);
            if (mode.equals("all") || mode.equals("inproc")) {
                b.inProcess(work.resolve("inproc"));
            }
            if (mode.equals("all") || mode.equals("kafka")) {
                b.overKafka(work.resolve("kafka"));
            }
        } finally {
            deleteTree(work);
        }
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, b.report);
        System.out.println("report written to " + out.toAbsolutePath());
        System.exit(0);
    }

    private void header(String mode) {
        line("# Anchoring benchmark");
        line("");
        line("Run " + Instant.now() + " on " + Runtime.getRuntime().availableProcessors() + " cores, Java "
                + System.getProperty("java.version") + ", max heap "
                + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB, mode " + mode + ".");
        line("Four validators (n = 4, f = 1) in one JVM on the in-memory bus, Ed25519 votes (BouncyCastle), every vote "
                + "fsynced before it is sent, each validator reading the log itself; events of " + EVENT_BYTES
                + " bytes; blocks cut at 5000 events or 10 ms; view timeout " + VIEW_TIMEOUT_MS + " ms.");
        line("Finality = record append timestamp → first commit of its block (ms resolution). Warm-up before each "
                + "mode's figures: " + warmupMs() / 1000.0 + " s paced (-Dbench.warmupMs).");
        line("");
    }

    private void inProcess(Path dir) throws Exception {
        List<String> topics = List.of("bench.orders", "bench.settlement", "bench.trades");
        List<TopicPartition> partitions = partitions(topics, 2);
        line("## In process (validators read an in-memory log; no Kafka)");
        line("");
        try (BenchChain chain = new BenchChain(dir, null, topics, 5000, 10, VIEW_TIMEOUT_MS, "blocks", "views")) {
            LoadGenerator gen = new LoadGenerator(partitions, EVENT_BYTES);
            LoadGenerator.Sink sink = LoadGenerator.into(chain.log);
            gen.paced(20_000, warmupMs(), sink);
            awaitAnchored(chain, chain.log.size());
            chain.takeFinality();
            finalityTable(chain, gen, sink, rates(List.of(1_000L, 5_000L, 20_000L, 50_000L, 100_000L, 150_000L)));
            throughput(chain, () -> gen.burst(burst, sink), chain.log.size() + burst);
            unplannedViewChanges(chain);
            viewChange(chain, gen, sink);
        }
    }

    private void overKafka(Path dir) throws Exception {
        List<String> topics = List.of("bench.orders", "bench.settlement", "bench.trades");
        List<TopicPartition> partitions = partitions(topics, 4);
        line("## Over Kafka (embedded KRaft broker in the same JVM; each validator a read_committed consumer)");
        line("");
        try (EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(
                EmbeddedKafkaBroker.BrokerSettings.ephemeralPorts(dir.resolve("broker"))).start()) {
            KafkaClients clients = new KafkaClients(broker.bootstrapServers());
            try (Admin admin = clients.newAdmin()) {
                List<TopicSpec> specs = new ArrayList<>();
                topics.forEach(t -> specs.add(TopicSpec.of(t, 4, 1)));
                specs.add(TopicSpec.of("bench.blocks", 1, 1));
                specs.add(TopicSpec.of("bench.views", 1, 1));
                new TopicAdmin(admin, Duration.ofSeconds(60)).ensureTopics(specs);
            }
            try (KafkaProducer<byte[], byte[]> producer = clients.newProducer(clients.producerConfig("bench-load"));
                 BenchChain chain = new BenchChain(dir.resolve("chain"), clients, topics, 5000, 10,
                         VIEW_TIMEOUT_MS, "bench.blocks", "bench.views")) {
                LoadGenerator gen = new LoadGenerator(partitions, EVENT_BYTES);
                long[] produced = new long[1];
                LoadGenerator.Sink sink = (tps, values) -> {
                    for (int i = 0; i < values.size(); i++) {
                        producer.send(new ProducerRecord<>(tps.get(i).topic(), tps.get(i).partition(), null,
                                values.get(i)));
                    }
                    produced[0] += values.size();
                };
                gen.paced(10_000, warmupMs(), sink);
                producer.flush();
                awaitAnchored(chain, produced[0]);
                chain.takeFinality();
                finalityTable(chain, gen, (tps, values) -> {
                    sink.accept(tps, values);
                    producer.flush();
                }, rates(List.of(1_000L, 5_000L, 20_000L, 50_000L, 100_000L)));
                long target = produced[0] + burst;
                throughput(chain, () -> {
                    gen.burst(burst, sink);
                    producer.flush();
                }, target);
                unplannedViewChanges(chain);
                line("Blocks published to the blocks topic: height " + chain.node.publisher().publishedHeight()
                        + " (" + chain.node.publisher().state() + ").");
                line("");
            }
        }
    }

    private void finalityTable(BenchChain chain, LoadGenerator gen, LoadGenerator.Sink sink, List<Long> rates) {
        line("### Sustained offered load (" + seconds + " s each): anchored rate and finality");
        line("");
        line("| offered events/s | events | anchored events/s | p50 ms | p90 ms | p99 ms | max ms |");
        line("|---:|---:|---:|---:|---:|---:|---:|");
        for (long rate : rates) {
            long before = chain.anchored();
            long t0 = System.currentTimeMillis();
            long sent = gen.paced(rate, seconds * 1000, sink);
            awaitAnchored(chain, before + sent);
            long elapsed = Math.max(1, chain.lastCommitMs() - t0);
            Histogram h = chain.takeFinality();
            line(String.format(Locale.ROOT, "| %,d | %,d | %,.0f | %d | %d | %d | %d |", rate, h.getTotalCount(),
                    sent * 1000.0 / elapsed, h.getValueAtPercentile(50), h.getValueAtPercentile(90),
                    h.getValueAtPercentile(99), h.getMaxValue()));
        }
        line("");
    }

    private void throughput(BenchChain chain, Runnable load, long target) {
        if (burst <= 0) {
            return;
        }
        long t0 = System.currentTimeMillis();
        long h0 = chain.height();
        load.run();
        long appendedMs = System.currentTimeMillis() - t0;
        awaitAnchored(chain, target);
        long elapsed = chain.lastCommitMs() - t0;
        chain.takeFinality();
        long blocks = chain.height() - h0;
        line("### Burst (" + String.format(Locale.ROOT, "%,d", burst) + " events appended as fast as possible)");
        line("");
        line(String.format(Locale.ROOT, "- appended in %,d ms (%,.0f events/s offered)", appendedMs,
                burst * 1000.0 / Math.max(1, appendedMs)));
        line(String.format(Locale.ROOT, "- all anchored %,d ms after the first append: **%,.0f events/s anchored**, "
                + "%,d blocks (%,.0f events/block)", elapsed, burst * 1000.0 / Math.max(1, elapsed), blocks,
                burst / (double) Math.max(1, blocks)));
        line("");
    }

    private void viewChange(BenchChain chain, LoadGenerator gen, LoadGenerator.Sink sink) throws Exception {
        line("### View change after a primary crash (under 5,000 events/s)");
        line("");
        line("| run | old view | new view | all live validators in new view (ms) | first commit in new view (ms) |");
        line("|---:|---:|---:|---:|---:|");
        Thread load = new Thread(() -> gen.paced(5_000, (viewChanges + 1) * 6_000L, sink), "view-change-load");
        load.start();
        Thread.sleep(1_000);
        List<Long> enter = new ArrayList<>();
        for (int run = 1; run <= viewChanges; run++) {
            ValidatorStatus s = chain.statuses().get(0);
            long oldView = s.view();
            int primary = s.primary();
            long height = chain.height();
            long t0 = System.nanoTime();
            chain.node.stopValidator(primary);
            await(() -> chain.views().stream().filter(v -> v[2] > oldView && v[0] >= t0).map(v -> v[1]).distinct()
                    .count() >= 3, 30_000);
            long entered = chain.views().stream().filter(v -> v[2] > oldView && v[0] >= t0)
                    .map(v -> v[0]).sorted(Comparator.reverseOrder()).findFirst().orElseThrow();
            long newView = chain.statuses().stream().mapToLong(ValidatorStatus::view).max().orElseThrow();
            long heightAtEntry = Math.max(height, chain.height());
            await(() -> chain.height() > heightAtEntry, 30_000);
            long committed = System.nanoTime();
            enter.add((entered - t0) / 1_000_000);
            line(String.format(Locale.ROOT, "| %d | %d | %d | %d | %d |", run, oldView, newView,
                    (entered - t0) / 1_000_000, (committed - t0) / 1_000_000));
            chain.node.startValidator(primary);
            await(() -> chain.statuses().stream().allMatch(v -> v.height() >= chain.height() - 1), 30_000);
            Thread.sleep(1_500);
        }
        load.join();
        line("");
        line("Median time to the new view: " + enter.stream().sorted().toList().get(enter.size() / 2) + " ms "
                + "(the view timeout, " + VIEW_TIMEOUT_MS + " ms, is most of it: backups wait that long without a "
                + "commit before asking for a new view).");
        line("");
    }

    private void unplannedViewChanges(BenchChain chain) {
        long views = chain.views().stream().mapToLong(v -> v[2]).max().orElse(0);
        line("View changes so far without any validator stopped: " + views + (views == 0 ? "." : " (views entered: "
                + chain.views().stream().map(v -> "v" + v[2] + "@" + (v[0] - chain.startNanos()) / 1_000_000 + "ms")
                .distinct().toList() + ")."));
        line("");
    }

    /**
     * The warm-up of each mode, paced before any figure is taken: {@code -Dbench.warmupMs} if given, else
     * {@link #DEFAULT_WARMUP_MS}. A JVM hosting the broker and four validators compiles for minutes on two cores.
     */
    private static long warmupMs() {
        return Long.getLong("bench.warmupMs", DEFAULT_WARMUP_MS);
    }

    /** The rates of {@code -Dbench.rates=r1,r2,...} if given (to iterate on one rate), else {@code defaults}. */
    private static List<Long> rates(List<Long> defaults) {
        String given = System.getProperty("bench.rates");
        if (given == null || given.isBlank()) {
            return defaults;
        }
        return Stream.of(given.split(",")).map(String::trim).map(Long::parseLong).toList();
    }

    private static List<TopicPartition> partitions(List<String> topics, int each) {
        List<TopicPartition> out = new ArrayList<>();
        for (String t : topics) {
            for (int p = 0; p < each; p++) {
                out.add(new TopicPartition(t, p));
            }
        }
        return out;
    }

    private static void awaitAnchored(BenchChain chain, long events) {
        await(() -> chain.anchored() >= events, 600_000);
    }

    private static void await(BooleanSupplier condition, long timeoutMs) {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("benchmark condition not reached within " + timeoutMs + " ms");
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private void line(String s) {
        System.out.println(s);
        report.append(s).append('\n');
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
