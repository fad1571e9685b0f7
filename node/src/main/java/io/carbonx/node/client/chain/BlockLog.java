package io.carbonx.node.client.chain;

import io.carbonx.events.BlockCommitted;
import io.carbonx.node.client.TopicReader;
import io.carbonx.schemas.EventCodec;
import io.carbonx.schemas.EventDecodingException;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.TopicPartition;

/**
 * The committed blocks as the blocks topic holds them: every {@link BlockCommitted} of every partition, up to the
 * topic's end when read. Records of other types are skipped; records that do not decode are counted.
 *
 * @param blocks      the block events, in topic order
 * @param undecodable records that are not valid CarbonX events
 * @param records     records read
 */
public record BlockLog(List<BlockCommitted> blocks, int undecodable, long records) {

    /** Reads {@code topic} from the beginning to its end. */
    public static BlockLog read(TopicReader reader, String topic) {
        List<BlockCommitted> blocks = new ArrayList<>();
        int[] bad = {0};
        long records = 0;
        EventCodec codec = EventCodec.standard();
        for (TopicPartition tp : reader.partitions(topic)) {
            records += reader.read(tp, 0, reader.endOffset(tp), r -> {
                try {
                    if (r.value() != null && codec.typeOf(r.value()) == BlockCommitted.class) {
                        blocks.add(codec.decode(r.value(), BlockCommitted.class));
                    }
                } catch (EventDecodingException e) {
                    bad[0]++;
                }
            });
        }
        return new BlockLog(List.copyOf(blocks), bad[0], records);
    }
}
