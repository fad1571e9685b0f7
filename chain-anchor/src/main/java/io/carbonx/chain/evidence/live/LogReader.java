package io.carbonx.chain.evidence.live;

import io.carbonx.chain.core.block.TopicPartition;
import io.carbonx.chain.feed.ReadEvent;
import io.carbonx.eventlog.KafkaClients;
import io.carbonx.eventlog.runtime.KafkaClientTracker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;

/**
 * Random access to the log as the validators read it: the records of one partition in an offset range,
 * {@code read_committed}, tombstones left out (a validator's feed skips them too, so they are never leaves). One
 * consumer, manually assigned, no group, no committed offsets. Thread-safe: every read holds the reader's lock.
 */
public final class LogReader implements AutoCloseable {

    /** Why a range could not be read (the broker did not deliver it in time, or the client failed). */
    public static final class LogReadException extends Exception {
        private static final long serialVersionUID = 1L;

        LogReadException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static final Duration POLL = Duration.ofMillis(100);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final KafkaClientTracker.Registration registration;
    private final long timeoutMs;

    /**
     * @param clientId  the consumer's client id
     * @param timeoutMs how long one read may take
     */
    public LogReader(KafkaClients clients, String clientId, long timeoutMs, KafkaClientTracker tracker,
                     String service) {
        Map<String, Object> config = new HashMap<>(clients.consumerConfig(clientId, Map.of(
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000",
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "10")));
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        this.consumer = clients.newConsumer(config);
        this.registration = tracker.track(consumer, service);
        this.timeoutMs = timeoutMs;
    }

    /**
     * The records of {@code tp} with offsets in {@code [from, toExclusive)} whose value is not null, ascending.
     *
     * @throws LogReadException if the range is not all delivered within the timeout, or the client fails
     */
    public synchronized List<ReadEvent> read(TopicPartition tp, long from, long toExclusive) throws LogReadException {
        return read(tp, from, toExclusive, Integer.MAX_VALUE);
    }

    /**
     * As {@link #read(TopicPartition, long, long)}, stopping after {@code maxRecords} records (the returned list is
     * then the first {@code maxRecords}).
     */
    public synchronized List<ReadEvent> read(TopicPartition tp, long from, long toExclusive, int maxRecords)
            throws LogReadException {
        List<ReadEvent> out = new ArrayList<>();
        if (toExclusive <= from) {
            return out;
        }
        org.apache.kafka.common.TopicPartition k = new org.apache.kafka.common.TopicPartition(tp.topic(), tp.partition());
        long deadline = System.currentTimeMillis() + timeoutMs;
        try {
            consumer.assign(List.of(k));
            consumer.seek(k, from);
            while (consumer.position(k) < toExclusive && out.size() < maxRecords) {
                if (System.currentTimeMillis() > deadline) {
                    throw new LogReadException(tp + " [" + from + ", " + toExclusive + ") not delivered within "
                            + timeoutMs + " ms (position " + consumer.position(k) + ")", null);
                }
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(POLL).records(k)) {
                    if (r.offset() >= from && r.offset() < toExclusive && r.value() != null && out.size() < maxRecords) {
                        out.add(new ReadEvent(tp, r.offset(), r.value(), r.timestamp()));
                    }
                }
            }
            return out;
        } catch (KafkaException e) {
            throw new LogReadException("reading " + tp + " [" + from + ", " + toExclusive + ") failed: " + e, e);
        }
    }

    /** The last stable offset of {@code tp} (what {@code read_committed} can read up to). */
    public synchronized long endOffset(TopicPartition tp) throws LogReadException {
        org.apache.kafka.common.TopicPartition k = new org.apache.kafka.common.TopicPartition(tp.topic(), tp.partition());
        try {
            Long end = consumer.endOffsets(List.of(k), Duration.ofMillis(timeoutMs)).get(k);
            return end == null ? 0 : end;
        } catch (KafkaException e) {
            throw new LogReadException("end offset of " + tp + ": " + e, e);
        }
    }

    /** The partitions of {@code topic} (empty if it does not exist). */
    public synchronized List<TopicPartition> partitions(String topic) throws LogReadException {
        try {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofMillis(timeoutMs));
            List<TopicPartition> out = new ArrayList<>();
            if (infos != null) {
                infos.forEach(p -> out.add(new TopicPartition(p.topic(), p.partition())));
            }
            out.sort(null);
            return out;
        } catch (KafkaException e) {
            throw new LogReadException("partitions of " + topic + ": " + e, e);
        }
    }

    @Override
    public synchronized void close() {
        registration.close();
        consumer.close(CloseOptions.timeout(Duration.ofSeconds(2)));
    }
}
