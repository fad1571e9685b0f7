package io.carbonx.eventlog.processing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.BooleanSupplier;

import io.carbonx.eventlog.processing.ExactlyOnceProcessor.State;
import io.carbonx.eventlog.runtime.CatchUpTracker;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The body of {@link ExactlyOnceProcessor}'s thread: one consumer, one transactional producer, one open transaction
 * at most. Not thread-safe; everything, including the rebalance callbacks (which run inside {@code poll}), happens on
 * the loop thread. See {@link ExactlyOnceProcessor} for the protocol.
 */
final class TransactionalLoop implements ConsumerRebalanceListener {

    /** How and why the loop ended. */
    record Termination(State state, Throwable cause) {
    }

    /** Waits for the back-off, returning early when a stop is requested. */
    @FunctionalInterface
    interface Backoff {
        void pause(Duration duration);
    }

    private static final Logger LOG = LoggerFactory.getLogger(TransactionalLoop.class);
    private static final int END_TRANSACTION_ATTEMPTS = 3;

    private final Consumer<byte[], byte[]> consumer;
    private final Producer<byte[], byte[]> producer;
    private final ProcessorSettings settings;
    private final RecordProcessor processor;
    private final LoopListener listener;
    private final LoopStats stats;
    private final BooleanSupplier stopRequested;
    private final Backoff backoff;
    private final CatchUpTracker catchUp;

    private final Map<TopicPartition, OffsetAndMetadata> pendingOffsets = new HashMap<>();
    private boolean inTransaction;
    private long transactionStartNanos;
    /** When the last commit ended ({@link System#nanoTime()}); spaces eager commits. */
    private long lastCommitEndNanos = System.nanoTime();
    private int transactionIn;
    private int transactionOut;
    private RuntimeException callbackFailure;
    private boolean rewindNeeded;
    private int consecutiveFailures;
    private boolean assignedOnce;
    private boolean catchUpCaptured;

    TransactionalLoop(Consumer<byte[], byte[]> consumer, Producer<byte[], byte[]> producer, ProcessorSettings settings,
                      RecordProcessor processor, LoopListener listener, LoopStats stats,
                      BooleanSupplier stopRequested, Backoff backoff, CatchUpTracker catchUp) {
        this.consumer = consumer;
        this.producer = producer;
        this.settings = settings;
        this.processor = processor;
        this.listener = listener;
        this.stats = stats;
        this.stopRequested = stopRequested;
        this.backoff = backoff;
        this.catchUp = catchUp;
    }

    /** Runs until a stop is requested (then finishes the open transaction) or a terminal failure. */
    Termination run() {
        try {
            producer.initTransactions();
            consumer.subscribe(settings.inputTopics(), this);
        } catch (RuntimeException e) {
            return terminal(Failures.classify(e), e);
        }
        while (!stopRequested.getAsBoolean()) {
            try {
                if (rewindNeeded) {
                    rewind();
                }
                step();
            } catch (RuntimeException e) {
                Termination end = onFailure(e);
                if (end != null) {
                    return end;
                }
            }
        }
        return finishOnStop();
    }

    private void step() {
        ConsumerRecords<byte[], byte[]> records = consumer.poll(nextPollTimeout());
        if (callbackFailure != null) {
            RuntimeException failure = callbackFailure;
            callbackFailure = null;
            throw failure;
        }
        if (rewindNeeded) {
            return; // what this poll returned predates the rewind: drop it, the next iteration seeks back
        }
        if (!records.isEmpty()) {
            process(records);
        }
        if (inTransaction && (transactionDue() || eagerCommitAllowed() && caughtUpWithInputs())) {
            commit();
        }
        trackCatchUp();
    }

    /**
     * After an assignment, captures the end offsets of what this member owns (nothing owned: caught up at once),
     * then compares positions after every poll. A failed capture is retried on the next step; once caught up,
     * nothing is captured or compared again.
     */
    private void trackCatchUp() {
        if (catchUp.isCaughtUp() || !assignedOnce) {
            return;
        }
        if (!catchUpCaptured) {
            try {
                catchUp.capture(consumer, consumer.assignment(), settings.pollTimeout().plusSeconds(5));
                catchUpCaptured = true;
            } catch (RuntimeException e) {
                LOG.debug("loop {}: end offsets not known yet: {}", settings.transactionalId(), e.toString());
            }
            return;
        }
        catchUp.update(consumer);
    }

