package io.carbonx.deploycheck;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Shows that the node's view of each pod can fail: the real base passes, and each test breaks one thing in it
 * (an environment variable, an option, a key, a volume, a role, the validators' template, the image) and expects
 * the node's own message for it.
 */
class NodeConfigChecksTest {

    private final KustomizationFiles base = KustomizationFiles.of(DeployCheck.k8sDir().resolve("base"));
    private final Manifests manifests = base.resources();
    private final Map<String, Map<String, String>> configMaps = base.configMapData();

    @Test
    void theBasePassesAndNamesEveryRole() {
        assertThat(check()).isEmpty();
        assertThat(manifests.workloads()).extracting(Manifests::component)
                .containsExactlyInAnyOrderElementsOf(NodeConfigChecks.ROLE_SERVICES.keySet());
    }

    @Test
    void rejectsAnEnvironmentVariableTheConfigBinderDoesNotKnow() {
        addEnv("carbonx-registry", "CARBONX_SERVICES_CARBON_REGISTRY_CA_PASSPHRASE", "x");

        assertThat(check()).containsExactly("StatefulSet/carbonx-registry pod carbonx-registry-0: config error: "
                + "CARBONX_SERVICES_CARBON_REGISTRY_CA_PASSPHRASE: unknown setting: no configuration key maps to this "
                + "variable");
    }

    @Test
    void rejectsAValueOfTheWrongKindWithTheVariableItCameFrom() {
        addEnv("carbonx-rating", "CARBONX_HTTP_PORT", "eighty");

        assertThat(check()).singleElement().asString().contains("Deployment/carbonx-rating",
                "config error: http.port: must be an integer, was \"eighty\" (from CARBONX_HTTP_PORT)");
    }

    @Test
    void rejectsAnOptionTheCarbonxCliDoesNotHave() {
        ArrayNode args = (ArrayNode) node("carbonx-exchange").get("args");
        args.insert(1, "registry").insert(1, "--roles");

        assertThat(check()).singleElement().asString().contains("Deployment/carbonx-exchange",
                "rejected by the carbonx CLI", "--roles");
    }

    @Test
    void rejectsAConfigurationKeyTheNodeDoesNotHave() {
        replaceInConfig("carbonx.yaml", "  healthTimeoutMs: 2000\n", "  healthTimeoutMs: 2000\n  trustAnchors: /x\n");

        assertThat(check()).hasSize(4).allSatisfy(p -> assertThat(p).contains("config error: node.trustAnchors: "
                + "unknown key"));
    }

    @Test
    void rejectsARegistryWhoseCaDirectoryIsNotOnAPersistentVolume() {
        JsonNode registry = workload("carbonx-registry");
        ((ObjectNode) registry.path("spec").path("volumeClaimTemplates").get(0).path("metadata")).put("name", "other");

        assertThat(check()).containsExactly("StatefulSet/carbonx-registry pod carbonx-registry-0: the registry's CA "
                + "directory /var/lib/carbonx/data/services/registry/ca is not on a persistent volume");
    }

    @Test
    void rejectsAPodThatAlsoRunsAnotherRolesService() {
        addEnv("carbonx-registry", "CARBONX_SERVICES_EXCHANGE_ENABLED", "true");

        assertThat(check()).containsExactly("StatefulSet/carbonx-registry pod carbonx-registry-0: enables services "
                + "[business-metrics, exchange, registry], the registry role runs [business-metrics, registry]");
    }

    @Test
    void rejectsAGatewayThatRunsTheMatcher() {
        addEnv("carbonx-gateway", "CARBONX_SERVICES_EXCHANGE_MATCHER", "true");

        assertThat(check()).containsExactly("Deployment/carbonx-gateway pod carbonx-gateway-5d8f7c9b4-x2x7q: the"
                + " gateway role runs the order-entry gateway and no matcher (gateway true, matcher true)");
    }

    @Test
    void rejectsAGatewayWithoutTheConsortiumCaCertificates() {
        ArrayNode mounts = (ArrayNode) node("carbonx-gateway").get("volumeMounts");
        for (int i = mounts.size() - 1; i >= 0; i--) {
            if ("consortium-ca".equals(mounts.get(i).path("name").asText())) {
                mounts.remove(i);
            }
        }

        assertThat(check()).containsExactly("Deployment/carbonx-gateway pod carbonx-gateway-5d8f7c9b4-x2x7q: "
                + "services.registry.caCertificatesDir (/etc/carbonx/consortium-ca) is not a mounted directory:"
                + " without the consortium CA certificates the gateway serves no API");
    }

    @Test
    void rejectsAGatewayWithoutTheSharedTokenKey() {
        ArrayNode env = (ArrayNode) node("carbonx-gateway").get("env");
        for (int i = env.size() - 1; i >= 0; i--) {
            if ("CARBONX_SERVICES_REGISTRY_TOKEN_KEY_BASE64".equals(env.get(i).path("name").asText())) {
                env.remove(i);
            }
        }

        assertThat(check()).singleElement().asString().contains("Deployment/carbonx-gateway",
                "config error: services.registry.tokenKeyBase64: is required on a node that serves the API");
    }

    @Test
    void rejectsValidatorPodsThatDoNotEachRunTheirOwnValidator() {
        replaceInConfig("validator.yaml", "localValidators: [@VALIDATOR_INDEX@]", "localValidators: [0]");

        assertThat(check()).containsExactly(
                "StatefulSet/carbonx-validator pod carbonx-validator-1: runs validators [0], pod 1 must run validator "
                        + "1 alone",
                "StatefulSet/carbonx-validator pod carbonx-validator-2: runs validators [0], pod 2 must run validator "
                        + "2 alone",
                "StatefulSet/carbonx-validator pod carbonx-validator-3: runs validators [0], pod 3 must run validator "
                        + "3 alone");
    }

    @Test
    void rejectsAValidatorsDirectoryOffItsVolume() {
        replaceInConfig("validator.yaml", "validatorsDir: /var/lib/carbonx/validators",
                "validatorsDir: /var/lib/carbonx/data/validators");

        assertThat(check()).hasSize(4).allSatisfy(p -> assertThat(p).contains(
                "validatorsDir /var/lib/carbonx/data/validators (identity, vote log) is not on a persistent volume"));
    }

    @Test
    void rejectsAnImageTheBuildDoesNotProduce() {
        assertThat(NodeConfigChecks.check(manifests, configMaps, "carbonx-node:9.9.9")).hasSize(5)
                .allSatisfy(p -> assertThat(p).contains("runs image carbonx-node:0.1.0, the build produces "
                        + "carbonx-node:9.9.9"));
    }

    private List<String> check() {
        return NodeConfigChecks.check(manifests, configMaps, DeployCheck.image());
    }

    private JsonNode workload(String name) {
        return manifests.workloads().stream().filter(w -> name.equals(Manifests.name(w))).findFirst().orElseThrow();
    }

    private ObjectNode node(String workload) {
        for (JsonNode c : Manifests.list(Manifests.podSpec(workload(workload)).path("containers"))) {
            if ("node".equals(c.path("name").asText())) {
                return (ObjectNode) c;
            }
        }
        throw new AssertionError("no node container in " + workload);
    }

    private void addEnv(String workload, String name, String value) {
        ((ArrayNode) node(workload).get("env")).addObject().put("name", name).put("value", value);
    }

    private void replaceInConfig(String key, String from, String to) {
        Map<String, String> data = new TreeMap<>(configMaps.get("carbonx-node-config"));
        assertThat(data.get(key)).contains(from);
        data.put(key, data.get(key).replace(from, to));
        configMaps.put("carbonx-node-config", data);
    }
}
