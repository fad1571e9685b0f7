package io.carbonx.chain.feed;

import static org.assertj.core.api.Assertions.assertThat;

import io.carbonx.chain.core.block.TopicPartition;
import io.carbonx.chain.testing.Await;
import io.carbonx.eventlog.runtime.KafkaClientTracker;
import io.carbonx.testkit.KafkaBroker;
import io.carbonx.testkit.KafkaBrokerExtension;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A partition the sink does not {@linkplain EventSink#readOn read on} is paused: the feed delivers the others, and
 * once the sink has room again every record of the paused partition arrives, once, in order, nothing skipped.
 */
@ExtendWith(KafkaBrokerExtension.class)
class KafkaEventFeedIT {

    private static final long WAIT_MS = 60_000;
    private static final int RECORDS = 300;

    @Test
    void givenAPartitionWithoutRoom_whenRead_thenItWaitsInTheLogAndArrivesWholeOnceResumed(KafkaBroker broker)
            throws Exception {
        String topic = broker.createTopic("feed-read-ahead", 2);
        try (KafkaProducer<byte[], byte[]> producer = broker.clients().newProducer(
                broker.clients().producerConfig("feed-read-ahead-it"))) {
            for (int i = 0; i < RECORDS; i++) {
                for (int p = 0; p < 2; p++) {
                    producer.send(new ProducerRecord<>(topic, p, null,
                            ("e-" + p + "-" + i).getBytes(StandardCharsets.UTF_8)));
                }
            }
            producer.flush();
        }
        TopicPartition held = new TopicPartition(topic, 0);
        TopicPartition free = new TopicPartition(topic, 1);
        GatedSink sink = new GatedSink(held);
        try (KafkaEventFeed feed = new KafkaEventFeed(broker.clients(), "feed-read-ahead-it", List.of(topic), 1_000,
                KafkaClientTracker.NONE, "test")) {
            feed.start(Map.of(), sink);
            Await.until("partition 1 delivered", WAIT_MS, () -> sink.position(free) >= RECORDS, sink::toString);
            assertThat(sink.offsets(held)).as("records of the paused partition delivered").isEmpty();

            sink.open = true;
            Await.until("partition 0 delivered", WAIT_MS, () -> sink.position(held) >= RECORDS, sink::toString);
        }
        assertThat(sink.offsets(held)).containsExactlyElementsOf(range(RECORDS));
        assertThat(sink.offsets(free)).containsExactlyElementsOf(range(RECORDS));
        assertThat(sink.asked).as("the feed asked the sink before reading").isTrue();
    }

    private static List<Long> range(int n) {
        List<Long> out = new ArrayList<>();
        for (long i = 0; i < n; i++) {
            out.add(i);
        }
        return out;
    }

    /** Refuses to read on in {@code gated} until {@link #open}; records what it was given. */
    private static final class GatedSink implements EventSink {
        private final TopicPartition gated;
        private final Map<TopicPartition, List<Long>> offsets = new ConcurrentHashMap<>();
        private final Map<TopicPartition, Long> positions = new ConcurrentHashMap<>();
        volatile boolean open;
        volatile boolean asked;

        GatedSink(TopicPartition gated) {
            this.gated = gated;
        }

        @Override
        public synchronized void accept(List<ReadEvent> events, Map<TopicPartition, Long> at) {
            for (ReadEvent e : events) {
                offsets.computeIfAbsent(e.topicPartition(), k -> new ArrayList<>()).add(e.offset());
            }
            positions.putAll(at);
        }

        @Override
        public boolean readOn(TopicPartition tp, long position) {
            if (tp.equals(gated)) {
                asked = true;
                return open;
            }
            return true;
        }

        long position(TopicPartition tp) {
            return positions.getOrDefault(tp, 0L);
        }

        synchronized List<Long> offsets(TopicPartition tp) {
            return List.copyOf(offsets.getOrDefault(tp, List.of()));
        }

        @Override
        public String toString() {
            return "positions " + new TreeMap<>(positions);
        }
    }
}
