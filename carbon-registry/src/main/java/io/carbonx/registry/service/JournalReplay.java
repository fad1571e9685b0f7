package io.carbonx.registry.service;

import io.carbonx.eventlog.KafkaClients;
import io.carbonx.registry.journal.JournalCodec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads the journal from its beginning to its end ({@code read_committed}: the last stable offset, so an
 * aborted or still open transaction is never seen) and hands every entry to a sink. A journal record that does
 * not decode is a corrupt journal: the replay fails rather than build a state that differs from the live one.
 */
public final class JournalReplay {
    private static final Duration POLL = Duration.ofMillis(200);

    private JournalReplay() {
    }

    /**
     * @param clients client factory
     * @param topic   the journal (one partition)
     * @param sink    receives the entries in order
     * @return the number of entries read
     * @throws IllegalStateException if a record does not decode
     */
    public static long replay(KafkaClients clients, String topic, Consumer<JournalCodec.Entry> sink) {
        Map<String, Object> config = clients.consumerConfig(topic + "-replay", Map.of("client.id", topic + "-replay"));
        TopicPartition tp = new TopicPartition(topic, 0);
        long count = 0;
        try (KafkaConsumer<byte[], byte[]> c = clients.newConsumer(config)) {
            c.assign(List.of(tp));
            c.seekToBeginning(List.of(tp));
            long end = c.endOffsets(List.of(tp)).get(tp);
            while (c.position(tp) < end) {
                for (ConsumerRecord<byte[], byte[]> r : c.poll(POLL)) {
                    if (r.offset() >= end) {
                        break;
                    }
                    try {
                        sink.accept(JournalCodec.decode(r.value()));
                    } catch (RuntimeException e) {
                        throw new IllegalStateException("journal " + topic + " record at offset " + r.offset()
                                + " does not decode: " + e.getMessage(), e);
                    }
                    count++;
                }
            }
        }
        return count;
    }
}
