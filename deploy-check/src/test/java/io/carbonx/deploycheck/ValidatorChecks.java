package io.carbonx.deploycheck;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks of the PBFT validators' StatefulSet.
 *
 * <p>The validators are one StatefulSet (stable identities) of n = 3f + 1 &ge; 4 replicas, started in parallel,
 * whose {@code serviceName} is a headless Service that selects them and publishes not-ready addresses (a
 * validator catching up is unready but must stay reachable by its peers). They have persistent volume claim
 * templates, each mounted in every container (that the node's validatorsDir, holding identity and vote log, is
 * on one of them is checked with the node's configuration in {@link NodeConfigChecks}). Every PodDisruptionBudget
 * selecting them keeps at least 2f + 1 validators, with an absolute number (percentages round in ways that break quorums).
 */
final class ValidatorChecks {

    private ValidatorChecks() {
    }

    /** All checks of this class. */
    static List<String> check(Manifests manifests) {
        List<JsonNode> validators = NetworkChecks.workloadsOf(manifests, NetworkChecks.VALIDATOR);
        if (validators.size() != 1 || !"StatefulSet".equals(Manifests.kind(validators.get(0)))) {
            return List.of("expected the validators as exactly one StatefulSet, found "
                    + validators.stream().map(Manifests::id).toList());
        }
        JsonNode validator = validators.get(0);
        List<String> problems = new ArrayList<>();
        int n = validator.path("spec").path("replicas").asInt(1);
        if (n < 4 || (n - 1) % 3 != 0) {
            problems.add(Manifests.id(validator) + ": " + n + " replicas; PBFT needs n = 3f + 1 >= 4");
        }
        if (!"Parallel".equals(validator.path("spec").path("podManagementPolicy").asText())) {
            problems.add(Manifests.id(validator) + ": podManagementPolicy must be Parallel");
        }
        problems.addAll(headlessService(manifests, validator));
        problems.addAll(volumes(validator));
        problems.addAll(disruptionBudgets(manifests, validator, n));
        return problems;
    }

    private static List<String> headlessService(Manifests manifests, JsonNode validator) {
        String serviceName = validator.path("spec").path("serviceName").asText();
        var service = manifests.find("Service", serviceName);
        if (service.isEmpty()) {
            return List.of(Manifests.id(validator) + ": serviceName " + serviceName + " is not a Service");
        }
        JsonNode spec = service.get().path("spec");
        List<String> problems = new ArrayList<>();
        if (!"None".equals(spec.path("clusterIP").asText())) {
            problems.add(Manifests.id(service.get()) + ": must be headless (clusterIP: None)");
        }
        if (!spec.path("publishNotReadyAddresses").asBoolean(false)) {
            problems.add(Manifests.id(service.get()) + ": must publish not-ready addresses (catching-up peers)");
        }
        if (!LabelSelectors.matchesMap(Manifests.stringMap(spec.path("selector")),
                Manifests.templateLabels(validator))) {
            problems.add(Manifests.id(service.get()) + ": does not select the validators");
        }
        return problems;
    }

    private static List<String> volumes(JsonNode validator) {
        List<String> claims = Manifests.list(validator.path("spec").path("volumeClaimTemplates")).stream()
                .map(Manifests::name).toList();
        List<String> problems = new ArrayList<>();
        if (claims.isEmpty()) {
            problems.add(Manifests.id(validator) + ": no persistent volume claim template (identity, vote log)");
        }
        for (String claim : claims) {
            for (JsonNode container : Manifests.list(Manifests.podSpec(validator).path("containers"))) {
                boolean mounted = Manifests.list(container.path("volumeMounts")).stream()
                        .anyMatch(m -> claim.equals(m.path("name").asText()));
                if (!mounted) {
                    problems.add(Manifests.id(validator) + " container " + container.path("name").asText()
                            + ": does not mount '" + claim + "'");
                }
            }
        }
        return problems;
    }

    private static List<String> disruptionBudgets(Manifests manifests, JsonNode validator, int n) {
        int f = (n - 1) / 3;
        int quorum = 2 * f + 1;
        List<JsonNode> budgets = manifests.ofKind("PodDisruptionBudget").stream()
                .filter(p -> LabelSelectors.matches(p.path("spec").path("selector"),
                        Manifests.templateLabels(validator)))
                .toList();
        if (budgets.isEmpty()) {
            return List.of(Manifests.id(validator) + ": no PodDisruptionBudget protects the quorum");
        }
        List<String> problems = new ArrayList<>();
        for (JsonNode pdb : budgets) {
            JsonNode spec = pdb.path("spec");
            JsonNode bound = spec.has("maxUnavailable") ? spec.path("maxUnavailable") : spec.path("minAvailable");
            if (!bound.canConvertToInt() || bound.isTextual()) {
                problems.add(Manifests.id(pdb) + ": use an absolute number, not " + bound.asText());
                continue;
            }
            int kept = spec.has("maxUnavailable") ? n - bound.asInt() : bound.asInt();
            if (kept < quorum) {
                problems.add(Manifests.id(pdb) + ": keeps " + kept + " of " + n + " validators; a commit quorum "
                        + "needs 2f + 1 = " + quorum);
            }
        }
        return problems;
    }
}
