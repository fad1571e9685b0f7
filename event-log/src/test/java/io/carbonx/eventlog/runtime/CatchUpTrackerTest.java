package io.carbonx.eventlog.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.vertx.core.json.JsonObject;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.junit.jupiter.api.Test;
import org.apache.kafka.common.TopicPartition;

class CatchUpTrackerTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(1);
    private static final TopicPartition A0 = new TopicPartition("a", 0);
    private static final TopicPartition A1 = new TopicPartition("a", 1);
    private static final TopicPartition B0 = new TopicPartition("b", 0);

    private final MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("earliest");

    private void positionedAt(Map<TopicPartition, Long> positions, Map<TopicPartition, Long> ends) {
        consumer.assign(positions.keySet());
        positions.forEach(consumer::seek);
        consumer.updateEndOffsets(ends);
    }

    @Test
    void beforeCapture_thenAwaitingAssignment_andNotCaughtUp() {
        CatchUpTracker tracker = new CatchUpTracker();

        assertThat(tracker.update(consumer)).isEqualTo(CatchUpProgress.AWAITING_ASSIGNMENT);
        assertThat(tracker.isCaughtUp()).isFalse();
        assertThat(tracker.progress().describe()).isEqualTo("awaiting partition assignment");
    }

    @Test
    void givenBacklog_whenCaptured_thenRemainingPerTopicIsEndMinusPosition() {
        positionedAt(Map.of(A0, 2L, A1, 0L, B0, 5L), Map.of(A0, 10L, A1, 4L, B0, 5L));
        CatchUpTracker tracker = new CatchUpTracker();

        CatchUpProgress p = tracker.capture(consumer, List.of(A0, A1, B0), TIMEOUT);

        assertThat(p.caughtUp()).isFalse();
        assertThat(p.assigned()).isTrue();
        assertThat(p.remainingByTopic()).containsExactly(Map.entry("a", 12L), Map.entry("b", 0L));
        assertThat(p.remaining()).isEqualTo(12);
        assertThat(p.describe()).isEqualTo("12 offsets left on a, b");
        assertThat(p.toJson()).isEqualTo(new JsonObject().put("caughtUp", false).put("assigned", true)
                .put("remaining", 12L).put("topics", new JsonObject().put("a", 12L).put("b", 0L)));
    }

    @Test
    void givenBacklog_whenPositionsReachTheCapturedEnds_thenCaughtUp_andLaterWritesDoNotUnlatchIt() {
        positionedAt(Map.of(A0, 0L), Map.of(A0, 3L));
        CatchUpTracker tracker = new CatchUpTracker();
        tracker.capture(consumer, List.of(A0), TIMEOUT);
        consumer.seek(A0, 2);
        assertThat(tracker.update(consumer).remaining()).isEqualTo(1);

        consumer.updateEndOffsets(Map.of(A0, 100L)); // written after startup: not part of the catch-up
        consumer.seek(A0, 3);

        assertThat(tracker.update(consumer).caughtUp()).isTrue();
        consumer.seek(A0, 0);
        assertThat(tracker.update(consumer)).isEqualTo(CatchUpProgress.CAUGHT_UP);
        assertThat(tracker.isCaughtUp()).isTrue();
    }

    @Test
    void givenNothingAssigned_whenCaptured_thenCaughtUpAtOnce() {
        CatchUpTracker tracker = new CatchUpTracker();

        assertThat(tracker.capture(consumer, List.of(), TIMEOUT).caughtUp()).isTrue();
    }

    @Test
    void givenAPartitionRevoked_thenItNoLongerCounts() {
        positionedAt(Map.of(A0, 0L, A1, 0L), Map.of(A0, 0L, A1, 7L));
        CatchUpTracker tracker = new CatchUpTracker();
        assertThat(tracker.capture(consumer, List.of(A0, A1), TIMEOUT).remaining()).isEqualTo(7);

        consumer.assign(List.of(A0));

        assertThat(tracker.update(consumer).caughtUp()).isTrue();
    }

    @Test
    void givenReaders_whenOneIsBehind_thenCatchingUpNamingOnlyIt_elseEmpty() {
        positionedAt(Map.of(A0, 1L), Map.of(A0, 4L));
        CatchUpTracker behind = new CatchUpTracker();
        behind.capture(consumer, List.of(A0), TIMEOUT);

        ComponentHealth health = ComponentHealth.catchingUp(new JsonObject().put("x", 1),
                Map.of("orders", behind.progress(), "trades", CatchUpProgress.CAUGHT_UP)).orElseThrow();

        assertThat(health.status()).isEqualTo(ComponentHealth.Status.CATCHING_UP);
        assertThat(health.isUp()).isFalse();
        assertThat(health.details().getString("reason")).isEqualTo("catching up: orders (3 offsets left on a)");
        assertThat(health.details().getInteger("x")).isEqualTo(1);
        assertThat(health.details().getJsonObject("catchUp").fieldNames()).containsExactly("orders", "trades");
        assertThat(ComponentHealth.catchingUp(null, Map.of("trades", CatchUpProgress.CAUGHT_UP))).isEmpty();
    }
}
