package io.carbonx.chain.runtime;

import io.carbonx.eventlog.KafkaClients;
import io.carbonx.events.BlockCommitted;
import io.carbonx.events.ViewChanged;
import io.carbonx.schemas.EventCodec;
import io.carbonx.schemas.EventDecodingException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.avro.specific.SpecificRecord;

/**
 * Finds the newest height (or view) of a chain already on a chain topic, reading {@code read_committed}
 * backwards from the end in growing windows, so a long topic is not read whole.
 */
final class PublishedTail implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(200);
    private static final long TIMEOUT_MS = 30_000;

    private final String chainId;
    private final KafkaConsumer<byte[], byte[]> consumer;

    PublishedTail(KafkaClients clients, String chainId) {
        this.chainId = chainId;
        Map<String, Object> config = new HashMap<>(clients.consumerConfig("chain-tail-" + chainId,
                Map.of(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false")));
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        this.consumer = clients.newConsumer(config);
    }

    /** Highest BlockCommitted height of the chain on {@code topic}, or -1 (0 is never a height). */
    long lastHeight(String topic) {
        return last(topic, r -> r instanceof BlockCommitted b && b.getHeader().getChainId().equals(chainId)
                ? b.getHeader().getHeight() : -1);
    }

    /** Highest ViewChanged view of the chain on {@code topic}, or -1. */
    long lastView(String topic) {
        return last(topic, r -> r instanceof ViewChanged v && v.getChainId().equals(chainId) ? v.getNewView() : -1);
    }

    private long last(String topic, ToLongFunction<SpecificRecord> value) {
        List<PartitionInfo> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10));
        long best = -1;
        for (PartitionInfo p : partitions) {
            best = Math.max(best, lastIn(new TopicPartition(topic, p.partition()), value));
        }
        return best;
    }

    private long lastIn(TopicPartition tp, ToLongFunction<SpecificRecord> value) {
        consumer.assign(List.of(tp));
        long begin = consumer.beginningOffsets(List.of(tp)).get(tp);
        long end = consumer.endOffsets(List.of(tp)).get(tp);
        long window = 64;
        while (end > begin) {
            long from = Math.max(begin, end - window);
            long found = scan(tp, from, end, value);
            if (found >= 0) {
                return found;
            }
            end = from;
            window *= 2;
        }
        return -1;
    }

    private long scan(TopicPartition tp, long from, long to, ToLongFunction<SpecificRecord> value) {
        consumer.seek(tp, from);
        long best = -1;
        long deadline = System.currentTimeMillis() + TIMEOUT_MS;
        while (consumer.position(tp) < to) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("reading " + tp + " back to offset " + from + " timed out");
            }
            for (ConsumerRecord<byte[], byte[]> r : consumer.poll(POLL)) {
                if (r.offset() >= to || r.value() == null) {
                    continue;
                }
                try {
                    best = Math.max(best, value.applyAsLong(EventCodec.standard().decode(r.value())));
                } catch (EventDecodingException e) {
                    // not one of ours: skip
                }
            }
        }
        return best;
    }

    @Override
    public void close() {
        consumer.close(CloseOptions.timeout(Duration.ofSeconds(2)));
    }
}