    private void process(ConsumerRecords<byte[], byte[]> records) {
        if (!inTransaction) {
            producer.beginTransaction();
            inTransaction = true;
            transactionStartNanos = System.nanoTime();
        }
        listener.onPolled(records.count());
        int processed = 0;
        try {
            for (TopicPartition tp : records.partitions()) {
                List<ConsumerRecord<byte[], byte[]>> batch = records.records(tp);
                for (ConsumerRecord<byte[], byte[]> record : batch) {
                    List<ProducerRecord<byte[], byte[]>> outputs = processor.process(record);
                    for (ProducerRecord<byte[], byte[]> output : outputs) {
                        producer.send(output);
                    }
                    transactionOut += outputs.size();
                    processed++;
                }
                ConsumerRecord<byte[], byte[]> last = batch.get(batch.size() - 1);
                pendingOffsets.put(tp, new OffsetAndMetadata(last.offset() + 1, last.leaderEpoch(), ""));
                transactionIn += batch.size();
            }
        } finally {
            stats.processed(processed);
        }
    }

    private void commit() {
        producer.sendOffsetsToTransaction(new HashMap<>(pendingOffsets), consumer.groupMetadata());
        int in = transactionIn;
        int out = transactionOut;
        listener.beforeCommit(in, out);
        endTransaction(true);
        lastCommitEndNanos = System.nanoTime();
        resetTransaction();
        consecutiveFailures = 0;
        stats.committed(in, out);
        listener.afterCommit(in, out);
    }

    /** Aborts the open transaction, if any. Throws if the producer cannot abort (the caller then terminates). */
    private void abortOpenTransaction(Throwable cause) {
        if (!inTransaction) {
            return;
        }
        endTransaction(false);
        resetTransaction();
        stats.aborted();
        try {
            listener.afterAbort(cause);
        } catch (RuntimeException e) {
            LOG.warn("LoopListener.afterAbort failed; ignored", e);
        }
    }

    /** Commit/abort may time out; the producer then requires the same call to be retried, never the other one. */
    private void endTransaction(boolean commit) {
        TimeoutException last = null;
        for (int attempt = 1; attempt <= END_TRANSACTION_ATTEMPTS; attempt++) {
            try {
                if (commit) {
                    producer.commitTransaction();
                } else {
                    producer.abortTransaction();
                }
                return;
            } catch (TimeoutException e) {
                last = e;
                LOG.warn("{} timed out (attempt {}/{})", commit ? "commit" : "abort", attempt, END_TRANSACTION_ATTEMPTS);
            }
        }
        throw new Failures.UnrecoverableException(
                (commit ? "commit" : "abort") + " timed out " + END_TRANSACTION_ATTEMPTS + " times", last);
    }

    /** Seeks every assigned partition back to its committed offset and has the processor rebuild its state. */
    private void rewind() {
        Set<TopicPartition> assigned = consumer.assignment();
        if (!assigned.isEmpty()) {
            Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(assigned);
            List<TopicPartition> neverCommitted = new ArrayList<>();
            for (TopicPartition tp : assigned) {
                OffsetAndMetadata offset = committed.get(tp);
                if (offset == null) {
                    neverCommitted.add(tp);
                } else {
                    consumer.seek(tp, offset);
                }
            }
            if (!neverCommitted.isEmpty()) {
                consumer.seekToBeginning(neverCommitted);
            }
            processor.onPartitionsRevoked(assigned);
            processor.onPartitionsAssigned(assigned);
        }
        rewindNeeded = false;
    }

    /** Returns the termination if the loop must end, or {@code null} once the failure was handled. */
    private Termination onFailure(RuntimeException failure) {
        Failures.Kind kind = Failures.classify(failure);
        if (kind != Failures.Kind.ABORTABLE) {
            return terminal(kind, failure);
        }
        LOG.warn("transaction failed, aborting and rewinding to the committed offsets: {}", failure.toString());
        try {
            abortOpenTransaction(failure);
        } catch (RuntimeException abortFailure) {
            abortFailure.addSuppressed(failure);
            Failures.Kind abortKind = Failures.classify(abortFailure);
            return new Termination(abortKind == Failures.Kind.FENCED ? State.FENCED : State.FAILED, abortFailure);
        }
        rewindNeeded = true;
        consecutiveFailures++;
        if (consecutiveFailures >= settings.maxConsecutiveFailures()) {
            LOG.error("giving up after {} consecutive aborted transactions", consecutiveFailures, failure);
            return new Termination(State.FAILED, failure);
        }
        backoff.pause(settings.retryBackoff());
        return null;
    }

