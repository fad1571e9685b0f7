package io.carbonx.chain.evidence.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.carbonx.chain.core.block.PartitionRange;
import io.carbonx.chain.core.block.TopicPartition;
import io.carbonx.chain.feed.ReadEvent;
import io.carbonx.chain.testing.KafkaLog;
import io.carbonx.eventlog.runtime.KafkaClientTracker;
import io.carbonx.testkit.KafkaBroker;
import io.carbonx.testkit.KafkaBrokerExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@link LogReader#readRanges} returns exactly what range-by-range {@link LogReader#read} returns, whatever the
 * order of the calls: blocks read in height order (served from the records kept past each range's end), jumps back
 * to earlier blocks, single-range reads in between, transaction markers, aborted records and tombstones in the log.
 */
@ExtendWith(KafkaBrokerExtension.class)
class LogReaderIT {

    private static final int PARTITIONS = 3;

    @Test
    void readRangesReturnsWhatRangeByRangeReadsReturn_inAnyOrderOfCalls(KafkaBroker broker) throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        String topic = broker.createTopic("log-reader", PARTITIONS);
        try (KafkaLog log = new KafkaLog(broker.clients(), "log-reader-it-" + seed, seed);
             KafkaProducer<byte[], byte[]> plain = broker.clients().newProducer(
                     broker.clients().producerConfig("log-reader-tombstones"))) {
            log.produce(List.of(topic), PARTITIONS, 3000);
            for (int p = 0; p < PARTITIONS; p++) {
                plain.send(new ProducerRecord<>(topic, p, null, null)); // tombstones: never returned
            }
            plain.flush();
            log.produce(List.of(topic), PARTITIONS, 600);
            Map<TopicPartition, Long> ends = log.ends(List.of(topic));
            List<List<PartitionRange>> blocks = blocks(topic, ends, random);
            try (LogReader reader = reader(broker, "log-reader-it-a-" + seed);
                 LogReader reference = reader(broker, "log-reader-it-b-" + seed)) {
                for (int i = 0; i < blocks.size(); i++) {
                    int b = random.nextInt(10) == 0 ? random.nextInt(i + 1) : i; // now and then an earlier block
                    assertSame(reader.readRanges(blocks.get(b)), expected(reference, blocks.get(b)), seed, b);
                    if (random.nextInt(8) == 0) {
                        PartitionRange r = blocks.get(random.nextInt(blocks.size())).get(0);
                        assertSame(List.of(reader.read(r.topicPartition(), r.fromOffset(), r.toOffsetExclusive())),
                                expected(reference, List.of(r)), seed, -1);
                    }
                }
            }
        }
    }

    /** Consecutive blocks covering every partition up to its end, each with one range per partition it touches. */
    private static List<List<PartitionRange>> blocks(String topic, Map<TopicPartition, Long> ends, Random random) {
        long[] next = new long[PARTITIONS];
        List<List<PartitionRange>> blocks = new ArrayList<>();
        boolean more = true;
        while (more) {
            more = false;
            List<PartitionRange> ranges = new ArrayList<>();
            for (int p = 0; p < PARTITIONS; p++) {
                long end = ends.getOrDefault(new TopicPartition(topic, p), 0L);
                long to = Math.min(end, next[p] + random.nextInt(120));
                if (to > next[p]) {
                    ranges.add(new PartitionRange(topic, p, next[p], to));
                    next[p] = to;
                }
                more |= next[p] < end;
            }
            if (!ranges.isEmpty()) {
                blocks.add(ranges);
            }
        }
        return blocks;
    }

    private static List<List<ReadEvent>> expected(LogReader reference, List<PartitionRange> ranges) throws Exception {
        List<List<ReadEvent>> out = new ArrayList<>();
        for (PartitionRange r : ranges) {
            out.add(reference.read(r.topicPartition(), r.fromOffset(), r.toOffsetExclusive()));
        }
        return out;
    }

    private static void assertSame(List<List<ReadEvent>> actual, List<List<ReadEvent>> expected, long seed, int block) {
        assertThat(actual).as("seed %d, block %d", seed, block).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(actual.get(i)).as("seed %d, block %d, range %d", seed, block, i)
                    .extracting(ReadEvent::offset).containsExactlyElementsOf(expected.get(i).stream()
                            .map(ReadEvent::offset).toList());
            for (int j = 0; j < expected.get(i).size(); j++) {
                assertThat(actual.get(i).get(j).bytes()).as("seed %d", seed).isEqualTo(expected.get(i).get(j).bytes());
                assertThat(actual.get(i).get(j).topicPartition()).isEqualTo(expected.get(i).get(j).topicPartition());
            }
        }
    }

    private static LogReader reader(KafkaBroker broker, String clientId) {
        return new LogReader(broker.clients(), clientId, 60_000, KafkaClientTracker.NONE, "test");
    }
}
