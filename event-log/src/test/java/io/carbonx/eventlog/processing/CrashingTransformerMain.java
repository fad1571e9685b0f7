package io.carbonx.eventlog.processing;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.carbonx.eventlog.KafkaClients;
import io.carbonx.eventlog.testing.LogTestSupport;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The child JVM of {@link ExactlyOnceCrashIT}: runs the exactly-once loop transforming input to output and, when told
 * to, halts the JVM ({@code Runtime.halt(137)}, no shutdown hooks, no client close) at a named point.
 *
 * <p>Arguments: {@code bootstrap inputTopic outputTopic groupId transactionalId crashPoint crashAt maxRecordsPerTxn}.
 * Crash points: {@code NONE}; {@code AFTER_POLL} (at the crashAt-th non-empty poll: transaction open, nothing sent);
 * {@code MID_BATCH} (at the crashAt-th processed record: part of the transaction's outputs sent);
 * {@code BEFORE_COMMIT} (the crashAt-th transaction: all outputs sent and input offsets added, commit not called);
 * {@code AFTER_COMMIT} (right after the crashAt-th commit, before the next poll).
 *
 * <p>Protocol on stdout: {@code COMMITTED <n> <recordsIn>} after each commit; on stdin {@code STOP} closes the loop
 * cleanly, then {@code STOPPED <state> <recordsIn> <loopMillis>} is printed and the JVM exits 0 (3 if not STOPPED).
 * If the loop ends by itself it prints {@code ENDED <state>} and exits 2.
 */
public final class CrashingTransformerMain {

    /** Exit status of a crash-point halt, the same as a SIGKILL'd JVM reports. */
    static final int HALT_STATUS = 137;
    /** Long enough for the producer's sender thread to ship what was sent before the halt. */
    private static final long LET_SENDS_LAND_MS = 300;

    private CrashingTransformerMain() {
    }

    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        String input = args[1];
        String output = args[2];
        String group = args[3];
        String transactionalId = args[4];
        String crashPoint = args[5];
        int crashAt = Integer.parseInt(args[6]);
        int maxRecordsPerTxn = Integer.parseInt(args[7]);

        AtomicLong processed = new AtomicLong();
        AtomicLong firstPollNanos = new AtomicLong();
        RecordProcessor transform = record -> {
            if ("MID_BATCH".equals(crashPoint) && processed.incrementAndGet() == crashAt) {
                halt(LET_SENDS_LAND_MS);
            }
            return List.of(new ProducerRecord<>(output, record.key(), LogTestSupport.transformedValue(record)));
        };
        LoopListener crashes = new LoopListener() {
            private int polls;
            private int commitsStarted;
            private int commits;

            @Override
            public void onPolled(int records) {
                firstPollNanos.compareAndSet(0, System.nanoTime());
                if ("AFTER_POLL".equals(crashPoint) && ++polls == crashAt) {
                    halt(0);
                }
            }

            @Override
            public void beforeCommit(int recordsIn, int recordsOut) {
                if ("BEFORE_COMMIT".equals(crashPoint) && ++commitsStarted == crashAt) {
                    halt(LET_SENDS_LAND_MS);
                }
            }

            @Override
            public void afterCommit(int recordsIn, int recordsOut) {
                commits++;
                System.out.println("COMMITTED " + commits + " " + recordsIn);
                System.out.flush();
                if ("AFTER_COMMIT".equals(crashPoint) && commits == crashAt) {
                    halt(0);
                }
            }
        };
        ProcessorSettings settings = ProcessorSettings.of(group, transactionalId, List.of(input))
                .withGroupInstanceId(transactionalId)
                .withTransactionBounds(maxRecordsPerTxn, Duration.ofMillis(100))
                .withConsumerOverrides(Map.of(ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                        Integer.toString(Math.max(1, maxRecordsPerTxn / 4))));
        ExactlyOnceProcessor loop = new ExactlyOnceProcessor(new KafkaClients(bootstrap), settings, transform,
                crashes).start();

        CountDownLatch stop = new CountDownLatch(1);
        Thread stdin = new Thread(() -> awaitStopCommand(stop), "stdin");
        stdin.setDaemon(true);
        stdin.start();
        while (!stop.await(100, TimeUnit.MILLISECONDS)) {
            if (loop.state() != ExactlyOnceProcessor.State.RUNNING) {
                System.out.println("ENDED " + loop.state());
                loop.failure().ifPresent(Throwable::printStackTrace);
                System.exit(2);
            }
        }
        loop.close();
        long loopMillis = (System.nanoTime() - firstPollNanos.get()) / 1_000_000;
        System.out.println("STOPPED " + loop.state() + " " + loop.stats().snapshot().recordsIn() + " " + loopMillis);
        System.out.flush();
        System.exit(loop.state() == ExactlyOnceProcessor.State.STOPPED ? 0 : 3);
    }

    private static void awaitStopCommand(CountDownLatch stop) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if ("STOP".equals(line.trim())) {
                    break;
                }
            }
        } catch (java.io.IOException e) {
            // parent gone: stop too
        }
        stop.countDown();
    }

    private static void halt(long afterMillis) {
        if (afterMillis > 0) {
            try {
                Thread.sleep(afterMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        System.out.flush();
        Runtime.getRuntime().halt(HALT_STATUS);
    }
}
