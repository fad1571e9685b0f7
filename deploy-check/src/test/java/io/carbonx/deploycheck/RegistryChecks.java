package io.carbonx.deploycheck;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The registry is the single writer of the ledger (its Kafka transactional id is fixed: a second instance fences
 * the first) and holds the CA's private keys, so exactly one registry pod may run at any time.
 *
 * <p>Accepted: one StatefulSet of exactly one replica (an update or reschedule deletes the old pod before the new
 * one starts), or one Deployment of exactly one replica with the {@code Recreate} strategy. Refused: a missing or
 * larger {@code replicas}, a rolling Deployment (it surges a second pod), and any HorizontalPodAutoscaler targeting
 * it. That its CA directory is on a persistent volume is checked with the node's configuration, in
 * {@link NodeConfigChecks}.
 */
final class RegistryChecks {

    static final String REGISTRY = "registry";

    private RegistryChecks() {
    }

    static List<String> check(Manifests manifests) {
        List<JsonNode> registries = NetworkChecks.workloadsOf(manifests, REGISTRY);
        if (registries.size() != 1) {
            return List.of("expected the registry as exactly one workload, found "
                    + registries.stream().map(Manifests::id).toList());
        }
        JsonNode registry = registries.get(0);
        String id = Manifests.id(registry);
        List<String> problems = new ArrayList<>();
        JsonNode replicas = registry.path("spec").path("replicas");
        if (!replicas.isInt() || replicas.asInt() != 1) {
            problems.add(id + ": replicas must be exactly 1 (the registry is the single writer and holds the CA "
                    + "keys), is " + (replicas.isMissingNode() ? "unset" : replicas.asText()));
        }
        if ("Deployment".equals(Manifests.kind(registry))
                && !"Recreate".equals(registry.path("spec").path("strategy").path("type").asText())) {
            problems.add(id + ": a Deployment of the registry needs strategy Recreate (a rolling update runs two "
                    + "registries at once); a StatefulSet of one replica is safer still");
        }
        for (JsonNode hpa : manifests.ofKind("HorizontalPodAutoscaler")) {
            JsonNode target = hpa.path("spec").path("scaleTargetRef");
            if (Manifests.kind(registry).equals(target.path("kind").asText())
                    && Manifests.name(registry).equals(target.path("name").asText())) {
                problems.add(Manifests.id(hpa) + ": autoscales the registry, which must stay at one pod");
            }
        }
        return problems;
    }
}
