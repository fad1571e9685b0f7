package io.carbonx.node.config;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every bad value stops loading with a message that names the bad key. */
class ConfigValidationTest {

    @TempDir
    Path dir;

    static Stream<Arguments> badFiles() {
        return Stream.of(
                Arguments.of("http:\n  port: 70000\n",
                        "config error: http.port: must be 0..65535 (0 picks a free port), was 70000"),
                Arguments.of("http:\n  port: -1\n", "config error: http.port: must be 0..65535"),
                Arguments.of("http:\n  port: eighty\n", "config error: http.port: must be an integer, was \"eighty\""),
                Arguments.of("http:\n  port: 80.5\n", "config error: http.port: must be an integer, was 80.5"),
                Arguments.of("http:\n  port:\n", "config error: http.port: must be an integer, was nothing"),
                Arguments.of("http:\n  host: \"\"\n", "config error: http.host: must be a host name or IP address"),
                Arguments.of("http:\n  host: 8080\n", "config error: http.host: must be a string (quote it), was 8080"),
                Arguments.of("http: 8080\n", "config error: http: must be a mapping, was 8080"),
                Arguments.of("http:\n  prot: 8080\n",
                        "config error: http.prot: unknown key (known keys here: host, port)"),
                Arguments.of("htp:\n  port: 8080\n", "config error: htp: unknown key"),
                Arguments.of("node:\n  id: \"bad id!\"\n", "config error: node.id: must be 1..64 characters"),
                Arguments.of("node:\n  dataDir: \"\"\n", "config error: node.dataDir: must not be empty"),
                Arguments.of("node:\n  shutdownTimeoutMs: 0\n", "config error: node.shutdownTimeoutMs: must be 1..600000"),
                Arguments.of("node:\n  healthTimeoutMs: 9999999\n",
                        "config error: node.healthTimeoutMs: must be 1..600000, was 9999999"),
                Arguments.of("kafka:\n  embedded: \"yes\"\n",
                        "config error: kafka.embedded: must be true or false, was \"yes\""),
                Arguments.of("kafka:\n  embedded: false\n",
                        "config error: kafka.bootstrapServers: is required when kafka.embedded is false"),
                Arguments.of("kafka:\n  bootstrapServers: localhost\n",
                        "config error: kafka.bootstrapServers: must be host:port[,host:port...], was \"localhost\""),
                Arguments.of("kafka:\n  port: 65536\n", "config error: kafka.port: must be 0..65535"),
                Arguments.of("kafka:\n  controllerPort: 9092\n",
                        "config error: kafka.controllerPort: must differ from kafka.port, was 9092"),
                Arguments.of("kafka:\n  defaultPartitions: 0\n", "config error: kafka.defaultPartitions: must be 1..10000"),
                Arguments.of("kafka:\n  startupTimeoutMs: -5\n", "config error: kafka.startupTimeoutMs: must be 1..600000"),
                Arguments.of("services:\n  nosuch:\n    enabled: true\n",
                        "config error: services.nosuch: unknown key (known keys here: sample-svc)"),
                Arguments.of("services:\n  sample-svc:\n    enabled: maybe\n",
                        "config error: services.sample-svc.enabled: must be true or false"),
                Arguments.of("services:\n  sample-svc:\n    batchSize: lots\n",
                        "config error: services.sample-svc.batchSize: must be an integer"),
                Arguments.of("services:\n  sample-svc:\n    typo: 1\n",
                        "config error: services.sample-svc.typo: unknown key (known keys here: batchSize, enabled, "
                                + "mode, strict)"));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("badFiles")
    void badValueInFile_namesTheKey(String yaml, String expectedStart) throws IOException {
        Path file = dir.resolve("carbonx.yaml");
        Files.writeString(file, yaml);

        assertThatThrownBy(() -> ConfigLoader.load(ConfigRequest.defaults(dir).withConfigFile(file),
                List.of(new ConfigLoaderTest.SampleService())))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(expectedStart);
    }

    static Stream<Arguments> badEnv() {
        return Stream.of(
                Arguments.of("CARBONX_HTTP_PORT", "abc",
                        "config error: http.port: must be an integer, was \"abc\" (from CARBONX_HTTP_PORT)"),
                Arguments.of("CARBONX_HTTP_PORT", "70000",
                        "config error: http.port: must be 0..65535 (0 picks a free port), was 70000 "
                                + "(from CARBONX_HTTP_PORT)"),
                Arguments.of("CARBONX_KAFKA_EMBEDDED", "no",
                        "config error: kafka.embedded: must be true or false, was \"no\" (from CARBONX_KAFKA_EMBEDDED)"),
                Arguments.of("CARBONX_HTTP_PROT", "1",
                        "config error: CARBONX_HTTP_PROT: unknown setting: no configuration key maps to this variable"),
                Arguments.of("CARBONX_SERVICES_SAMPLE_SVC_BATCH_SIZE", "x",
                        "config error: services.sample-svc.batchSize: must be an integer, was \"x\""));
    }

    @ParameterizedTest(name = "[{index}] {0}={1}")
    @MethodSource("badEnv")
    void badValueInEnvironment_namesTheKeyAndTheVariable(String name, String value, String expectedStart) {
        assertThatThrownBy(() -> ConfigLoader.load(ConfigRequest.defaults(dir).withEnv(Map.of(name, value)),
                List.of(new ConfigLoaderTest.SampleService())))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(expectedStart);
    }

    @org.junit.jupiter.api.Test
    void rangeProblemOfAFileValue_namesTheFile() throws IOException {
        Path file = dir.resolve("carbonx.yaml");
        Files.writeString(file, "http:\n  port: 70000\n");

        assertThatThrownBy(() -> ConfigLoader.load(ConfigRequest.defaults(dir).withConfigFile(file), List.of()))
                .hasMessage("config error: http.port: must be 0..65535 (0 picks a free port), was 70000 (from "
                        + file.toAbsolutePath() + ")");
    }
}
