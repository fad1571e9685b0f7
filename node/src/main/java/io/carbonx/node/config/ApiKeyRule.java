package io.carbonx.node.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.carbonx.registry.service.RegistryConfig;
import io.vertx.core.json.JsonObject;

/**
 * The API token key across nodes ({@code services.registry.tokenKeyBase64}, environment
 * {@code CARBONX_SERVICES_REGISTRY_TOKEN_KEY_BASE64}): a set key must be base64 of at least
 * {@value RegistryConfig#MIN_TOKEN_KEY_BYTES} bytes; and the key is <b>required</b> on a node of a split deployment
 * (some service disabled here, so it runs elsewhere) that serves the API (the registry runs here, or
 * {@code services.registry.caCertificatesDir} is set): every such node must hold the same key, or a token issued by
 * one would be refused by the others. A node that runs every service may go without (a random key per start). The
 * key's value never appears in a message.
 */
final class ApiKeyRule {

    static final String KEY = "services.registry.tokenKeyBase64";

    private ApiKeyRule() {
    }

    /**
     * @param services the bound {@code services.*} sections (each with {@code enabled})
     * @param from     where a key's value came from (" (from ...)" or "")
     * @return the problems, none when the rule holds or the registry module is absent
     */
    static List<ConfigProblem> check(Map<String, JsonObject> services, Function<String, String> from) {
        List<ConfigProblem> problems = new ArrayList<>();
        JsonObject registry = services.get("registry");
        if (registry == null) {
            return problems;
        }
        String key = registry.getString("tokenKeyBase64", "").strip();
        if (!key.isEmpty()) {
            String problem = RegistryConfig.tokenKeyProblem(key);
            if (problem != null) {
                problems.add(new ConfigProblem(KEY, problem + " (value not shown)" + from.apply(KEY)));
            }
            return problems;
        }
        List<String> disabled = services.entrySet().stream()
                .filter(e -> !e.getValue().getBoolean("enabled", true)).map(Map.Entry::getKey).toList();
        boolean registryHere = registry.getBoolean("enabled", true);
        boolean caConfigured = !registry.getString("caCertificatesDir", "").isBlank();
        if (!disabled.isEmpty() && (registryHere || caConfigured)) {
            problems.add(new ConfigProblem(KEY, "is required on a node that serves the API while other services run"
                    + " elsewhere (disabled here: " + String.join(", ", disabled) + "; " + (registryHere
                    ? "the registry runs here" : "services.registry.caCertificatesDir is set") + "): every node must"
                    + " share one token key so that a token issued by one is accepted by all; set base64 of >= "
                    + RegistryConfig.MIN_TOKEN_KEY_BYTES + " random bytes, e.g. head -c 32 /dev/urandom | base64"));
        }
        return problems;
    }
}