    /** Stop requested: commit what was processed; if that fails, abort so no transaction is left hanging. */
    private Termination finishOnStop() {
        if (!inTransaction) {
            return new Termination(State.STOPPED, null);
        }
        try {
            commit();
            return new Termination(State.STOPPED, null);
        } catch (RuntimeException e) {
            Failures.Kind kind = Failures.classify(e);
            if (kind != Failures.Kind.ABORTABLE) {
                return terminal(kind, e);
            }
            try {
                abortOpenTransaction(e);
            } catch (RuntimeException abortFailure) {
                abortFailure.addSuppressed(e);
                return new Termination(State.FAILED, abortFailure);
            }
            return new Termination(State.STOPPED, e);
        }
    }

    /** Fenced or fatal: best-effort abort (a fenced producer cannot), then end. */
    private Termination terminal(Failures.Kind kind, Throwable cause) {
        if (inTransaction) {
            try {
                producer.abortTransaction();
            } catch (RuntimeException ignored) {
                LOG.debug("abort after {} failed too: {}", kind, ignored.toString());
            }
            resetTransaction();
        }
        State state = kind == Failures.Kind.FENCED ? State.FENCED : State.FAILED;
        LOG.warn("exactly-once loop ends {}: {}", state, cause.toString());
        return new Termination(state, cause);
    }

    /** The poll timeout, but no later than the interval's end or, with eager commits, the spacing's end. */
    private Duration nextPollTimeout() {
        Duration poll = settings.pollTimeout();
        if (!inTransaction) {
            return poll;
        }
        long now = System.nanoTime();
        long untilDue = settings.transactionInterval().toNanos() - (now - transactionStartNanos);
        Duration spacing = settings.caughtUpCommitSpacing();
        if (spacing != null) {
            long untilSpaced = spacing.toNanos() - (now - lastCommitEndNanos);
            if (untilSpaced > 0) {
                untilDue = Math.min(untilDue, untilSpaced);
            }
        }
        return untilDue <= 0 ? Duration.ZERO : untilDue < poll.toNanos() ? Duration.ofNanos(untilDue) : poll;
    }

    private boolean transactionDue() {
        return transactionIn >= settings.maxRecordsPerTransaction()
                || System.nanoTime() - transactionStartNanos >= settings.transactionInterval().toNanos();
    }

    private boolean eagerCommitAllowed() {
        Duration spacing = settings.caughtUpCommitSpacing();
        return spacing != null && System.nanoTime() - lastCommitEndNanos >= spacing.toNanos();
    }

    /**
     * True when every assigned partition's {@code read_committed} lag, as of the last fetch response, is zero: the
     * open transaction holds everything committed on the inputs so far. Unknown lag (no fetch answered yet) is not
     * caught up.
     */
    private boolean caughtUpWithInputs() {
        for (TopicPartition tp : consumer.assignment()) {
            OptionalLong lag = consumer.currentLag(tp);
            if (lag.isEmpty() || lag.getAsLong() > 0) {
                return false;
            }
        }
        return true;
    }

    private void resetTransaction() {
        inTransaction = false;
        pendingOffsets.clear();
        transactionIn = 0;
        transactionOut = 0;
    }

    // ---- rebalance callbacks: run inside consumer.poll(), on the loop thread ----

    /** Still owned during this call: commit the open transaction now, while the group generation is valid. */
    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        stats.rebalanced();
        if (inTransaction && callbackFailure == null) {
            try {
                commit();
            } catch (RuntimeException e) {
                callbackFailure = e; // rethrown after poll returns: abort + rewind there
            }
        }
        notifyProcessor(() -> processor.onPartitionsRevoked(partitions));
    }

    /** Already owned by someone else: the open transaction can only be aborted. */
    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
        stats.rebalanced();
        try {
            abortOpenTransaction(new IllegalStateException("partitions lost: " + partitions));
        } catch (RuntimeException e) {
            callbackFailure = e;
        }
        rewindNeeded = true;
        notifyProcessor(() -> processor.onPartitionsRevoked(partitions));
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
        assignedOnce = true;
        catchUpCaptured = false; // not caught up yet: the next step captures the targets of the new assignment
        notifyProcessor(() -> processor.onPartitionsAssigned(partitions));
    }

    private void notifyProcessor(Runnable callback) {
        try {
            callback.run();
        } catch (RuntimeException e) {
            if (callbackFailure == null) {
                callbackFailure = e;
            }
        }
    }
}
