package io.carbonx.chain.core.block;

import static org.assertj.core.api.Assertions.assertThat;

import io.carbonx.chain.core.Digest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class InMemoryLocalLogTest {

    private static LogEvent e(String topic, long offset) {
        return new LogEvent(topic, 0, offset, (topic + offset).getBytes(StandardCharsets.UTF_8));
    }

    private static ChainState headAt(String topic, long next) {
        TreeMap<TopicPartition, Long> offsets = new TreeMap<>();
        offsets.put(new TopicPartition(topic, 0), next);
        return new ChainState("c", 1, Digest.ZERO, 0, offsets);
    }

    @Test
    void pruneForgetsCoveredEventsButKeepsPositionsAndPendingOrder() {
        InMemoryLocalLog log = new InMemoryLocalLog();
        for (int i = 0; i < 3000; i++) {
            log.append(e("a", i), i);
            log.append(e("b", i), i);
        }
        ChainState head = headAt("a", 2500);

        log.prune(head);

        assertThat(log.size()).isEqualTo(500 + 3000);
        assertThat(log.position(new TopicPartition("a", 0))).isEqualTo(3000);
        assertThat(log.read(new TopicPartition("a", 0), 2498, 2502)).extracting(LogEvent::offset)
                .containsExactly(2500L, 2501L);
        List<LocalLog.Arrival> pending = log.pending(head, 3);
        assertThat(pending).extracting(a -> a.event().toString()).containsExactly("b-0@0(2B)", "b-0@1(2B)",
                "b-0@2(2B)");
        assertThat(log.appendedCount()).isEqualTo(6000);
    }

    @Test
    void adoptedBytesAreNotCopiedButReadsStillReturnCopies() {
        byte[] raw = {1, 2, 3};
        LogEvent adopted = LogEvent.adopt(new TopicPartition("t", 0), 0, raw);
        byte[] copy = adopted.bytes();
        copy[0] = 9;
        assertThat(adopted.bytes()).containsExactly(1, 2, 3);
    }
}
