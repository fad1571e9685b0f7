package io.carbonx.node.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.carbonx.eventlog.runtime.CarbonxService;
import io.carbonx.exchange.service.ExchangeService;
import io.carbonx.registry.service.RegistryService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The API token key across split roles ({@link ApiKeyRule}), through the real loader and the real service modules:
 * required on a node that serves the API while other services run elsewhere, optional on an all-in-one node and on
 * a node that serves no API, always base64 of at least 32 bytes, and never echoed.
 */
class ApiKeyRuleTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
    private static final List<CarbonxService> SERVICES = List.of(new RegistryService(), new ExchangeService());

    @TempDir
    Path dir;

    private NodeConfig load(Map<String, String> env) {
        return ConfigLoader.load(ConfigRequest.defaults(dir).withEnv(new HashMap<>(env)), SERVICES);
    }

    private List<String> problems(Map<String, String> env) {
        try {
            load(env);
            return List.of();
        } catch (ConfigException e) {
            return e.problems().stream().map(ConfigProblem::describe).toList();
        }
    }

    @Test
    void givenEveryServiceOnOneNode_thenNoKeyIsNeeded() {
        assertThat(problems(Map.of())).isEmpty();
    }

    @Test
    void givenAGatewayWithTheCaCertificatesButNoKey_thenTheKeyIsRequired() {
        List<String> p = problems(Map.of("CARBONX_SERVICES_REGISTRY_ENABLED", "false",
                "CARBONX_SERVICES_REGISTRY_CA_CERTIFICATES_DIR", "/etc/carbonx/ca"));

        assertThat(p).singleElement().asString().startsWith("config error: services.registry.tokenKeyBase64: is "
                + "required on a node that serves the API while other services run elsewhere (disabled here: "
                + "registry; services.registry.caCertificatesDir is set)");
    }

    @Test
    void givenARegistryWhoseOtherServicesRunElsewhereButNoKey_thenTheKeyIsRequired() {
        List<String> p = problems(Map.of("CARBONX_SERVICES_EXCHANGE_ENABLED", "false"));

        assertThat(p).singleElement().asString().contains("tokenKeyBase64: is required", "disabled here: exchange",
                "the registry runs here");
    }

    @Test
    void givenANodeThatServesNoApi_thenNoKeyIsNeeded() {
        assertThat(problems(Map.of("CARBONX_SERVICES_REGISTRY_ENABLED", "false"))).isEmpty();
    }

    @Test
    void givenSplitRolesWithAKey_thenTheNodeLoads() {
        NodeConfig config = load(Map.of("CARBONX_SERVICES_REGISTRY_ENABLED", "false",
                "CARBONX_SERVICES_REGISTRY_CA_CERTIFICATES_DIR", "/etc/carbonx/ca",
                "CARBONX_SERVICES_REGISTRY_TOKEN_KEY_BASE64", KEY));

        assertThat(config.serviceConfig("registry").getString("tokenKeyBase64")).isEqualTo(KEY);
    }

    @Test
    void rejectsAKeyThatIsNotBase64_withoutShowingIt() {
        List<String> p = problems(Map.of("CARBONX_SERVICES_REGISTRY_TOKEN_KEY_BASE64", "not base64 at all!"));

        assertThat(p).singleElement().asString()
                .startsWith("config error: services.registry.tokenKeyBase64: must be base64")
                .endsWith("(value not shown) (from CARBONX_SERVICES_REGISTRY_TOKEN_KEY_BASE64)")
                .doesNotContain("not base64 at all");
    }

    @Test
    void rejectsAKeyShorterThan32Bytes() {
        String shortKey = Base64.getEncoder().encodeToString(new byte[31]);

        assertThat(problems(Map.of("CARBONX_SERVICES_REGISTRY_TOKEN_KEY_BASE64", shortKey))).singleElement()
                .asString().contains("must decode to at least 32 bytes, has 31").doesNotContain(shortKey);
    }
}
