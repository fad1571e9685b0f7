package io.carbonx.node.client;

import io.carbonx.eventlog.KafkaClients;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads committed records of topic partitions, in offset order, with a consumer of its own that joins no group and
 * commits nothing ({@code read_committed}: aborted and open transactions are never seen). Every operation is
 * bounded by the time-out; running out of it, or the cluster not answering, is a
 * {@link ClientException.Kind#UNAVAILABLE}. Not thread-safe.
 */
public final class TopicReader implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(200);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Duration timeout;
    private final String bootstrap;

    /**
     * @param clients  the cluster
     * @param clientId the consumer's client id
     * @param timeout  bound of each operation
     */
    public TopicReader(KafkaClients clients, String clientId, Duration timeout) {
        Map<String, Object> config = new HashMap<>(clients.consumerConfig(clientId, Map.of(
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000")));
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        this.consumer = clients.newConsumer(config);
        this.timeout = timeout;
        this.bootstrap = clients.bootstrapServers();
    }

    /** The partitions of {@code topic}, sorted; a {@link ClientException.Kind#NOT_FOUND} if there is no topic. */
    public List<TopicPartition> partitions(String topic) {
        List<PartitionInfo> infos;
        try {
            infos = consumer.partitionsFor(topic, timeout);
        } catch (KafkaException e) {
            throw unavailable("listing the partitions of " + topic, e);
        }
        if (infos == null || infos.isEmpty()) {
            throw ClientException.of(ClientException.Kind.NOT_FOUND, "Kafka at " + bootstrap + " has no topic "
                    + topic);
        }
        List<TopicPartition> out = new ArrayList<>();
        infos.stream().mapToInt(PartitionInfo::partition).sorted()
                .forEach(p -> out.add(new TopicPartition(topic, p)));
        return out;
    }

    /** The offset after the last committed record of {@code tp} (its last stable offset). */
    public long endOffset(TopicPartition tp) {
        try {
            return consumer.endOffsets(List.of(tp), timeout).get(tp);
        } catch (KafkaException e) {
            throw unavailable("reading the end offset of " + tp, e);
        }
    }

    /**
     * Feeds every committed record of {@code tp} with {@code from <= offset < toExclusive} to {@code sink}, in
     * order.
     *
     * @return the number of records fed
     */
    public long read(TopicPartition tp, long from, long toExclusive, Consumer<ConsumerRecord<byte[], byte[]>> sink) {
        if (toExclusive <= from) {
            return 0;
        }
        long count = 0;
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            consumer.assign(List.of(tp));
            consumer.seek(tp, from);
            while (consumer.position(tp, timeout) < toExclusive) {
                if (System.nanoTime() > deadline) {
                    throw ClientException.of(ClientException.Kind.UNAVAILABLE, "reading " + tp + " up to offset "
                            + toExclusive + " took longer than " + timeout.toMillis() + " ms (at offset "
                            + consumer.position(tp) + ")");
                }
                List<ConsumerRecord<byte[], byte[]>> batch = consumer.poll(POLL).records(tp);
                for (ConsumerRecord<byte[], byte[]> r : batch) {
                    if (r.offset() >= from && r.offset() < toExclusive) {
                        sink.accept(r);
                        count++;
                    }
                }
                if (!batch.isEmpty()) {
                    deadline = System.nanoTime() + timeout.toNanos();
                }
            }
        } catch (KafkaException e) {
            throw unavailable("reading " + tp, e);
        }
        return count;
    }

    private ClientException unavailable(String what, KafkaException e) {
        return ClientException.of(ClientException.Kind.UNAVAILABLE, what + " from Kafka at " + bootstrap
                + " failed: " + e.getMessage(), e);
    }

    @Override
    public void close() {
        consumer.close(CloseOptions.timeout(Duration.ofSeconds(2)));
    }
}
