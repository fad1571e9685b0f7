package io.carbonx.node.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;

import io.vertx.core.json.JsonObject;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.yaml.snakeyaml.Yaml;

/** Port and timeout ranges, checked on the binder directly over the built-in defaults tree. */
class PortRangePropertiesTest {

    private static final Path WD = Path.of("/work-dir");

    private static JsonObject defaults() {
        try (InputStream in = PortRangePropertiesTest.class.getClassLoader()
                .getResourceAsStream(ConfigLoader.DEFAULTS_RESOURCE)) {
            Map<String, Object> map = new Yaml().load(in);
            return new JsonObject(map);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonObject with(String key, Object value) {
        JsonObject tree = defaults();
        ConfigTree.put(tree, key, value);
        return tree;
    }

    @Property(tries = 300)
    void anyPortInRange_isAccepted(@ForAll @IntRange(min = 0, max = 65535) int port) {
        NodeConfig config = ConfigBinder.bind(with("http.port", port), Map.of(), WD);

        assertThat(config.http().port()).isEqualTo(port);
    }

    @Property(tries = 300)
    void anyPortOutOfRange_namesHttpPort(@ForAll @LongRange(min = -10_000_000, max = 10_000_000) long port) {
        net.jqwik.api.Assume.that(port < 0 || port > 65535);

        assertThatThrownBy(() -> ConfigBinder.bind(with("http.port", port), Map.of(), WD))
                .isInstanceOf(ConfigException.class)
                .hasMessage("config error: http.port: must be 0..65535 (0 picks a free port), was " + port);
    }

    @Property(tries = 200)
    void anyTimeoutOutOfRange_namesTheTimeoutKey(@ForAll @LongRange(min = -1_000, max = 0) long timeout) {
        assertThatThrownBy(() -> ConfigBinder.bind(with("node.shutdownTimeoutMs", timeout), Map.of(), WD))
                .hasMessageStartingWith("config error: node.shutdownTimeoutMs: must be 1..600000, was " + timeout);
    }
}
