package io.carbonx.eventlog.processing;

import java.util.Collection;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * The logic an {@link ExactlyOnceProcessor} runs: one input record in, zero or more output records out.
 *
 * <p>Contract:
 * <ul>
 *   <li>{@link #process} must have no effect outside the processor's own in-memory state: the loop may abort a
 *       transaction and feed the same records again, so anything written elsewhere would be written twice. Outputs are
 *       published only if the transaction commits.</li>
 *   <li>Throwing from {@link #process} aborts the whole open transaction; the loop rewinds to the last committed
 *       offsets and retries after a back-off (see {@link ProcessorSettings#maxConsecutiveFailures()}).</li>
 *   <li>State is per input partition. {@link #onPartitionsRevoked} means "drop the state of these partitions",
 *       {@link #onPartitionsAssigned} means "(re)build it as of the committed offsets" (e.g. from a compacted
 *       changelog topic read {@code read_committed}). After an abort both are called for every assigned partition,
 *       because the in-memory state may contain effects of records whose transaction was aborted.</li>
 *   <li>All methods are called on the loop's single thread.</li>
 * </ul>
 */
@FunctionalInterface
public interface RecordProcessor {

    List<ProducerRecord<byte[], byte[]>> process(ConsumerRecord<byte[], byte[]> record);

    /** These partitions are now owned; processing resumes at their committed offsets. */
    default void onPartitionsAssigned(Collection<TopicPartition> partitions) {
    }

    /** These partitions are no longer owned (or are being rewound); forget their state. */
    default void onPartitionsRevoked(Collection<TopicPartition> partitions) {
    }
}
