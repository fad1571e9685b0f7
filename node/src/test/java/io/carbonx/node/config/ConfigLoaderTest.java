package io.carbonx.node.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.carbonx.eventlog.runtime.CarbonxService;
import io.carbonx.eventlog.runtime.ComponentHealth;
import io.carbonx.eventlog.runtime.ServiceContext;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    @TempDir
    Path dir;

    /** A service with one setting of each kind, to check service sections against their defaults. */
    static final class SampleService implements CarbonxService {
        @Override
        public String name() {
            return "sample-svc";
        }

        @Override
        public JsonObject defaultConfig() {
            return new JsonObject().put("batchSize", 100).put("mode", "fast").put("strict", true);
        }

        @Override
        public Future<Void> start(Vertx vertx, ServiceContext context) {
            return Future.succeededFuture();
        }

        @Override
        public Future<Void> stop() {
            return Future.succeededFuture();
        }

        @Override
        public Future<ComponentHealth> health() {
            return Future.succeededFuture(ComponentHealth.up());
        }
    }

    private NodeConfig load(ConfigRequest request) {
        return ConfigLoader.load(request, List.of(new SampleService()));
    }

    private Path yaml(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    @Test
    void givenNoFile_thenBuiltInDefaultsApply() {
        NodeConfig config = load(ConfigRequest.defaults(dir));

        assertThat(config.nodeId()).isEqualTo("node-1");
        assertThat(config.dataDir()).isEqualTo(dir.resolve("data").toAbsolutePath());
        assertThat(config.http()).isEqualTo(new HttpConfig("127.0.0.1", 8080));
        assertThat(config.kafka().embedded()).isTrue();
        assertThat(config.kafka().bootstrapServers()).isEmpty();
        assertThat(config.kafka().host()).isEqualTo("127.0.0.1");
        assertThat(config.kafka().port()).isEqualTo(9092);
        assertThat(config.kafka().controllerPort()).isEqualTo(9093);
        assertThat(config.kafka().dataDir()).isEqualTo(dir.resolve("data").resolve("kafka").toAbsolutePath());
        assertThat(config.shutdownTimeoutMs()).isEqualTo(30_000);
        assertThat(config.serviceEnabled("sample-svc")).isTrue();
        assertThat(config.serviceConfig("sample-svc").getInteger("batchSize")).isEqualTo(100);
    }

    @Test
    void givenConfigDirFile_whenNoConfigOption_thenItIsUsed() throws IOException {
        yaml("config/carbonx.yaml", "http:\n  port: 9000\n");

        assertThat(load(ConfigRequest.defaults(dir)).http().port()).isEqualTo(9000);
    }

    @Test
    void fileOverridesDefaults_envOverridesFile_dataDirOptionOverridesAll() throws IOException {
        Path file = yaml("custom.yaml", """
                node:
                  id: alpha
                  dataDir: from-file
                http:
                  host: 0.0.0.0
                  port: 9000
                services:
                  sample-svc:
                    batchSize: 7
                    enabled: false
                """);
        ConfigRequest request = ConfigRequest.defaults(dir).withConfigFile(file)
                .withEnv(Map.of("CARBONX_HTTP_PORT", "9100", "CARBONX_NODE_DATA_DIR", "from-env",
                        "CARBONX_SERVICES_SAMPLE_SVC_MODE", "slow", "PATH", "/usr/bin"))
                .withDataDir("from-cli");

        NodeConfig config = load(request);

        assertThat(config.nodeId()).isEqualTo("alpha");
        assertThat(config.http()).isEqualTo(new HttpConfig("0.0.0.0", 9100));
        assertThat(config.dataDir()).isEqualTo(dir.resolve("from-cli").toAbsolutePath());
        assertThat(config.serviceEnabled("sample-svc")).isFalse();
        assertThat(config.serviceConfig("sample-svc"))
                .isEqualTo(new JsonObject().put("batchSize", 7).put("mode", "slow").put("strict", true)
                        .put("enabled", false));
    }

    @Test
    void givenBootstrapServers_thenNoEmbeddedBroker() {
        NodeConfig config = load(ConfigRequest.defaults(dir)
                .withEnv(Map.of("CARBONX_KAFKA_BOOTSTRAP_SERVERS", "kafka-1:9092,kafka-2:9092")));

        assertThat(config.kafka().embedded()).isFalse();
        assertThat(config.kafka().bootstrapServers()).isEqualTo("kafka-1:9092,kafka-2:9092");
    }

    @Test
    void givenKafkaDataDir_thenItIsUsedInsteadOfTheNodeDataDir() throws IOException {
        Path file = yaml("c.yaml", "kafka:\n  dataDir: /var/lib/kafka-x\n");

        assertThat(load(ConfigRequest.defaults(dir).withConfigFile(file)).kafka().dataDir())
                .isEqualTo(Path.of("/var/lib/kafka-x"));
    }

    @Test
    void givenEmptyFile_thenDefaultsApply() throws IOException {
        Path file = yaml("empty.yaml", "# nothing set\n");

        assertThat(load(ConfigRequest.defaults(dir).withConfigFile(file)).http().port()).isEqualTo(8080);
    }

    @Test
    void givenMissingConfigFile_thenTheOptionIsNamed() {
        assertThatThrownBy(() -> load(ConfigRequest.defaults(dir).withConfigFile(dir.resolve("nope.yaml"))))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("config error: --config: no such file: ")
                .hasMessageContaining("nope.yaml");
    }

    @Test
    void givenInvalidYaml_thenTheFileIsNamed() throws IOException {
        Path file = yaml("broken.yaml", "http:\n  port: [1, 2\n");

        assertThatThrownBy(() -> load(ConfigRequest.defaults(dir).withConfigFile(file)))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("config error: " + file + ": cannot be read as YAML");
    }

    @Test
    void givenSeveralBadValues_thenEveryProblemIsReported() throws IOException {
        Path file = yaml("bad.yaml", "http:\n  port: 70000\nkafka:\n  defaultPartitions: 0\n");

        assertThatThrownBy(() -> load(ConfigRequest.defaults(dir).withConfigFile(file)))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems())
                        .extracting(ConfigProblem::key)
                        .containsExactly("http.port", "kafka.defaultPartitions"));
    }

    @Test
    void loadingConfigurationCreatesNoDirectories() throws IOException {
        Path file = yaml("ok.yaml", "node:\n  dataDir: somewhere\n");

        load(ConfigRequest.defaults(dir).withConfigFile(file));

        assertThat(dir.resolve("somewhere")).doesNotExist();
    }
}
