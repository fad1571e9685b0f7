package io.carbonx.eventlog.processing;

import static io.carbonx.eventlog.testing.LogTestSupport.await;
import static io.carbonx.eventlog.testing.LogTestSupport.readAll;
import static io.carbonx.eventlog.testing.LogTestSupport.sequenceViolations;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.carbonx.eventlog.KafkaClients;
import io.carbonx.eventlog.TopicAdmin;
import io.carbonx.eventlog.TopicSpec;
import io.carbonx.eventlog.broker.EmbeddedKafkaBroker;
import io.carbonx.eventlog.processing.ExactlyOnceProcessor.State;
import io.carbonx.eventlog.testing.LogTestSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The loop in this JVM against a real broker: throughput, abort-and-rewind, fencing, rebalance, clean close. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ExactlyOnceProcessorIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    static Path dataDir;
    private static EmbeddedKafkaBroker broker;
    private static KafkaClients clients;
    private static Admin admin;

    @BeforeAll
    static void startBroker() {
        broker = new EmbeddedKafkaBroker(EmbeddedKafkaBroker.BrokerSettings.ephemeralPorts(dataDir)).start();
        clients = new KafkaClients(broker.bootstrapServers());
        admin = clients.newAdmin();
    }

    @AfterAll
    static void stopBroker() {
        admin.close();
        broker.close();
    }

    @Test
    void transformsEveryInputExactlyOnceInKeyOrder(TestInfo test) throws Exception {
        Topics t = topics(test, 4);
        int records = 100_000;
        Map<String, Long> perKey = LogTestSupport.produceSequences(clients, t.input, records, 500, 42);
        AtomicLong firstPollNanos = new AtomicLong();
        LoopListener timing = new LoopListener() {
            @Override
            public void onPolled(int count) {
                firstPollNanos.compareAndSet(0, System.nanoTime());
            }
        };

        ExactlyOnceProcessor loop = new ExactlyOnceProcessor(clients, settings(t, "eos-throughput"),
                transform(t.output), timing).start();
        await("all input committed", WAIT, () -> loop.stats().snapshot().recordsIn() == records);
        long elapsedNanos = System.nanoTime() - firstPollNanos.get();
        loop.close();

        LoopStats.Snapshot stats = loop.stats().snapshot();
        System.out.printf("ExactlyOnceProcessorIT: %d records through the loop in %d ms = %.0f records/s "
                        + "(%d transactions, %.0f records/transaction)%n", records, elapsedNanos / 1_000_000,
                records * 1e9 / elapsedNanos, stats.transactionsCommitted(),
                (double) records / stats.transactionsCommitted());
        assertThat(loop.state()).isEqualTo(State.STOPPED);
        assertThat(stats.recordsOut()).isEqualTo(records);
        assertThat(stats.transactionsAborted()).isZero();
        List<ConsumerRecord<byte[], byte[]>> out = readAll(clients, t.output, IsolationLevel.READ_COMMITTED, WAIT);
        assertThat(out).hasSize(records);
        assertThat(sequenceViolations(out, perKey)).isEmpty();
    }

    @Test
    void givenProcessingFailure_thenTransactionIsAbortedRewoundAndRetriedWithoutDuplicates(TestInfo test)
            throws Exception {
        Topics t = topics(test, 2);
        Map<String, Long> perKey = LogTestSupport.produceSequences(clients, t.input, 2000, 50, 7);
        AtomicBoolean failedOnce = new AtomicBoolean();
        AtomicInteger assignedCalls = new AtomicInteger();
        AtomicInteger revokedCalls = new AtomicInteger();
        RecordProcessor failingOnce = new RecordProcessor() {
            @Override
            public List<ProducerRecord<byte[], byte[]>> process(ConsumerRecord<byte[], byte[]> r) {
                if (r.partition() == 0 && r.offset() == 500 && failedOnce.compareAndSet(false, true)) {
                    throw new IllegalStateException("injected processing failure");
                }
                return List.of(new ProducerRecord<>(t.output, r.key(), LogTestSupport.transformedValue(r)));
            }

            @Override
            public void onPartitionsAssigned(java.util.Collection<TopicPartition> partitions) {
                assignedCalls.incrementAndGet();
            }

            @Override
            public void onPartitionsRevoked(java.util.Collection<TopicPartition> partitions) {
                revokedCalls.incrementAndGet();
            }
        };
        ProcessorSettings s = settings(t, "eos-abort").withTransactionBounds(100, Duration.ofMillis(200))
                .withFailurePolicy(5, Duration.ofMillis(50));

        ExactlyOnceProcessor loop = new ExactlyOnceProcessor(clients, s, failingOnce).start();
        await("all input committed", WAIT, () -> loop.stats().snapshot().recordsIn() == 2000);
        int assignedBeforeClose = assignedCalls.get();
        int revokedBeforeClose = revokedCalls.get();
        loop.close();

        assertThat(failedOnce).isTrue();
        assertThat(loop.stats().snapshot().transactionsAborted()).isEqualTo(1);
        assertThat(loop.stats().snapshot().recordsProcessed()).isGreaterThan(2000);
        assertThat(assignedBeforeClose).as("initial assignment + rebuild after the rewind").isEqualTo(2);
        assertThat(revokedBeforeClose).as("state dropped on rewind").isEqualTo(1);
        List<ConsumerRecord<byte[], byte[]>> out = readAll(clients, t.output, IsolationLevel.READ_COMMITTED, WAIT);
        assertThat(out).hasSize(2000);
        assertThat(sequenceViolations(out, perKey)).isEmpty();
    }

    @Test
    void givenOutputThatCannotBeProduced_thenEveryAttemptAbortsAndLoopFailsWithoutCommittingAnything(
            TestInfo test) throws Exception {
        Topics t = topics(test, 1);
        LogTestSupport.produceSequences(clients, t.input, 10, 1, 1);
        byte[] tooLarge = new byte[2 * 1024 * 1024];
        AtomicInteger firstRecordAttempts = new AtomicInteger();
        RecordProcessor poison = r -> {
            if (r.offset() == 0) {
                firstRecordAttempts.incrementAndGet();
            }
            return List.of(new ProducerRecord<>(t.output, r.key(), tooLarge));
        };
        ProcessorSettings s = settings(t, "eos-poison").withFailurePolicy(3, Duration.ofMillis(20));

        ExactlyOnceProcessor loop = new ExactlyOnceProcessor(clients, s, poison).start();
        assertThat(loop.awaitTermination(WAIT)).isTrue();

        assertThat(loop.state()).isEqualTo(State.FAILED);
        assertThat(loop.failure()).isPresent();
        assertThat(causes(loop.failure().get())).anyMatch(c -> c instanceof RecordTooLargeException);
        assertThat(loop.stats().snapshot().transactionsAborted()).isEqualTo(3);
        assertThat(firstRecordAttempts).as("each retry rewound to the (never committed) start").hasValue(3);
        assertThat(loop.stats().snapshot().transactionsCommitted()).isZero();
        assertThat(LogTestSupport.committedOffsets(admin, t.group, t.input)).containsOnly(
                Map.entry(new TopicPartition(t.input, 0), 0L));
        assertThat(readAll(clients, t.output, IsolationLevel.READ_COMMITTED, WAIT)).isEmpty();
        assertNoOpenTransaction(t.output);
    }

    @Test
    void givenSecondIncarnationWithSameTransactionalId_thenFirstIsFencedAndOutputStaysExactlyOnce(TestInfo test)
            throws Exception {
        Topics t = topics(test, 2);
        int records = 20_000;
        Map<String, Long> perKey = LogTestSupport.produceSequences(clients, t.input, records, 100, 11);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger seenByFirst = new AtomicInteger();
        RecordProcessor blocksMidway = r -> {
            if (seenByFirst.incrementAndGet() == 5000) {
                awaitQuietly(release);
            }
            return List.of(new ProducerRecord<>(t.output, r.key(), LogTestSupport.transformedValue(r)));
        };
        ProcessorSettings s = settings(t, "eos-fenced").withTransactionBounds(1000, Duration.ofMillis(200));

        ExactlyOnceProcessor first = new ExactlyOnceProcessor(clients, s, blocksMidway).start();
        await("first incarnation blocked mid-transaction", WAIT, () -> seenByFirst.get() >= 5000);
        int epochBefore = producerEpoch(s.transactionalId());
        ExactlyOnceProcessor second = new ExactlyOnceProcessor(clients, s, transform(t.output)).start();
        await("second incarnation initialised (epoch bumped)", WAIT, () -> producerEpoch(s.transactionalId())
                > epochBefore);
        release.countDown();

        assertThat(first.awaitTermination(WAIT)).isTrue();
        assertThat(first.state()).isEqualTo(State.FENCED);
        await("all input committed", WAIT, () -> LogTestSupport.fullyConsumed(admin, t.group, t.input));
        second.close();

        assertThat(second.state()).isEqualTo(State.STOPPED);
        assertThat(first.stats().snapshot().recordsIn() + second.stats().snapshot().recordsIn()).isEqualTo(records);
        List<ConsumerRecord<byte[], byte[]>> out = readAll(clients, t.output, IsolationLevel.READ_COMMITTED, WAIT);
        assertThat(out).hasSize(records);
        assertThat(sequenceViolations(out, perKey)).isEmpty();
    }

    @Test
    void givenSecondInstanceJoiningTheGroup_thenPartitionsMoveAndOutputStaysExactlyOnce(TestInfo test)
            throws Exception {
        Topics t = topics(test, 4);
        int records = 40_000;
        Map<String, Long> perKey = LogTestSupport.produceSequences(clients, t.input, records, 200, 13);
        AtomicBoolean firstRevoked = new AtomicBoolean();
        AtomicInteger seenByFirst = new AtomicInteger();
        RecordProcessor slowUntilRebalanced = new RecordProcessor() {
            @Override
            public List<ProducerRecord<byte[], byte[]>> process(ConsumerRecord<byte[], byte[]> r) {
                if (seenByFirst.incrementAndGet() > 5000 && !firstRevoked.get()) {
                    sleepQuietly(1); // leave work for the second instance until the rebalance happened
                }
                return List.of(new ProducerRecord<>(t.output, r.key(), LogTestSupport.transformedValue(r)));
            }

            @Override
            public void onPartitionsRevoked(java.util.Collection<TopicPartition> partitions) {
                if (!partitions.isEmpty()) {
                    firstRevoked.set(true);
                }
            }
        };
        List<TopicPartition> secondAssigned = new CopyOnWriteArrayList<>();
        RecordProcessor secondProcessor = new RecordProcessor() {
            @Override
            public List<ProducerRecord<byte[], byte[]>> process(ConsumerRecord<byte[], byte[]> r) {
                return List.of(new ProducerRecord<>(t.output, r.key(), LogTestSupport.transformedValue(r)));
            }

            @Override
            public void onPartitionsAssigned(java.util.Collection<TopicPartition> partitions) {
                secondAssigned.addAll(partitions);
            }
        };

        ExactlyOnceProcessor first = new ExactlyOnceProcessor(clients, settings(t, "eos-a"), slowUntilRebalanced)
                .start();
        await("first instance busy", WAIT, () -> seenByFirst.get() > 5000);
        ExactlyOnceProcessor second = new ExactlyOnceProcessor(clients, settings(t, "eos-b"), secondProcessor)
                .start();
        await("all input committed", WAIT, () -> LogTestSupport.fullyConsumed(admin, t.group, t.input));
        first.close();
        second.close();

        assertThat(firstRevoked).isTrue();
        assertThat(secondAssigned).isNotEmpty();
        assertThat(second.stats().snapshot().recordsIn()).isPositive();
        assertThat(first.stats().snapshot().recordsIn() + second.stats().snapshot().recordsIn()).isEqualTo(records);
        List<ConsumerRecord<byte[], byte[]>> out = readAll(clients, t.output, IsolationLevel.READ_COMMITTED, WAIT);
        assertThat(out).hasSize(records);
        assertThat(sequenceViolations(out, perKey)).isEmpty();
    }

    @Test
    void closeCommitsTheInFlightTransactionAndLeavesNoTransactionOpen(TestInfo test) throws Exception {
        Topics t = topics(test, 2);
        Map<String, Long> perKey = LogTestSupport.produceSequences(clients, t.input, 3000, 30, 5);
        ProcessorSettings neverDue = settings(t, "eos-close").withTransactionBounds(1_000_000, Duration.ofHours(1))
                .withCaughtUpCommits(null);

        ExactlyOnceProcessor loop = new ExactlyOnceProcessor(clients, neverDue, transform(t.output)).start();
        await("all input processed", WAIT, () -> loop.stats().snapshot().recordsProcessed() == 3000);
        assertThat(loop.stats().snapshot().transactionsCommitted()).isZero();
        loop.close();

        assertThat(loop.state()).isEqualTo(State.STOPPED);
        assertThat(loop.stats().snapshot().transactionsCommitted()).isEqualTo(1);
        assertThat(LogTestSupport.fullyConsumed(admin, t.group, t.input)).isTrue();
        List<ConsumerRecord<byte[], byte[]>> out = readAll(clients, t.output, IsolationLevel.READ_COMMITTED, WAIT);
        assertThat(out).hasSize(3000);
        assertThat(sequenceViolations(out, perKey)).isEmpty();
        assertNoOpenTransaction(t.output);
    }

    /**
     * With caught-up commits a loop that has processed everything on its inputs commits without waiting for the
     * interval (an hour here): the output becomes visible to {@code read_committed} readers and the input offsets are
     * committed. Without them (the test above) nothing is committed until the interval ends or the loop closes.
     */
    @Test
    void givenCaughtUpCommits_thenTheLoopCommitsOnceCaughtUpWithoutWaitingForTheInterval(TestInfo test)
            throws Exception {
        Topics t = topics(test, 2);
        Map<String, Long> perKey = LogTestSupport.produceSequences(clients, t.input, 3000, 30, 13);
        ProcessorSettings eager = settings(t, "eos-eager").withTransactionBounds(1_000_000, Duration.ofHours(1))
                .withCaughtUpCommits(Duration.ZERO);

        ExactlyOnceProcessor loop = new ExactlyOnceProcessor(clients, eager, transform(t.output)).start();
        try {
            await("all input committed", WAIT, () -> loop.stats().snapshot().recordsIn() == 3000);
            assertThat(loop.stats().snapshot().transactionsCommitted()).isPositive();
            List<ConsumerRecord<byte[], byte[]>> out = readAll(clients, t.output, IsolationLevel.READ_COMMITTED,
                    WAIT);
            assertThat(out).hasSize(3000);
            assertThat(sequenceViolations(out, perKey)).isEmpty();
            assertThat(LogTestSupport.fullyConsumed(admin, t.group, t.input)).isTrue();
            assertNoOpenTransaction(t.output);
        } finally {
            loop.close();
        }
        assertThat(loop.state()).isEqualTo(State.STOPPED);
    }

    /** The spacing is honoured: caught up, but less than the spacing after the loop started, nothing commits. */
    @Test
    void givenCaughtUpCommitsWithinTheSpacing_thenNothingCommitsEarly(TestInfo test) throws Exception {
        Topics t = topics(test, 2);
        LogTestSupport.produceSequences(clients, t.input, 300, 10, 17);
        ProcessorSettings spaced = settings(t, "eos-spaced").withTransactionBounds(1_000_000, Duration.ofHours(1))
                .withCaughtUpCommits(Duration.ofHours(1));

        ExactlyOnceProcessor loop = new ExactlyOnceProcessor(clients, spaced, transform(t.output)).start();
        // caught up is reported after the step's commit decision: an unspaced loop would have committed by then
        await("caught up", WAIT, () -> loop.catchUp().caughtUp());
        assertThat(loop.stats().snapshot().recordsProcessed()).isEqualTo(300);
        assertThat(loop.stats().snapshot().transactionsCommitted()).isZero();
        loop.close();

        assertThat(loop.stats().snapshot().transactionsCommitted()).isEqualTo(1);
        assertNoOpenTransaction(t.output);
    }

    // ---- helpers ----

    /**
     * Caught up means the backlog found at assignment was processed: the processor holds the first record until the
     * test has seen the loop not caught up (a latch, not a race), then every one of the backlog's records must have
     * been processed by the time {@link ExactlyOnceProcessor#catchUp()} says caught up.
     */
    @Test
    void givenABacklog_thenCatchUpIsReportedOnlyOnceTheWholeBacklogWasProcessed(TestInfo test) throws Exception {
        Topics t = topics(test, 2);
        int backlog = 2000;
        LogTestSupport.produceSequences(clients, t.input, backlog, 50, 11);
        CountDownLatch hold = new CountDownLatch(1);
        CountDownLatch entered = new CountDownLatch(1);
        AtomicInteger processed = new AtomicInteger();
        RecordProcessor held = r -> {
            entered.countDown();
            try {
                hold.await(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            processed.incrementAndGet();
            return List.of(new ProducerRecord<>(t.output, r.key(), LogTestSupport.transformedValue(r)));
        };
        ExactlyOnceProcessor loop = new ExactlyOnceProcessor(clients, settings(t, "eos-catch-up"), held);
        assertThat(loop.catchUp().assigned()).isFalse();
        loop.start();
        try {
            assertThat(entered.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).as("first record polled").isTrue();
            assertThat(loop.catchUp().caughtUp()).as("held before the first record was processed").isFalse();

            hold.countDown();
            await("caught up", WAIT, () -> loop.catchUp().caughtUp());

            assertThat(processed.get()).isGreaterThanOrEqualTo(backlog);
            assertThat(loop.catchUp().remaining()).isZero();
        } finally {
            hold.countDown();
            loop.close();
        }
    }

    private record Topics(String input, String output, String group) {
    }

    private static Topics topics(TestInfo test, int partitions) {
        String base = test.getTestMethod().orElseThrow().getName();
        base = base.length() > 40 ? base.substring(0, 40) : base;
        Topics t = new Topics(base + "-in", base + "-out", base + "-group");
        new TopicAdmin(admin, WAIT).ensureTopics(List.of(TopicSpec.of(t.input, partitions, 1),
                TopicSpec.of(t.output, partitions, 1)));
        return t;
    }

    private static ProcessorSettings settings(Topics t, String transactionalId) {
        return ProcessorSettings.of(t.group, transactionalId, List.of(t.input));
    }

    private static RecordProcessor transform(String outputTopic) {
        return r -> List.of(new ProducerRecord<>(outputTopic, r.key(), LogTestSupport.transformedValue(r)));
    }

    private static int producerEpoch(String transactionalId) {
        try {
            return admin.describeTransactions(List.of(transactionalId)).description(transactionalId).get()
                    .producerEpoch();
        } catch (Exception e) {
            return -1;
        }
    }

    /** read_committed end (LSO) equals read_uncommitted end (high watermark) only if no transaction is open. */
    private static void assertNoOpenTransaction(String topic) throws Exception {
        assertThat(LogTestSupport.endOffsets(admin, topic, IsolationLevel.READ_COMMITTED))
                .isEqualTo(LogTestSupport.endOffsets(admin, topic, IsolationLevel.READ_UNCOMMITTED));
    }

    private static List<Throwable> causes(Throwable t) {
        List<Throwable> chain = new java.util.ArrayList<>();
        for (Throwable c = t; c != null && !chain.contains(c); c = c.getCause()) {
            chain.add(c);
        }
        return chain;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
