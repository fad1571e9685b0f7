package io.carbonx.benchmarks;

import io.carbonx.eventlog.KafkaClients;
import io.carbonx.eventlog.broker.EmbeddedKafkaBroker;
import io.carbonx.eventlog.processing.ExactlyOnceProcessor;
import io.carbonx.eventlog.processing.ProcessorSettings;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * What one exactly-once hop costs in latency: records sent at a fixed rate by a plain producer (as the gateway
 * publishes), passed through a chain of {@link ExactlyOnceProcessor} loops (each reads its input
 * {@code read_committed}, writes the record to the next topic in a transaction), and read {@code read_committed} at
 * the end. Each pipeline service (registry, matcher, rating) is such a loop, and an order crosses several of them,
 * so the per-hop latency sets the floor of order→trade and event→finalised.
 *
 * <p>Arguments: report path, rates (records/s, comma-separated), seconds per variant, hops, optionally the
 * variants to run (indexes, e.g. {@code 0,2,0,2} to interleave two). An unreported run of the first variant warms
 * the JVM and the broker up; then each variant runs on its own topics in one embedded KRaft broker, after a warm-up
 * of one second's records: the loops' commit policy and retry back-off are what differ (every loop: at most 500
 * records or 20 ms per transaction, as the registry). Latency is from the record's scheduled send time
 * (coordinated omission corrected) to its arrival at the reader. Run:
 * {@code java -cp "benchmarks/target/classes:$(cat cp.txt)" io.carbonx.benchmarks.TransactionalHopProbe
 * benchmarks/results/hops.md 50,2000,10000 10 3} with the class path from
 * {@code mvn -q -pl benchmarks dependency:build-classpath -Dmdep.outputFile=cp.txt}.
 */
public final class TransactionalHopProbe {

    private record Variant(String name, Duration interval, Duration caughtUpSpacing, Map<String, Object> producer) {
    }

    /** The Kafka client's own retry back-off, which {@code KafkaClients} shortens for transactional producers. */
    private static final Map<String, Object> CLIENT_RETRY = Map.of("retry.backoff.ms", "100",
            "retry.backoff.max.ms", "1000");

