package io.carbonx.rating.journal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntFunction;

import io.carbonx.eventlog.processing.CommittedStateGate;
import io.carbonx.eventlog.processing.LoopListener;
import io.carbonx.eventlog.processing.RecordProcessor;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rating service's logic inside the exactly-once loop: one {@link JournalFold} per assigned journal partition.
 *
 * <ul>
 *   <li>{@link #onPartitionsAssigned}: a fresh fold per partition, rebuilt by the {@link JournalReplayer} up to the
 *       committed offset, outputs suppressed. The loop calls this on every assignment and after every aborted
 *       transaction (revoke + assign), so the state never contains effects of an aborted transaction.</li>
 *   <li>{@link #process}: folds the record and returns its events (ratings to the ratings topic, dead letters to the
 *       dead-letter topic), which the loop sends in the transaction that also commits the input offset. A record
 *       before the fold's next offset is already in the rebuilt state and is skipped.</li>
 *   <li>{@link #status()} (any thread): a {@link PartitionStatus} per partition (state hash included) for health,
 *       computed when asked rather than after every commit (the hash encodes the whole model): under a lock the loop
 *       holds from {@link #onPolled} until its transaction commits or aborts, so it is always the hash of exactly
 *       the committed fold at the {@code nextOffset} it reports. A partition that folded nothing since keeps its
 *       last status.</li>
 * </ul>
 * All other methods run on the loop thread.
 */
public final class JournalRatingProcessor implements RecordProcessor, LoopListener {

    private static final Logger LOG = LoggerFactory.getLogger(JournalRatingProcessor.class);

    private final IntFunction<JournalFold> newFold;
    private final JournalReplayer replayer;
    private final Map<TopicPartition, JournalFold> folds = new HashMap<>();
    private final Map<TopicPartition, Long> rebuilt = new HashMap<>();
    private static final long STATUS_WAIT_MS = 250;

    private volatile List<PartitionStatus> status = List.of();
    /** Held by the loop thread while a transaction is open; see {@link #status()}. */
    private final CommittedStateGate committed = new CommittedStateGate(STATUS_WAIT_MS);
    private volatile boolean rebuiltOnce;
    private long skipped;

    /**
     * @param newFold  a fresh fold for a journal partition number
     * @param replayer rebuilds a fresh fold up to the committed offset
     */
    public JournalRatingProcessor(IntFunction<JournalFold> newFold, JournalReplayer replayer) {
        this.newFold = Objects.requireNonNull(newFold, "newFold");
        this.replayer = Objects.requireNonNull(replayer, "replayer");
    }

    @Override
    public List<ProducerRecord<byte[], byte[]>> process(ConsumerRecord<byte[], byte[]> record) {
        TopicPartition tp = new TopicPartition(record.topic(), record.partition());
        JournalFold fold = folds.get(tp);
        if (fold == null) {
            throw new IllegalStateException("record of a partition that was never assigned: " + tp);
        }
        if (record.offset() < fold.nextOffset()) {
            skipped++;
            LOG.debug("skipping {}@{}: already in the rebuilt state", tp, record.offset());
            return List.of();
        }
        List<JournalFold.Output> outputs = fold.apply(record.offset(), record.key(), record.value(), true);
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>(outputs.size());
        for (JournalFold.Output out : outputs) {
            records.add(new ProducerRecord<>(out.topic(), out.key(), out.value()));
        }
        return records;
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
        committed.replaceState(() -> {
            for (TopicPartition tp : partitions) {
                JournalFold fold = newFold.apply(tp.partition());
                long count = replayer.replay(tp, fold);
                folds.put(tp, fold);
                rebuilt.put(tp, count);
                LOG.info("rebuilt ratings of {} from {} journal records up to offset {}: {} participants, state {}",
                        tp, count, fold.nextOffset(), fold.model().participantIds().size(), fold.stateHash());
            }
            rebuiltOnce = true;
            publishStatus();
        }, true);
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        committed.updateState(() -> {
            for (TopicPartition tp : partitions) {
                folds.remove(tp);
                rebuilt.remove(tp);
            }
            publishStatus();
        });
    }

    /** A transaction is open or continues: the folds leave the committed state until it commits or aborts. */
    @Override
    public void onPolled(int records) {
        committed.transactionOpened();
    }

    @Override
    public void afterCommit(int recordsIn, int recordsOut) {
        committed.transactionEnded(true);
    }

    @Override
    public void afterAbort(Throwable cause) {
        committed.transactionEnded(false);
    }

    private void publishStatus() {
        Map<Integer, PartitionStatus> previous = new HashMap<>();
        for (PartitionStatus p : status) {
            previous.put(p.partition(), p);
        }
        List<PartitionStatus> now = new ArrayList<>(folds.size());
        for (Map.Entry<TopicPartition, JournalFold> e : folds.entrySet()) {
            JournalFold fold = e.getValue();
            long rebuiltRecords = rebuilt.getOrDefault(e.getKey(), 0L);
            PartitionStatus last = previous.get(e.getKey().partition());
            if (last != null && last.nextOffset() == fold.nextOffset() && last.rebuiltRecords() == rebuiltRecords
                    && last.counters().equals(fold.counters())) {
                now.add(last); // nothing folded since: the hash is still right
                continue;
            }
            now.add(new PartitionStatus(e.getKey().partition(), fold.nextOffset(),
                    fold.model().participantIds().size(), fold.stateHash(), fold.counters(), rebuiltRecords));
        }
        now.sort(Comparator.comparingInt(PartitionStatus::partition));
        status = List.copyOf(now);
    }

    /**
     * @return the status of every owned partition as of the last commit or rebuild, by partition; any thread. Waits up
     *     to {@value #STATUS_WAIT_MS} ms for an open transaction; if it is still open, the last status (older, exact
     *     for its offsets)
     */
    public List<PartitionStatus> status() {
        return committed.read(this::publishStatus, () -> status);
    }

    /** @return whether partitions were assigned and rebuilt at least once; any thread */
    public boolean rebuiltOnce() {
        return rebuiltOnce;
    }

    /** @return records skipped because they were already in a rebuilt state (loop thread) */
    long skipped() {
        return skipped;
    }
}
