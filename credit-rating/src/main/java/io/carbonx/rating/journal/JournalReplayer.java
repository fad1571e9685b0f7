package io.carbonx.rating.journal;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.carbonx.eventlog.KafkaClients;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Rebuilds a {@link JournalFold} from the journal: reads the partition {@code read_committed} from its beginning up
 * to the service group's committed offset and folds every record without output, then
 * {@link JournalFold#skipTo skips} to that offset. The state is then exactly the one the service had when it committed
 * that offset, so processing resumes there without publishing anything twice.
 *
 * <p>The committed offset is read with a standalone consumer of the service's group (it is assigned the partition by
 * hand, never joins the group and never commits); under {@code read_committed} the lookup waits for a pending
 * transactional offset commit to be decided. A rebuild that does not reach the committed offset within the timeout
 * throws {@link IllegalStateException}; the processing loop then aborts and retries.
 */
public final class JournalReplayer {

    private static final Duration POLL = Duration.ofMillis(200);

    private final KafkaClients clients;
    private final String groupId;
    private final String clientId;
    private final Duration timeout;

    /**
     * @param groupId  the processing loop's consumer group (whose committed offset marks the end of the replay)
     * @param clientId client id of the replay consumer
     * @param timeout  longest rebuild of one partition
     */
    public JournalReplayer(KafkaClients clients, String groupId, String clientId, Duration timeout) {
        this.clients = Objects.requireNonNull(clients, "clients");
        this.groupId = Objects.requireNonNull(groupId, "groupId");
        this.clientId = Objects.requireNonNull(clientId, "clientId");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /**
     * Folds {@code partition} into the fresh {@code fold} up to the group's committed offset.
     *
     * @return the number of records folded
     * @throws IllegalStateException if the committed offset is not reached in time
     */
    public long replay(TopicPartition partition, JournalFold fold) {
        Map<String, Object> config = clients.consumerConfig(groupId, Map.of(ConsumerConfig.CLIENT_ID_CONFIG, clientId));
        try (KafkaConsumer<byte[], byte[]> consumer = clients.newConsumer(config)) {
            OffsetAndMetadata committed = consumer.committed(Set.of(partition), timeout).get(partition);
            long target = committed == null ? 0 : committed.offset();
            if (target <= fold.nextOffset()) {
                return 0;
            }
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long folded = 0;
            long deadline = System.nanoTime() + timeout.toNanos();
            while (consumer.position(partition, timeout) < target) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("rebuild of " + partition + " did not reach offset " + target
                            + " within " + timeout + " (at " + consumer.position(partition) + ")");
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL).records(partition)) {
                    if (record.offset() < target) {
                        fold.apply(record.offset(), record.key(), record.value(), false);
                        folded++;
                    }
                }
            }
            fold.skipTo(target);
            return folded;
        }
    }
}
