package io.carbonx.node.demo.facts;

import io.carbonx.node.client.TopicReader;
import io.carbonx.schemas.EventCodec;
import io.carbonx.schemas.EventDecodingException;
import io.carbonx.schemas.Topics;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads the public topics of the day from their beginning to the end offsets of one moment into {@link DayFacts},
 * with the demo's own consumer ({@code read_committed}: aborted transactions are never seen).
 */
public final class FactReader {

    /** The topics the demo's checks and report read. */
    public static final List<String> TOPICS = List.of(Topics.IDENTITY, Topics.FUNDS, Topics.QUOTAS,
            Topics.ORDERS_SUBMITTED, Topics.ORDERS, Topics.TRADES, Topics.SETTLEMENT, Topics.COMPLIANCE,
            Topics.RATINGS, Topics.REJECTIONS);

    private static final EventCodec CODEC = EventCodec.standard();

    private final TopicReader reader;

    /** @param reader the demo's topic reader */
    public FactReader(TopicReader reader) {
        this.reader = reader;
    }

    /** The end offset of every partition of {@code topics} now. */
    public Map<TopicPartition, Long> ends(List<String> topics) {
        Map<TopicPartition, Long> out = new TreeMap<>((a, b) -> a.toString().compareTo(b.toString()));
        for (String t : topics) {
            for (TopicPartition tp : reader.partitions(t)) {
                out.put(tp, reader.endOffset(tp));
            }
        }
        return out;
    }

    /** Reads every record of {@link #TOPICS} below the end offsets of now. */
    public DayFacts read() {
        DayFacts facts = new DayFacts();
        for (Map.Entry<TopicPartition, Long> e : ends(TOPICS).entrySet()) {
            String topic = e.getKey().topic();
            reader.read(e.getKey(), 0, e.getValue(), r -> {
                if (r.value() == null) {
                    return;
                }
                try {
                    facts.add(topic, CODEC.decode(r.value()));
                } catch (EventDecodingException bad) {
                    facts.undecodable(topic);
                }
            });
        }
        return facts;
    }
}
