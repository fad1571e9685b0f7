package io.carbonx.eventlog.processing;

import static io.carbonx.eventlog.testing.LogTestSupport.readAll;
import static io.carbonx.eventlog.testing.LogTestSupport.sequenceViolations;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import io.carbonx.eventlog.KafkaClients;
import io.carbonx.eventlog.TopicAdmin;
import io.carbonx.eventlog.TopicSpec;
import io.carbonx.eventlog.broker.EmbeddedKafkaBroker;
import io.carbonx.eventlog.testing.LogTestSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The proof of exactly-once: the loop runs in a separate JVM that is killed 24 times — 12 SIGKILLs at random moments
 * and 12 halts at named crash points (after poll, mid-batch, between produce and commit, after commit) — and restarted
 * each time; a final incarnation finishes the input and stops cleanly. The output topic, read {@code read_committed},
 * must then hold every input exactly once with each key's sequence numbers 0, 1, 2, ... in order.
 *
 * <p>The seed (printed; set {@code -Dcarbonx.crash.seed=N} to replay) fixes the input, the kill plan, the crash points
 * and the SIGKILL delays. A SIGKILL lands a seeded delay after the child reports a seeded number of commits, so its
 * exact position within a transaction also depends on timing.
 */
class ExactlyOnceCrashIT {

    private static final int RECORDS = 100_000;
    private static final int KEYS = 500;
    private static final int PARTITIONS = 4;
    private static final int KILL_RUN_MAX_RECORDS_PER_TXN = 500;
    private static final int FINAL_RUN_MAX_RECORDS_PER_TXN = 2000;
    private static final Duration CHILD_TIMEOUT = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    /** One planned kill: a crash point in the child, or SIGKILL {@code delayMs} after the {@code at}-th commit. */
    private record Kill(String point, int at, int delayMs) {
        boolean isSigkill() {
            return "SIGKILL".equals(point);
        }
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void everyInputIsOutputExactlyOnceInKeyOrderDespiteRepeatedKills() throws Exception {
        long seed = Long.getLong("carbonx.crash.seed", System.currentTimeMillis());
        System.out.println("ExactlyOnceCrashIT seed=" + seed + " (replay with -Dcarbonx.crash.seed=" + seed + ")");
        long started = System.nanoTime();
        Random random = new Random(seed);
        List<Kill> plan = plan(random);
        try (EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(
                EmbeddedKafkaBroker.BrokerSettings.ephemeralPorts(dir.resolve("broker"))).start()) {
            KafkaClients clients = new KafkaClients(broker.bootstrapServers());
            try (Admin admin = clients.newAdmin()) {
                new TopicAdmin(admin, CHILD_TIMEOUT).ensureTopics(List.of(
                        TopicSpec.of("crash-in", PARTITIONS, 1), TopicSpec.of("crash-out", PARTITIONS, 1)));
                Map<String, Long> perKey = LogTestSupport.produceSequences(clients, "crash-in", RECORDS, KEYS, seed);

                Map<String, Integer> killsByPoint = new TreeMap<>();
                for (int i = 0; i < plan.size(); i++) {
                    assertThat(LogTestSupport.fullyConsumed(admin, "crash-group", "crash-in"))
                            .as("input exhausted before kill %d of %s (seed %d)", i, plan, seed).isFalse();
                    runUntilKilled(broker.bootstrapServers(), plan.get(i), i, seed);
                    killsByPoint.merge(plan.get(i).point(), 1, Integer::sum);
                }
                String finalRun = runToCompletion(broker.bootstrapServers(), admin);

                List<ConsumerRecord<byte[], byte[]>> committed =
                        readAll(clients, "crash-out", IsolationLevel.READ_COMMITTED, CHILD_TIMEOUT);
                List<ConsumerRecord<byte[], byte[]>> everything =
                        readAll(clients, "crash-out", IsolationLevel.READ_UNCOMMITTED, CHILD_TIMEOUT);
                System.out.printf("ExactlyOnceCrashIT seed=%d: %d kills %s; %d input records -> %d committed outputs "
                                + "(%d aborted outputs physically in the log); final run %s; total %d s%n",
                        seed, plan.size(), killsByPoint, RECORDS, committed.size(),
                        everything.size() - committed.size(), finalRun, (System.nanoTime() - started) / 1_000_000_000L);

                assertThat(plan).hasSizeGreaterThanOrEqualTo(20);
                assertThat(sequenceViolations(committed, perKey)).as("seed %d", seed).isEmpty();
                assertThat(committed).as("seed %d", seed).hasSize(RECORDS);
                assertThat(everything.size()).as("crashes between send and commit left aborted data (seed %d)", seed)
                        .isGreaterThan(committed.size());
                assertThat(LogTestSupport.fullyConsumed(admin, "crash-group", "crash-in")).isTrue();
                assertThat(LogTestSupport.endOffsets(admin, "crash-out", IsolationLevel.READ_COMMITTED))
                        .as("no transaction left open").isEqualTo(
                                LogTestSupport.endOffsets(admin, "crash-out", IsolationLevel.READ_UNCOMMITTED));
            }
        }
    }

