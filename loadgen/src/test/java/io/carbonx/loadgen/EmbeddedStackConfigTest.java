package io.carbonx.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.carbonx.node.config.ConfigException;
import io.carbonx.node.config.NodeConfig;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded stack's configuration: the load generator's settings, overridden by {@code CARBONX_*} variables. */
class EmbeddedStackConfigTest {

    @TempDir
    Path dir;

    @Test
    void givenNoVariables_thenTheLoadGeneratorsSettingsApply() throws Exception {
        NodeConfig config = EmbeddedStack.nodeConfig(dir, 100, Map.of("PATH", "/usr/bin"));

        assertEquals(100L, config.serviceConfig("registry").getLong("settlementWindowMs"));
        assertEquals(50L, config.serviceConfig("registry").getLong("clockTickMs"));
        assertEquals(10L, config.serviceConfig("chain-anchor").getLong("maxBlockMs"));
    }

    @Test
    void givenACarbonxVariable_thenItOverridesTheSetting() throws Exception {
        NodeConfig config = EmbeddedStack.nodeConfig(dir, 100,
                Map.of("CARBONX_SERVICES_CHAIN_ANCHOR_MAX_BLOCK_MS", "30",
                        "CARBONX_SERVICES_REGISTRY_CLOCK_TICK_MS", "20"));

        assertEquals(30L, config.serviceConfig("chain-anchor").getLong("maxBlockMs"));
        assertEquals(20L, config.serviceConfig("registry").getLong("clockTickMs"));
        assertEquals(100L, config.serviceConfig("registry").getLong("settlementWindowMs"));
    }

    @Test
    void givenAnUnknownCarbonxVariable_thenTheStackIsRefusedWithItsName() {
        ConfigException e = assertThrows(ConfigException.class, () -> EmbeddedStack.nodeConfig(dir, 100,
                Map.of("CARBONX_SERVICES_CHAIN_ANCHOR_MAX_BLOK_MS", "30")));

        assertTrue(e.getMessage().contains("CARBONX_SERVICES_CHAIN_ANCHOR_MAX_BLOK_MS"), e.getMessage());
    }
}
