package io.carbonx.node.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class EnvOverridesTest {

    @Test
    void envNameUpperSnakeCasesThePath() {
        assertThat(EnvOverrides.envName("http.port")).isEqualTo("CARBONX_HTTP_PORT");
        assertThat(EnvOverrides.envName("kafka.bootstrapServers")).isEqualTo("CARBONX_KAFKA_BOOTSTRAP_SERVERS");
        assertThat(EnvOverrides.envName("node.shutdownTimeoutMs")).isEqualTo("CARBONX_NODE_SHUTDOWN_TIMEOUT_MS");
        assertThat(EnvOverrides.envName("services.credit-rating.enabled"))
                .isEqualTo("CARBONX_SERVICES_CREDIT_RATING_ENABLED");
    }

    @Test
    void convertsToTheKindOfTheDefault_andIgnoresOtherVariables() {
        JsonObject defaults = new JsonObject()
                .put("http", new JsonObject().put("port", 8080).put("host", "127.0.0.1"))
                .put("kafka", new JsonObject().put("embedded", true));

        EnvOverrides.Result result = EnvOverrides.apply(Map.of("CARBONX_HTTP_PORT", " 9000 ",
                "CARBONX_HTTP_HOST", "0.0.0.0", "CARBONX_KAFKA_EMBEDDED", "FALSE", "HOME", "/root",
                "CARBONX_JAVA_OPTS", "-Xmx1g"), defaults);

        assertThat(result.problems()).isEmpty();
        assertThat(result.overrides()).isEqualTo(new JsonObject()
                .put("http", new JsonObject().put("host", "0.0.0.0").put("port", 9000))
                .put("kafka", new JsonObject().put("embedded", false)));
        assertThat(result.origins()).containsEntry("http.port", "CARBONX_HTTP_PORT");
    }
}
