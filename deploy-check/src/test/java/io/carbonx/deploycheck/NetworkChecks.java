package io.carbonx.deploycheck;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Network isolation checks.
 *
 * <ul>
 *   <li>Every NetworkPolicy's pod selector, and every pod selector among its ingress sources, selects at least one
 *       workload (a typo in a label silently opens or closes nothing).</li>
 *   <li>Validators are isolated: at least one ingress policy selects them, and every ingress rule of every policy
 *       that selects them admits only the PBFT port ({@value #PBFT_PORT_NAME}), and only from pods of the
 *       workloads {@link #VALIDATOR_PEERS} (same namespace: no namespace selector, no IP block, no open rule).</li>
 *   <li>Kafka is reachable by every role: each listener of each Strimzi {@code Kafka} has
 *       {@code networkPolicyPeers}, and for every workload one of those peers selects its pods.</li>
 * </ul>
 */
final class NetworkChecks {

    static final String PBFT_PORT_NAME = "pbft";
    static final String VALIDATOR = "validator";
    static final Set<String> VALIDATOR_PEERS = Set.of(VALIDATOR, "gateway");

    private NetworkChecks() {
    }

    /** All checks of this class. */
    static List<String> check(Manifests manifests) {
        List<String> problems = new ArrayList<>();
        problems.addAll(selectorsMatchWorkloads(manifests));
        problems.addAll(validatorsIsolated(manifests));
        problems.addAll(kafkaReachableByRoles(manifests));
        return problems;
    }

    static List<String> selectorsMatchWorkloads(Manifests manifests) {
        List<String> problems = new ArrayList<>();
        for (JsonNode policy : manifests.ofKind("NetworkPolicy")) {
            JsonNode selector = policy.path("spec").path("podSelector");
            if (!selectsSomeWorkload(manifests, selector)) {
                problems.add(Manifests.id(policy) + ": podSelector matches no workload");
            }
            for (JsonNode rule : Manifests.list(policy.path("spec").path("ingress"))) {
                for (JsonNode peer : Manifests.list(rule.path("from"))) {
                    if (peer.has("podSelector") && !peer.has("namespaceSelector")
                            && !selectsSomeWorkload(manifests, peer.path("podSelector"))) {
                        problems.add(Manifests.id(policy) + ": ingress source " + peer.path("podSelector")
                                + " matches no workload");
                    }
                }
            }
        }
        return problems;
    }

    static List<String> validatorsIsolated(Manifests manifests) {
        List<String> problems = new ArrayList<>();
        for (JsonNode validator : workloadsOf(manifests, VALIDATOR)) {
            Map<String, String> labels = Manifests.templateLabels(validator);
            List<JsonNode> policies = manifests.ofKind("NetworkPolicy").stream()
                    .filter(p -> isIngressPolicy(p)
                            && LabelSelectors.matches(p.path("spec").path("podSelector"), labels))
                    .toList();
            if (policies.isEmpty()) {
                problems.add(Manifests.id(validator) + ": no ingress NetworkPolicy selects the validators");
            }
            Optional<Integer> pbftPort = pbftPort(validator);
            if (pbftPort.isEmpty()) {
                problems.add(Manifests.id(validator) + ": no container port named " + PBFT_PORT_NAME);
            }
            for (JsonNode policy : policies) {
                for (JsonNode rule : Manifests.list(policy.path("spec").path("ingress"))) {
                    problems.addAll(validatorRule(manifests, policy, rule, pbftPort.orElse(-1)));
                }
            }
        }
        return problems;
    }

    private static List<String> validatorRule(Manifests manifests, JsonNode policy, JsonNode rule, int pbftPort) {
        List<String> problems = new ArrayList<>();
        String where = Manifests.id(policy) + " (selects validators)";
        List<JsonNode> ports = Manifests.list(rule.path("ports"));
        if (ports.isEmpty()) {
            problems.add(where + ": an ingress rule admits every port; only " + PBFT_PORT_NAME + " is allowed");
        }
        for (JsonNode port : ports) {
            JsonNode value = port.path("port");
            boolean pbft = value.isTextual() ? PBFT_PORT_NAME.equals(value.asText()) : value.asInt() == pbftPort;
            if (!pbft || port.has("endPort")) {
                problems.add(where + ": admits port " + value.asText() + "; only " + PBFT_PORT_NAME + " is allowed");
            }
        }
        List<JsonNode> peers = Manifests.list(rule.path("from"));
        if (peers.isEmpty()) {
            problems.add(where + ": an ingress rule admits every source; only " + VALIDATOR_PEERS + " pods allowed");
        }
        for (JsonNode peer : peers) {
            if (!peer.has("podSelector") || peer.has("namespaceSelector") || peer.has("ipBlock")) {
                problems.add(where + ": source " + peer + " is not a same-namespace pod selector");
                continue;
            }
            for (JsonNode workload : manifests.workloads()) {
                boolean selected = LabelSelectors.matches(peer.path("podSelector"),
                        Manifests.templateLabels(workload));
                if (selected && !VALIDATOR_PEERS.contains(Manifests.component(workload))) {
                    problems.add(where + ": source " + peer.path("podSelector") + " admits "
                            + Manifests.id(workload) + "; only " + VALIDATOR_PEERS + " pods allowed");
                }
            }
        }
        return problems;
    }

    static List<String> kafkaReachableByRoles(Manifests manifests) {
        List<String> problems = new ArrayList<>();
        for (JsonNode kafka : manifests.ofKind("Kafka")) {
            List<JsonNode> listeners = Manifests.list(kafka.path("spec").path("kafka").path("listeners"));
            if (listeners.isEmpty()) {
                problems.add(Manifests.id(kafka) + ": no listeners");
            }
            for (JsonNode listener : listeners) {
                String where = Manifests.id(kafka) + " listener " + listener.path("name").asText();
                List<JsonNode> peers = Manifests.list(listener.path("networkPolicyPeers"));
                if (peers.isEmpty()) {
                    problems.add(where + ": no networkPolicyPeers (open to every pod)");
                    continue;
                }
                for (JsonNode workload : manifests.workloads()) {
                    Map<String, String> labels = Manifests.templateLabels(workload);
                    boolean admitted = peers.stream().anyMatch(peer -> peer.has("podSelector")
                            && !peer.has("namespaceSelector")
                            && LabelSelectors.matches(peer.path("podSelector"), labels));
                    if (!admitted) {
                        problems.add(where + ": " + Manifests.id(workload) + " cannot reach it");
                    }
                }
            }
        }
        return problems;
    }

    static List<JsonNode> workloadsOf(Manifests manifests, String component) {
        return manifests.workloads().stream().filter(w -> component.equals(Manifests.component(w))).toList();
    }

    static Optional<Integer> pbftPort(JsonNode validator) {
        return Manifests.list(Manifests.podSpec(validator).path("containers")).stream()
                .flatMap(c -> Manifests.list(c.path("ports")).stream())
                .filter(p -> PBFT_PORT_NAME.equals(p.path("name").asText()))
                .map(p -> p.path("containerPort").asInt())
                .findFirst();
    }

    private static boolean isIngressPolicy(JsonNode policy) {
        List<JsonNode> types = Manifests.list(policy.path("spec").path("policyTypes"));
        return types.isEmpty() || types.stream().anyMatch(t -> "Ingress".equals(t.asText()));
    }

    private static boolean selectsSomeWorkload(Manifests manifests, JsonNode selector) {
        return manifests.workloads().stream()
                .anyMatch(w -> LabelSelectors.matches(selector, Manifests.templateLabels(w)));
    }
}
