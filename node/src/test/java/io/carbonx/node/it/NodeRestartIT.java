package io.carbonx.node.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.carbonx.node.config.NodeConfig;
import io.carbonx.node.runtime.CarbonxNode;
import io.carbonx.node.testing.NodeFixture;
import io.carbonx.node.testing.ProbeService;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A second start on the same data directory resumes: same cluster, same broker address, records and offsets kept. */
class NodeRestartIT {

    @TempDir
    Path workDir;

    private JsonObject healthOf(CarbonxNode node) {
        return new JsonObject(NodeFixture.get(node.httpPort(), "/health").body());
    }

    @Test
    void givenStoppedNode_whenStartedAgainOnTheSameDataDir_thenItResumes() {
        NodeConfig config = NodeFixture.config(workDir, Map.of(), List.of(new ProbeService()));

        JsonObject first;
        String firstBootstrap;
        try (CarbonxNode node = CarbonxNode.start(config, List.of(new ProbeService()))) {
            first = healthOf(node);
            firstBootstrap = node.bootstrapServers();
        }
        JsonObject second;
        try (CarbonxNode node = CarbonxNode.start(config, List.of(new ProbeService()))) {
            second = healthOf(node);
            assertThat(node.bootstrapServers()).isEqualTo(firstBootstrap);
        }

        JsonObject broker1 = first.getJsonObject("components").getJsonObject("broker");
        JsonObject broker2 = second.getJsonObject("components").getJsonObject("broker");
        assertThat(broker2.getString("clusterId")).isEqualTo(broker1.getString("clusterId"));
        JsonObject probe1 = first.getJsonObject("components").getJsonObject("probe");
        JsonObject probe2 = second.getJsonObject("components").getJsonObject("probe");
        assertThat(probe1.getLong("committedOffset")).isEqualTo(3);
        // The second run resumed from the committed offset: it consumed only its own 3 records, and the topic
        // (kept on disk) now ends at 6.
        assertThat(probe2.getLong("consumedThisRun")).isEqualTo(3);
        assertThat(probe2.getLong("committedOffset")).isEqualTo(6);
    }
}
