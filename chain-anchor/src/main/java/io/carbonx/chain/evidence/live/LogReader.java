package io.carbonx.chain.evidence.live;

import io.carbonx.chain.core.block.PartitionRange;
import io.carbonx.chain.core.block.TopicPartition;
import io.carbonx.chain.feed.ReadEvent;
import io.carbonx.eventlog.KafkaClients;
import io.carbonx.eventlog.runtime.KafkaClientTracker;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 *
 * <p>{@link #readRanges} reads all of a block's ranges in one pass: every partition fetched at once, and the records
 * a fetch returned past the end of a range kept for the next call, so reading blocks in height order (the indexer)
 * fetches each record once instead of re-seeking and re-fetching every partition for every block.
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

    /**
     * Per partition, every non-tombstone record of {@code [from, consumer position)}, read past the end of an earlier
     * range: what the next range of that partition starts with, without a fetch.
     */
    private static final class Span {
        long from;
        final ArrayDeque<ReadEvent> records = new ArrayDeque<>();

        Span(long from) {
            this.from = from;
        }
    }

    private final Map<org.apache.kafka.common.TopicPartition, Span> spans = new HashMap<>();
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
            spans.clear();
            consumer.assign(List.of(k));
            consumer.resume(List.of(k)); // readRanges may have paused it
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

    /**
     * The records of each of {@code ranges} (as {@link #read(TopicPartition, long, long)} would return them), in the
     * order of {@code ranges}; the partitions are read together. Ranges of the same partition must not overlap.
     *
     * @throws LogReadException if the ranges are not all delivered within the timeout, or the client fails
     */
    public synchronized List<List<ReadEvent>> readRanges(List<PartitionRange> ranges) throws LogReadException {
        Map<org.apache.kafka.common.TopicPartition, Long> ends = new HashMap<>();
        for (PartitionRange r : ranges) {
            if (r.toOffsetExclusive() > r.fromOffset() && ends.put(key(r.topicPartition()), r.toOffsetExclusive()) != null) {
                List<List<ReadEvent>> out = new ArrayList<>();
                for (PartitionRange q : ranges) {
                    out.add(read(q.topicPartition(), q.fromOffset(), q.toOffsetExclusive()));
                }
                return out; // a partition twice: read range by range
            }
        }
        long deadline = System.currentTimeMillis() + timeoutMs;
        try {
            position(ranges, ends.keySet());
            fill(ends, deadline);
            List<List<ReadEvent>> out = new ArrayList<>(ranges.size());
            for (PartitionRange r : ranges) {
                List<ReadEvent> events = new ArrayList<>();
                if (r.toOffsetExclusive() > r.fromOffset()) {
                    Span span = spans.get(key(r.topicPartition()));
                    while (!span.records.isEmpty() && span.records.peekFirst().offset() < r.toOffsetExclusive()) {
                        events.add(span.records.pollFirst());
                    }
                    span.from = r.toOffsetExclusive();
                }
                out.add(events);
            }
            return out;
        } catch (KafkaException e) {
            spans.clear();
            throw new LogReadException("reading " + ranges + " failed: " + e, e);
        }
    }

    /**
     * Assigns the partitions of {@code ranges} (keeping the positions and spans of those already assigned) and puts
     * each at its range's start: served from its span when the span covers it, else sought (span restarted).
     */
    private void position(List<PartitionRange> ranges, Set<org.apache.kafka.common.TopicPartition> needed) {
        Set<org.apache.kafka.common.TopicPartition> assigned = consumer.assignment();
        if (!assigned.containsAll(needed)) {
            Set<org.apache.kafka.common.TopicPartition> union = new HashSet<>(assigned);
            union.addAll(needed);
            consumer.assign(union);
        }
        spans.keySet().retainAll(consumer.assignment());
        for (PartitionRange r : ranges) {
            org.apache.kafka.common.TopicPartition k = key(r.topicPartition());
            if (!needed.contains(k)) {
                continue;
            }
            Span span = spans.get(k);
            if (span != null && span.from <= r.fromOffset() && r.fromOffset() <= consumer.position(k)) {
                while (!span.records.isEmpty() && span.records.peekFirst().offset() < r.fromOffset()) {
                    span.records.pollFirst();
                }
                span.from = r.fromOffset();
            } else {
                consumer.seek(k, r.fromOffset());
                spans.put(k, new Span(r.fromOffset()));
            }
        }
    }

    /**
     * Polls until every partition of {@code ends} is read up to its end; only those still short of it are fetched
     * (the others paused), so a span holds at most what one fetch returned past a range's end.
     */
    private void fill(Map<org.apache.kafka.common.TopicPartition, Long> ends, long deadline) throws LogReadException {
        while (true) {
            List<org.apache.kafka.common.TopicPartition> shortOf = new ArrayList<>();
            for (Map.Entry<org.apache.kafka.common.TopicPartition, Long> e : ends.entrySet()) {
                if (consumer.position(e.getKey()) < e.getValue()) {
                    shortOf.add(e.getKey());
                }
            }
            if (shortOf.isEmpty()) {
                return;
            }
            if (System.currentTimeMillis() > deadline) {
                spans.clear();
                throw new LogReadException(shortOf + " not delivered up to the ranges' ends within " + timeoutMs
                        + " ms", null);
            }
            Set<org.apache.kafka.common.TopicPartition> paused = new HashSet<>(consumer.assignment());
            shortOf.forEach(paused::remove);
            consumer.pause(paused);
            consumer.resume(shortOf);
            for (ConsumerRecord<byte[], byte[]> r : consumer.poll(POLL)) {
                org.apache.kafka.common.TopicPartition k = new org.apache.kafka.common.TopicPartition(r.topic(),
                        r.partition());
                Span span = spans.get(k);
                if (span != null && r.value() != null && r.offset() >= span.from) {
                    span.records.addLast(new ReadEvent(new TopicPartition(r.topic(), r.partition()), r.offset(),
                            r.value(), r.timestamp()));
                }
            }
        }
    }

    private static org.apache.kafka.common.TopicPartition key(TopicPartition tp) {
        return new org.apache.kafka.common.TopicPartition(tp.topic(), tp.partition());
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
