package io.carbonx.exchange.matcher;

import io.carbonx.eventlog.KafkaClients;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads what a rebuild needs, with a consumer of its own ({@code read_committed}, never committing, never joining
 * the group): the group's committed offset of an input partition, the partition's records up to it, and the latest
 * checkpoint on the snapshots topic. Used on the processor's loop thread only.
 */
final class PartitionReplayer implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(200);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Duration deadline;

    PartitionReplayer(KafkaClients clients, String groupId, String clientId, Duration deadline) {
        this.consumer = clients.newConsumer(clients.consumerConfig(groupId,
                Map.of("client.id", clientId, "max.poll.records", "2000")));
        this.deadline = deadline;
    }

    /** The group's committed offset of the partition; 0 when none (a first start reads from the beginning). */
    long committedOffset(TopicPartition tp) {
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(Set.of(tp), deadline);
        OffsetAndMetadata offset = committed.get(tp);
        return offset == null ? 0 : offset.offset();
    }

    /** Feeds every committed record of {@code tp} with an offset below {@code endOffset} to {@code sink}, in order. */
    long replay(TopicPartition tp, long endOffset, Consumer<ConsumerRecord<byte[], byte[]>> sink) {
        if (endOffset <= 0) {
            return 0;
        }
        consumer.assign(List.of(tp));
        consumer.seekToBeginning(List.of(tp));
        long count = 0;
        long giveUpAt = System.nanoTime() + deadline.toNanos();
        try {
            while (consumer.position(tp) < endOffset) {
                if (System.nanoTime() > giveUpAt) {
                    throw new IllegalStateException("replay of " + tp + " did not reach offset " + endOffset
                            + " within " + deadline + " (at " + consumer.position(tp) + ")");
                }
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(POLL).records(tp)) {
                    if (r.offset() < endOffset) {
                        sink.accept(r);
                        count++;
                    }
                }
            }
        } finally {
            consumer.unsubscribe();
        }
        return count;
    }

    /** The last checkpoint stored under {@code key} in the (single-partition) snapshots topic. */
    Optional<Checkpoint> latestCheckpoint(String snapshotsTopic, String key) {
        TopicPartition tp = new TopicPartition(snapshotsTopic, 0);
        consumer.assign(List.of(tp));
        try {
            long end = consumer.endOffsets(List.of(tp), deadline).getOrDefault(tp, 0L);
            consumer.seekToBeginning(List.of(tp));
            byte[] keyBytes = key.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            byte[] latest = null;
            long giveUpAt = System.nanoTime() + deadline.toNanos();
            while (consumer.position(tp) < end) {
                if (System.nanoTime() > giveUpAt) {
                    throw new IllegalStateException("reading " + snapshotsTopic + " timed out");
                }
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(POLL).records(tp)) {
                    if (java.util.Arrays.equals(r.key(), keyBytes)) {
                        latest = r.value();
                    }
                }
            }
            return Checkpoint.decode(latest);
        } finally {
            consumer.unsubscribe();
        }
    }

    @Override
    public void close() {
        consumer.close(org.apache.kafka.clients.consumer.CloseOptions.timeout(Duration.ofSeconds(5)));
    }
}
