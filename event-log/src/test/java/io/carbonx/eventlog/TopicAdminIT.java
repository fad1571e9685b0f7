package io.carbonx.eventlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.carbonx.eventlog.TopicAdmin.Outcome;
import io.carbonx.eventlog.broker.EmbeddedKafkaBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 2, unit = TimeUnit.MINUTES)
class TopicAdminIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    static Path dataDir;
    private static EmbeddedKafkaBroker broker;
    private static KafkaClients clients;
    private static Admin admin;
    private static TopicAdmin topics;

    @BeforeAll
    static void startBroker() {
        broker = new EmbeddedKafkaBroker(EmbeddedKafkaBroker.BrokerSettings.ephemeralPorts(dataDir)).start();
        clients = new KafkaClients(broker.bootstrapServers());
        admin = clients.newAdmin();
        topics = new TopicAdmin(admin, TIMEOUT);
    }

    @AfterAll
    static void stopBroker() {
        admin.close();
        broker.close();
    }

    @Test
    void createsMissingTopicsWithTheirConfigsAndReportsThemExistingOnTheSecondCall() throws Exception {
        List<TopicSpec> specs = List.of(
                TopicSpec.compacted("admin-state", 3, 1).withConfig(TopicSpec.MIN_INSYNC_REPLICAS, "1"),
                TopicSpec.retained("admin-events", 2, 1, 86_400_000L));

        assertThat(topics.ensureTopics(specs)).containsExactly(
                Map.entry("admin-state", Outcome.CREATED), Map.entry("admin-events", Outcome.CREATED));
        assertThat(topics.ensureTopics(specs)).containsExactly(
                Map.entry("admin-state", Outcome.ALREADY_EXISTED), Map.entry("admin-events", Outcome.ALREADY_EXISTED));

        ConfigResource state = new ConfigResource(ConfigResource.Type.TOPIC, "admin-state");
        ConfigResource events = new ConfigResource(ConfigResource.Type.TOPIC, "admin-events");
        Map<ConfigResource, Config> configs = admin.describeConfigs(List.of(state, events)).all().get();
        assertThat(configs.get(state).get("cleanup.policy").value()).isEqualTo("compact");
        assertThat(configs.get(events).get("retention.ms").value()).isEqualTo("86400000");
        assertThat(admin.describeTopics(List.of("admin-state")).allTopicNames().get().get("admin-state")
                .partitions()).hasSize(3);
    }

    @Test
    void givenExistingTopicWithAnotherPartitionCount_thenReportsTheMismatchAndChangesNothing() throws Exception {
        topics.ensureTopics(List.of(TopicSpec.of("admin-two", 2, 1)));

        assertThatThrownBy(() -> topics.ensureTopics(List.of(TopicSpec.of("admin-two", 3, 1))))
                .isInstanceOf(TopicAdmin.TopicMismatchException.class)
                .hasMessageContaining("admin-two: expected 3 partitions x 1 replicas, found 2 x 1");
        assertThat(admin.describeTopics(List.of("admin-two")).allTopicNames().get().get("admin-two").partitions())
                .hasSize(2);
    }

    @Test
    void rejectsTheSameTopicListedTwiceBeforeCreatingAnything() throws Exception {
        assertThatThrownBy(() -> topics.ensureTopics(List.of(TopicSpec.of("admin-dup", 1, 1),
                TopicSpec.of("admin-dup", 2, 1))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("listed twice: admin-dup");
        assertThat(admin.listTopics().names().get()).doesNotContain("admin-dup");
    }
}