    /** 12 SIGKILLs plus 3 halts at each of 4 crash points, in seeded order, with seeded positions. */
    private static List<Kill> plan(Random random) {
        List<Kill> plan = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            plan.add(new Kill("SIGKILL", 1 + random.nextInt(3), random.nextInt(40)));
        }
        for (int i = 0; i < 3; i++) {
            plan.add(new Kill("AFTER_POLL", 1 + random.nextInt(8), 0));
            plan.add(new Kill("MID_BATCH", 1 + random.nextInt(2500), 0));
            plan.add(new Kill("BEFORE_COMMIT", 1 + random.nextInt(4), 0));
            plan.add(new Kill("AFTER_COMMIT", 1 + random.nextInt(4), 0));
        }
        Collections.shuffle(plan, random);
        return plan;
    }

    private void runUntilKilled(String bootstrap, Kill kill, int index, long seed) throws Exception {
        ChildJvm child = ChildJvm.start(CrashingTransformerMain.class,
                args(bootstrap, kill.isSigkill() ? "NONE" : kill.point(), kill.at(), KILL_RUN_MAX_RECORDS_PER_TXN),
                dir.resolve("child-" + index + ".log"));
        if (kill.isSigkill()) {
            child.awaitLine(line -> line.startsWith("COMMITTED " + kill.at() + " "), CHILD_TIMEOUT,
                    "commit #" + kill.at());
            Thread.sleep(kill.delayMs());
            child.kill();
        }
        int exit = child.waitFor(CHILD_TIMEOUT);
        assertThat(exit).as("kill %d %s (seed %d) must end the child by SIGKILL/halt%s", index, kill, seed,
                exit == CrashingTransformerMain.HALT_STATUS ? "" : child.diagnostics())
                .isEqualTo(CrashingTransformerMain.HALT_STATUS);
    }

    /** A last incarnation without crash point: waits until the group committed all input, then stops it cleanly. */
    private String runToCompletion(String bootstrap, Admin admin) throws Exception {
        ChildJvm child = ChildJvm.start(CrashingTransformerMain.class,
                args(bootstrap, "NONE", 0, FINAL_RUN_MAX_RECORDS_PER_TXN), dir.resolve("child-final.log"));
        LogTestSupport.await("final incarnation commits all input", CHILD_TIMEOUT,
                () -> LogTestSupport.fullyConsumed(admin, "crash-group", "crash-in"));
        child.send("STOP");
        String stopped = child.awaitLine(line -> line.startsWith("STOPPED "), CHILD_TIMEOUT, "STOPPED");
        assertThat(child.waitFor(CHILD_TIMEOUT)).as("clean stop%s", child.diagnostics()).isZero();
        String[] parts = stopped.split(" ");
        long recordsIn = Long.parseLong(parts[2]);
        long millis = Math.max(1, Long.parseLong(parts[3]));
        return String.format("%s: %d records in %d ms of loop time (%.0f records/s incl. idle tail)", parts[1],
                recordsIn, millis, recordsIn * 1000.0 / millis);
    }

    private static List<String> args(String bootstrap, String point, int at, int maxRecordsPerTxn) {
        return List.of(bootstrap, "crash-in", "crash-out", "crash-group", "crash-transformer-0", point,
                Integer.toString(at), Integer.toString(maxRecordsPerTxn));
    }
}
