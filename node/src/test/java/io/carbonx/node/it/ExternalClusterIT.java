package io.carbonx.node.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import io.carbonx.eventlog.broker.EmbeddedKafkaBroker;
import io.carbonx.eventlog.broker.EmbeddedKafkaBroker.BrokerSettings;
import io.carbonx.node.runtime.CarbonxNode;
import io.carbonx.node.testing.NodeFixture;
import io.carbonx.node.testing.ProbeService;
import io.vertx.core.json.JsonObject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With kafka.bootstrapServers set the node starts no broker and uses the external cluster. */
class ExternalClusterIT {

    @TempDir
    Path brokerDir;

    @TempDir
    Path workDir;

    @Test
    void givenBootstrapServers_thenNoEmbeddedBroker_andTheExternalClusterIsUsedAndLeftRunning() throws Exception {
        try (EmbeddedKafkaBroker external = new EmbeddedKafkaBroker(BrokerSettings.ephemeralPorts(brokerDir)).start();
             Admin admin = Admin.create(adminProps(external.bootstrapServers()))) {
            String externalClusterId = admin.describeCluster().clusterId().get(30, TimeUnit.SECONDS);

            try (CarbonxNode node = CarbonxNode.start(NodeFixture.config(workDir,
                    Map.of("CARBONX_KAFKA_BOOTSTRAP_SERVERS", external.bootstrapServers()),
                    List.of(new ProbeService())), List.of(new ProbeService()))) {
                assertThat(node.runsEmbeddedBroker()).isFalse();
                assertThat(node.bootstrapServers()).isEqualTo(external.bootstrapServers());
                JsonObject broker = new JsonObject(NodeFixture.get(node.httpPort(), "/health").body())
                        .getJsonObject("components").getJsonObject("broker");
                assertThat(broker.getString("status")).isEqualTo("UP");
                assertThat(broker.getString("mode")).isEqualTo("external");
                assertThat(broker.getString("clusterId")).isEqualTo(externalClusterId);
            }

            assertThat(workDir.resolve("data").resolve("kafka")).doesNotExist();
            assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).contains(ProbeService.TOPIC);
            assertThat(external.isRunning()).isTrue();
            assertThat(admin.describeCluster().nodes().get(30, TimeUnit.SECONDS)).hasSize(1);
        }
    }

    @Test
    void givenExternalBrokerGoesAway_thenHealthAndReadinessAreDown_butLivenessIsUp() {
        EmbeddedKafkaBroker external = new EmbeddedKafkaBroker(BrokerSettings.ephemeralPorts(brokerDir)).start();
        try (CarbonxNode node = CarbonxNode.start(NodeFixture.config(workDir,
                Map.of("CARBONX_KAFKA_BOOTSTRAP_SERVERS", external.bootstrapServers(),
                        "CARBONX_NODE_HEALTH_TIMEOUT_MS", "1000"), List.of()), List.of())) {
            assertThat(NodeFixture.get(node.httpPort(), "/health").statusCode()).isEqualTo(200);

            external.close();

            var health = NodeFixture.get(node.httpPort(), "/health");
            assertThat(health.statusCode()).isEqualTo(503);
            JsonObject report = new JsonObject(health.body());
            assertThat(report.getString("status")).isEqualTo("DOWN");
            JsonObject broker = report.getJsonObject("components").getJsonObject("broker");
            assertThat(broker.getString("status")).isEqualTo("DOWN");
            assertThat(broker.getString("reason")).isNotBlank();
            assertThat(NodeFixture.get(node.httpPort(), "/health/ready").statusCode()).isEqualTo(503);
            assertThat(NodeFixture.get(node.httpPort(), "/health/live").statusCode()).isEqualTo(200);
        } finally {
            external.close();
        }
    }

    private static Properties adminProps(String bootstrap) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        return props;
    }
}
