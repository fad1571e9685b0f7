package io.carbonx.eventlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

class TopicSpecTest {

    @Test
    void compactedSpecCarriesCleanupPolicyAndConvertsToNewTopic() {
        TopicSpec spec = TopicSpec.compacted("carbonx.accounts-state", 6, 3)
                .withConfig(TopicSpec.MIN_INSYNC_REPLICAS, "2");

        NewTopic request = spec.toNewTopic();

        assertThat(request.name()).isEqualTo("carbonx.accounts-state");
        assertThat(request.numPartitions()).isEqualTo(6);
        assertThat(request.replicationFactor()).isEqualTo((short) 3);
        assertThat(request.configs()).containsExactlyInAnyOrderEntriesOf(
                Map.of("cleanup.policy", "compact", "min.insync.replicas", "2"));
    }

    @Test
    void retainedSpecKeepsRecordsForTheGivenTime() {
        TopicSpec spec = TopicSpec.retained("orders", 3, 1, -1);

        assertThat(spec.configs()).containsEntry("cleanup.policy", "delete").containsEntry("retention.ms", "-1");
    }

    @Test
    void rejectsIllegalTopicNames() {
        for (String bad : new String[] {"", ".", "..", "has space", "slash/name", "x".repeat(250)}) {
            assertThatThrownBy(() -> TopicSpec.of(bad, 1, 1))
                    .as(bad).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("illegal topic name");
        }
    }

    @Test
    void rejectsNonPositivePartitionsAndReplicas() {
        assertThatThrownBy(() -> TopicSpec.of("t", 0, 1)).hasMessageContaining("partitions must be >= 1");
        assertThatThrownBy(() -> TopicSpec.of("t", 1, 0)).hasMessageContaining("replicationFactor out of range");
    }

    @Test
    void rejectsMinInsyncReplicasAboveReplicationFactor() {
        assertThatThrownBy(() -> TopicSpec.of("t", 1, 1).withConfig(TopicSpec.MIN_INSYNC_REPLICAS, "2"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("min.insync.replicas must be in [1, 1]");
    }

    @Test
    void rejectsUnknownCleanupPolicyAndBadRetention() {
        assertThatThrownBy(() -> TopicSpec.of("t", 1, 1).withConfig(TopicSpec.CLEANUP_POLICY, "forever"))
                .hasMessageContaining("cleanup.policy");
        assertThatThrownBy(() -> TopicSpec.of("t", 1, 1).withConfig(TopicSpec.RETENTION_MS, "-2"))
                .hasMessageContaining("retention.ms must be >= -1");
        assertThatThrownBy(() -> TopicSpec.of("t", 1, 1).withConfig(TopicSpec.RETENTION_MS, "week"))
                .hasMessageContaining("retention.ms must be an integer");
    }

    @Test
    void rejectedChangeLeavesTheOriginalSpecUntouched() {
        TopicSpec spec = TopicSpec.of("t", 1, 1);

        assertThatThrownBy(() -> spec.withConfig(TopicSpec.RETENTION_MS, "-5"));

        assertThat(spec.configs()).isEmpty();
    }

    @Test
    void lowersMinInsyncReplicasWhenAdaptedToASingleNodeCluster() {
        TopicSpec production = TopicSpec.of("t", 3, 3).withConfig(TopicSpec.MIN_INSYNC_REPLICAS, "2");

        TopicSpec single = production.withReplicationFactor(1);

        assertThat(single.replicationFactor()).isEqualTo((short) 1);
        assertThat(single.configs()).containsEntry(TopicSpec.MIN_INSYNC_REPLICAS, "1");
        assertThat(single.partitions()).isEqualTo(3);
    }

    @Test
    void configsAreImmutable() {
        TopicSpec spec = TopicSpec.compacted("t", 1, 1);

        assertThatThrownBy(() -> spec.configs().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
    }
}
