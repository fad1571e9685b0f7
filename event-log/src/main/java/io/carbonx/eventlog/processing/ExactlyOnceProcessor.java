package io.carbonx.eventlog.processing;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.carbonx.eventlog.KafkaClients;
import io.carbonx.eventlog.runtime.CatchUpProgress;
import io.carbonx.eventlog.runtime.CatchUpTracker;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exactly-once consume → process → produce over {@code byte[]} records, on its own thread.
 *
 * <h2>Protocol</h2>
 * The loop consumes its input topics in a consumer group ({@code read_committed}, no auto-commit). For each poll it
 * opens a Kafka transaction if none is open, hands every record to the {@link RecordProcessor}, sends the outputs in
 * that transaction, and remembers the next input offset per partition. When the transaction holds
 * {@link ProcessorSettings#maxRecordsPerTransaction()} input records, or has been open for
 * {@link ProcessorSettings#transactionInterval()}, or (by default) the loop has caught up with everything committed
 * on its inputs at least {@link ProcessorSettings#caughtUpCommitSpacing()} after the previous commit, the input
 * offsets are added to it with {@code sendOffsetsToTransaction(offsets, consumer.groupMetadata())} and it is
 * committed. Outputs and input progress therefore become visible atomically: either both or neither. Committing when
 * caught up makes a record wait for about one commit rather than the interval plus a commit, while under load the
 * records that arrive during a commit form the next, larger transaction.
 *
 * <h2>Why Kafka transactions rather than idempotent output plus de-duplication by event id</h2>
 * <ul>
 *   <li>Dedup moves the problem to every reader: each consumer of every output topic must keep a set of seen event
 *       ids, which must itself be durable, bounded and consistent with its own offsets — an exactly-once problem of
 *       its own, repeated per reader. With transactions a plain {@code read_committed} reader sees each output once.</li>
 *   <li>A crash between producing and committing the input offset makes a dedup-based processor produce again; if
 *       its logic depends on state (an order book) the re-run may not produce the <em>same</em> events with the same
 *       ids in the same order unless the state is rolled back exactly too. Aborting discards the partial outputs and
 *       the rewind restores the input position, so state and log stay in step.</li>
 *   <li>Per-key order: aborted attempts are invisible, so a reader sees each key's outputs once and in input
 *       order; dedup readers would see a replayed prefix interleaved with new events.</li>
 *   <li>Cost: one commit (a few broker round trips) per transaction, amortised over up to
 *       {@code maxRecordsPerTransaction} records, and a {@code read_committed} latency of about one commit (up to
 *       one transaction interval when caught-up commits are off). {@code ExactlyOnceProcessorIT} and
 *       {@code ExactlyOnceCrashIT} print the throughput they see; {@code TransactionalHopProbe} (benchmarks) the
 *       latency of chained loops.</li>
 * </ul>
 *
 * <h2>Failures</h2>
 * <ul>
 *   <li>Processing or produce error, stale group generation ({@code CommitFailedException}), other abortable errors:
 *       abort the transaction, seek every assigned partition back to its committed offset (the beginning if none),
 *       tell the processor to rebuild (revoked + assigned), back off, retry. After
 *       {@link ProcessorSettings#maxConsecutiveFailures()} aborts in a row the loop ends {@link State#FAILED}.</li>
 *   <li>{@code ProducerFencedException}, {@code InvalidProducerEpochException}, {@code FencedInstanceIdException}:
 *       another incarnation with the same {@code transactional.id} / {@code group.instance.id} has taken over. The
 *       loop ends {@link State#FENCED} without touching anything; the new instance owns the work.</li>
 *   <li>Fatal client errors (authorisation, unsupported version, out-of-order sequence, a commit/abort that keeps
 *       timing out): {@link State#FAILED}.</li>
 *   <li>Rebalance (KIP-447): on revocation the open transaction is committed inside the callback, while the
 *       partitions are still owned and the group generation still valid; if that commit fails the transaction is
 *       aborted and the remaining partitions rewound. On partitions <em>lost</em> it is aborted. The group metadata
 *       sent with the offsets lets the broker reject a zombie from an older generation.</li>
 *   <li>Crash (kill -9) at any point: the open transaction is aborted by the coordinator when the restarted instance
 *       calls {@code initTransactions} with the same transactional id (or after {@code transaction.timeout.ms});
 *       consumption resumes at the last committed offsets. Nothing uncommitted was ever visible.</li>
 * </ul>
 *
 * <h2>States</h2>
 * <pre>
 *   NEW --start()--> RUNNING --close()-------------------> STOPPED  (open transaction committed, or aborted)
 *                            --fenced--------------------> FENCED
 *                            --fatal / too many aborts---> FAILED
 * </pre>
 * In every terminal state the consumer and producer are closed; {@link #close()} never leaves a transaction open
 * unless the producer itself became unusable, in which case the coordinator aborts it after
 * {@code transaction.timeout.ms} or as soon as the same transactional id is initialised again.
 */
public final class ExactlyOnceProcessor implements AutoCloseable {

    /** Lifecycle; see the class Javadoc. */
    public enum State { NEW, RUNNING, STOPPED, FENCED, FAILED }

    private static final Logger LOG = LoggerFactory.getLogger(ExactlyOnceProcessor.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration CLIENT_CLOSE_TIMEOUT = Duration.ofSeconds(10);

    private final KafkaClients clients;
    private final ProcessorSettings settings;
    private final RecordProcessor processor;
    private final LoopListener listener;
    private final Map<String, Object> consumerConfig;
    private final Map<String, Object> producerConfig;
    private final LoopStats stats = new LoopStats();
    private final CountDownLatch stopSignal = new CountDownLatch(1);
    private final CountDownLatch terminated = new CountDownLatch(1);
    private final CatchUpTracker catchUp = new CatchUpTracker();
    private volatile State state = State.NEW;
    private volatile Throwable failure;
    private Thread thread;

    /**
     * Validates the settings and client configuration now (an {@link IllegalArgumentException} names a bad override;
     * the consumer must keep {@code auto.offset.reset=earliest} so a rewind and a first start agree); connects only in
     * {@link #start()}.
     */
    public ExactlyOnceProcessor(KafkaClients clients, ProcessorSettings settings, RecordProcessor processor,
                                LoopListener listener) {
        this.clients = Objects.requireNonNull(clients, "clients");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.processor = Objects.requireNonNull(processor, "processor");
        this.listener = Objects.requireNonNull(listener, "listener");
        Map<String, Object> consumerOverrides = new HashMap<>(settings.consumerOverrides());
        if (settings.groupInstanceId() != null) {
            consumerOverrides.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, settings.groupInstanceId());
        }
        consumerOverrides.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, settings.transactionalId() + "-consumer");
        consumerOverrides.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                Integer.toString(Math.min(KafkaClients.MAX_POLL_RECORDS, settings.maxRecordsPerTransaction())));
        this.consumerConfig = clients.consumerConfig(settings.groupId(), consumerOverrides);
        if (!"earliest".equals(String.valueOf(consumerConfig.get(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG)))) {
            throw new IllegalArgumentException("auto.offset.reset must be earliest for the exactly-once loop, was "
                    + consumerConfig.get(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG));
        }
        this.producerConfig = clients.transactionalProducerConfig(settings.transactionalId(),
                settings.producerOverrides());
    }

    public ExactlyOnceProcessor(KafkaClients clients, ProcessorSettings settings, RecordProcessor processor) {
        this(clients, settings, processor, LoopListener.NONE);
    }

    /** Starts the loop thread ({@code eos-<transactionalId>}). May be called once. */
    public synchronized ExactlyOnceProcessor start() {
        if (state != State.NEW) {
            throw new IllegalStateException("already started: " + state);
        }
        state = State.RUNNING;
        thread = new Thread(this::runLoop, "eos-" + settings.transactionalId());
        thread.start();
        return this;
    }

    public State state() {
        return state;
    }

    /** Why the loop ended FENCED or FAILED (or why its last transaction was aborted at stop). */
    public Optional<Throwable> failure() {
        return Optional.ofNullable(failure);
    }

    /**
     * How far the loop is in consuming its input up to the end offsets observed at its first partition assignment
     * (the backlog left while it was not running); {@link CatchUpProgress#AWAITING_ASSIGNMENT} before the group
     * assigned it anything, caught up at once with no partitions. Latched once caught up.
     */
    public CatchUpProgress catchUp() {
        return catchUp.progress();
    }

    public LoopStats stats() {
        return stats;
    }

    public ProcessorSettings settings() {
        return settings;
    }

    /** Waits until the loop has ended and its clients are closed. */
    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        return terminated.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Asks the loop to stop and waits (up to 30 s) for it: the batch being processed is finished, the open transaction
     * committed (or aborted if the commit fails), the clients closed. Idempotent.
     */
    @Override
    public void close() {
        stopSignal.countDown();
        Thread loopThread;
        synchronized (this) {
            loopThread = thread;
            if (loopThread == null) {
                state = State.STOPPED;
                terminated.countDown();
                return;
            }
        }
        if (Thread.currentThread() == loopThread) {
            return; // called from a callback: the loop sees the signal after the current step
        }
        try {
            if (!awaitTermination(CLOSE_TIMEOUT)) {
                LOG.warn("exactly-once loop {} did not stop within {}", settings.transactionalId(), CLOSE_TIMEOUT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void runLoop() {
        TransactionalLoop.Termination end;
        KafkaConsumer<byte[], byte[]> consumer = null;
        KafkaProducer<byte[], byte[]> producer = null;
        try {
            consumer = clients.newConsumer(consumerConfig);
            producer = clients.newProducer(producerConfig);
            end = new TransactionalLoop(consumer, producer, settings, processor, listener, stats,
                    () -> stopSignal.getCount() == 0, this::pause, catchUp).run();
        } catch (RuntimeException | Error e) {
            LOG.error("exactly-once loop {} crashed", settings.transactionalId(), e);
            end = new TransactionalLoop.Termination(
                    Failures.classify(e) == Failures.Kind.FENCED ? State.FENCED : State.FAILED, e);
        }
        closeQuietly(producer, consumer);
        failure = end.cause();
        state = end.state();
        LOG.info("exactly-once loop {} ended {}; {}", settings.transactionalId(), end.state(), stats);
        terminated.countDown();
    }

    private void pause(Duration duration) {
        try {
            stopSignal.await(duration.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(KafkaProducer<byte[], byte[]> producer, KafkaConsumer<byte[], byte[]> consumer) {
        if (producer != null) {
            try {
                producer.close(CLIENT_CLOSE_TIMEOUT);
            } catch (RuntimeException e) {
                LOG.warn("producer close failed", e);
            }
        }
        if (consumer != null) {
            try {
                consumer.close(CloseOptions.timeout(CLIENT_CLOSE_TIMEOUT));
            } catch (RuntimeException e) {
                LOG.warn("consumer close failed", e);
            }
        }
    }
}