    private TransactionalHopProbe() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 4 || args.length > 5) {
            throw new IllegalArgumentException("usage: <report> <rates, e.g. 50,2000> <seconds> <hops>"
                    + " [variant indexes, e.g. 0,2]");
        }
        Path report = Path.of(args[0]);
        List<Integer> rates = java.util.Arrays.stream(args[1].split(",")).map(Integer::parseInt).toList();
        int seconds = Integer.parseInt(args[2]);
        int hops = Integer.parseInt(args[3]);
        List<Variant> variants = List.of(
                new Variant("interval 20 ms, caught-up commits off", Duration.ofMillis(20), null, Map.of()),
                new Variant("caught-up commits, spacing 0", Duration.ofMillis(20), Duration.ZERO, Map.of()),
                new Variant("caught-up commits, spacing 10 ms (the default)", Duration.ofMillis(20),
                        ProcessorSettings.DEFAULT_CAUGHT_UP_COMMIT_SPACING, Map.of()),
                new Variant("caught-up commits, spacing 10 ms, client's default retry back-off 100..1000 ms",
                        Duration.ofMillis(20), ProcessorSettings.DEFAULT_CAUGHT_UP_COMMIT_SPACING, CLIENT_RETRY));
        if (args.length == 5) {
            List<Variant> all = variants;
            variants = java.util.Arrays.stream(args[4].split(",")).map(i -> all.get(Integer.parseInt(i))).toList();
        }
        Path dir = Files.createTempDirectory("hop-probe");
        List<String> lines = new ArrayList<>();
        lines.add("# Exactly-once hop latency");
        lines.add("");
        lines.add(String.format(Locale.ROOT, "Run %s: %s records/s, %d s per variant, %d chained loop(s), one"
                + " partition per topic, embedded KRaft broker, %d CPUs; load average %.1f at start.", Instant.now(),
                args[1], seconds, hops, Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        lines.add("Latency: scheduled send → read `read_committed` after the last loop.");
        lines.add("");
        lines.add("| records/s | variant | n | p50 ms | p90 ms | p99 ms | max ms | transactions/s per loop |");
        lines.add("|---:|---|---:|---:|---:|---:|---:|---:|");
        try (EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(
                EmbeddedKafkaBroker.BrokerSettings.ephemeralPorts(dir)).start()) {
            KafkaClients clients = new KafkaClients(broker.bootstrapServers());
            // an unreported run first, so that the first reported row does not carry the JVM's and broker's warm-up
            run(clients, variants.get(0), "warm-up", rates.get(0), 3, hops);
            int index = 0;
            for (int rate : rates) {
                for (Variant variant : variants) {
                    String row = String.format(Locale.ROOT, "| %,d ", rate)
                            + run(clients, variant, "v" + index++, rate, seconds, hops);
                    System.out.println(row);
                    lines.add(row);
                }
            }
            lines.add("");
            lines.add(String.format(Locale.ROOT, "Load average %.1f at the end.",
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        }
        String text = String.join(System.lineSeparator(), lines) + System.lineSeparator();
        System.out.println(text);
        if (report.getParent() != null) {
            Files.createDirectories(report.getParent());
        }
        Files.writeString(report, text, StandardCharsets.UTF_8);
    }

    private static String run(KafkaClients clients, Variant variant, String prefix, int rate, int seconds, int hops)
            throws InterruptedException, ExecutionException {
        List<String> topics = new ArrayList<>();
        for (int i = 0; i <= hops; i++) {
            topics.add(prefix + "-t" + i);
        }
        try (Admin admin = clients.newAdmin()) {
            admin.createTopics(topics.stream().map(t -> new NewTopic(t, 1, (short) 1)).toList()).all().get();
        }
        List<ExactlyOnceProcessor> loops = new ArrayList<>();
        for (int i = 0; i < hops; i++) {
            String next = topics.get(i + 1);
            String id = prefix + "-hop" + i;
            ProcessorSettings settings = ProcessorSettings.of(id, id, List.of(topics.get(i)))
                    .withTransactionBounds(500, variant.interval()).withPollTimeout(variant.interval())
                    .withCaughtUpCommits(variant.caughtUpSpacing())
                    .withProducerOverrides(variant.producer());
            loops.add(new ExactlyOnceProcessor(clients, settings,
                    r -> List.of(new ProducerRecord<>(next, r.key(), r.value()))).start());
        }
        long warmup = Math.max(rate, 50);
        Histogram histogram = measure(clients, prefix, topics.get(0), topics.get(hops), rate, (long) rate * seconds,
                warmup);
        long committed = 0;
        for (ExactlyOnceProcessor loop : loops) {
            committed += loop.stats().snapshot().transactionsCommitted();
            loop.close();
        }
        double txPerSecond = committed / (double) hops / (seconds + warmup / (double) rate);
        return String.format(Locale.ROOT, "| %s | %,d | %.1f | %.1f | %.1f | %.1f | %.0f |", variant.name(),
                histogram.getTotalCount(), histogram.getValueAtPercentile(50) / 1000.0,
                histogram.getValueAtPercentile(90) / 1000.0, histogram.getValueAtPercentile(99) / 1000.0,
                histogram.getMaxValue() / 1000.0, txPerSecond);
    }

    /**
     * Sends {@code warmup + total} records to {@code first} on schedule (each carries its due time and number) and
     * records, for the timed ones, due time → read on {@code last}, µs. Gives up 30 s after the schedule ends.
     */
    private static Histogram measure(KafkaClients clients, String prefix, String first, String last, int rate,
                                     long total, long warmup) {
        Histogram histogram = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
        try (KafkaProducer<byte[], byte[]> producer = clients.newProducer(clients.producerConfig(prefix + "-src"));
             KafkaConsumer<byte[], byte[]> reader = clients.newConsumer(clients.consumerConfig(prefix + "-reader",
                     Map.of(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "5")))) {
            TopicPartition out = new TopicPartition(last, 0);
            reader.assign(List.of(out));
            reader.seekToBeginning(List.of(out));
            long start = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
            long periodNanos = TimeUnit.SECONDS.toNanos(1) / rate;
            long deadline = start + (total + warmup) * periodNanos + TimeUnit.SECONDS.toNanos(30);
            long seen = 0;
            long sent = 0;
            while (seen < total + warmup && System.nanoTime() < deadline) {
                long now = System.nanoTime();
                for (; sent < total + warmup && start + sent * periodNanos <= now; sent++) {
                    long due = start + sent * periodNanos;
                    producer.send(new ProducerRecord<>(first, ByteBuffer.allocate(16).putLong(due).putLong(sent)
                            .array()));
                }
                for (ConsumerRecord<byte[], byte[]> r : reader.poll(Duration.ofMillis(1))) {
                    ByteBuffer b = ByteBuffer.wrap(r.value());
                    long due = b.getLong();
                    if (b.getLong() >= warmup) {
                        histogram.recordValue(Math.max(0, (System.nanoTime() - due) / 1000));
                    }
                    seen++;
                }
                if (sent >= total + warmup) {
                    LockSupport.parkNanos(100_000);
                }
            }
        }
        return histogram;
    }
}
