package io.carbonx.deploycheck;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks of each Deployment and StatefulSet on its own.
 *
 * <p>Every container: image pinned ({@link ImageRefs}), readiness probe on {@value #READY_PATH} and liveness probe
 * on {@value #LIVE_PATH}, each on a port the container declares, CPU and memory requests and limits, requests not
 * above limits. Every init container: image pinned, CPU and memory requests and limits (Kubernetes does not run
 * probes on init containers). The workload's selector is non-empty and selects its own pod template; every
 * topology spread constraint selects the workload's own pods, and no topology key is constrained twice.
 * Each method returns the violations found, one line each, prefixed with the object's {@code Kind/name}.
 */
final class WorkloadChecks {

    static final String READY_PATH = "/health/ready";
    static final String LIVE_PATH = "/health/live";

    private WorkloadChecks() {
    }

    /** All checks of this class over every workload. */
    static List<String> check(Manifests manifests) {
        List<String> problems = new ArrayList<>();
        if (manifests.workloads().isEmpty()) {
            problems.add("no Deployment or StatefulSet found");
        }
        for (JsonNode workload : manifests.workloads()) {
            problems.addAll(selectorSelectsTemplate(workload));
            problems.addAll(spreadConstraints(workload));
            JsonNode pod = Manifests.podSpec(workload);
            if (Manifests.list(pod.path("containers")).isEmpty()) {
                problems.add(Manifests.id(workload) + ": no containers");
            }
            for (JsonNode container : Manifests.list(pod.path("containers"))) {
                String where = Manifests.id(workload) + " container " + container.path("name").asText();
                problems.addAll(image(where, container));
                problems.addAll(resources(where, container));
                problems.addAll(probes(where, container));
            }
            for (JsonNode container : Manifests.list(pod.path("initContainers"))) {
                String where = Manifests.id(workload) + " init container " + container.path("name").asText();
                problems.addAll(image(where, container));
                problems.addAll(resources(where, container));
            }
        }
        return problems;
    }

    static List<String> image(String where, JsonNode container) {
        return ImageRefs.unpinnedReason(container.path("image").asText(null)).stream()
                .map(reason -> where + ": image '" + container.path("image").asText() + "' not pinned: " + reason)
                .toList();
    }

    static List<String> resources(String where, JsonNode container) {
        List<String> problems = new ArrayList<>();
        JsonNode resources = container.path("resources");
        for (String section : List.of("requests", "limits")) {
            for (String resource : List.of("cpu", "memory")) {
                if (!resources.path(section).hasNonNull(resource)) {
                    problems.add(where + ": no " + resource + " " + section);
                }
            }
        }
        if (problems.isEmpty()) {
            for (String resource : List.of("cpu", "memory")) {
                String request = resources.path("requests").path(resource).asText();
                String limit = resources.path("limits").path(resource).asText();
                if (Quantities.parse(request).compareTo(Quantities.parse(limit)) > 0) {
                    problems.add(where + ": " + resource + " request " + request + " above limit " + limit);
                }
            }
        }
        return problems;
    }

    static List<String> probes(String where, JsonNode container) {
        List<String> problems = new ArrayList<>();
        problems.addAll(probe(where, container, "readinessProbe", READY_PATH));
        problems.addAll(probe(where, container, "livenessProbe", LIVE_PATH));
        return problems;
    }

    private static List<String> probe(String where, JsonNode container, String field, String path) {
        JsonNode probe = container.path(field);
        if (probe.isMissingNode() || probe.isNull()) {
            return List.of(where + ": no " + field);
        }
        JsonNode http = probe.path("httpGet");
        if (http.isMissingNode()) {
            return List.of(where + ": " + field + " must be an httpGet on " + path);
        }
        List<String> problems = new ArrayList<>();
        if (!path.equals(http.path("path").asText())) {
            problems.add(where + ": " + field + " path is '" + http.path("path").asText() + "', expected " + path);
        }
        if (!declaresPort(container, http.path("port"))) {
            problems.add(where + ": " + field + " port '" + http.path("port").asText()
                    + "' is not a port of the container");
        }
        return problems;
    }

    /** Whether the container declares a port with that name or number. */
    static boolean declaresPort(JsonNode container, JsonNode port) {
        for (JsonNode declared : Manifests.list(container.path("ports"))) {
            if (port.isNumber() && declared.path("containerPort").asInt(-1) == port.asInt()) {
                return true;
            }
            if (port.isTextual() && port.asText().equals(declared.path("name").asText())) {
                return true;
            }
        }
        return false;
    }

    static List<String> selectorSelectsTemplate(JsonNode workload) {
        JsonNode selector = workload.path("spec").path("selector");
        Map<String, String> template = Manifests.templateLabels(workload);
        if (selector.isMissingNode() || LabelSelectors.isEmpty(selector)) {
            return List.of(Manifests.id(workload) + ": empty selector");
        }
        if (!LabelSelectors.matches(selector, template)) {
            return List.of(Manifests.id(workload) + ": selector " + selector + " does not select its pod template "
                    + "labels " + template);
        }
        return List.of();
    }

    static List<String> spreadConstraints(JsonNode workload) {
        List<String> problems = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        Map<String, String> template = Manifests.templateLabels(workload);
        for (JsonNode constraint : Manifests.list(Manifests.podSpec(workload).path("topologySpreadConstraints"))) {
            String key = constraint.path("topologyKey").asText();
            if (!keys.add(key)) {
                problems.add(Manifests.id(workload) + ": topology key " + key + " constrained twice (a strategic "
                        + "merge patch added a constraint instead of changing one?)");
            }
            JsonNode selector = constraint.path("labelSelector");
            if (LabelSelectors.isEmpty(selector) || !LabelSelectors.matches(selector, template)) {
                problems.add(Manifests.id(workload) + ": topology spread on " + key
                        + " does not select the workload's own pods");
            }
        }
        return problems;
    }
}
