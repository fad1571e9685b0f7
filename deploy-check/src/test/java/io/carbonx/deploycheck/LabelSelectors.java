package io.carbonx.deploycheck;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * Kubernetes label selector semantics.
 *
 * <p>{@link #matches(JsonNode, Map)} implements {@code metav1.LabelSelector}: every {@code matchLabels} pair and
 * every {@code matchExpressions} requirement ({@code In}, {@code NotIn}, {@code Exists}, {@code DoesNotExist})
 * must hold; an empty selector matches everything. {@link #matchesMap(Map, Map)} is the plain map selector of a
 * Service: every pair must be present; an empty map matches nothing (a Service without selector selects no pods).
 */
final class LabelSelectors {

    private LabelSelectors() {
    }

    /**
     * @param selector a LabelSelector node ({@code matchLabels}/{@code matchExpressions})
     * @param labels   the labels of a pod (template)
     * @return whether the selector selects the labels
     * @throws IllegalArgumentException on an unknown operator
     */
    static boolean matches(JsonNode selector, Map<String, String> labels) {
        Map<String, String> required = Manifests.stringMap(selector.path("matchLabels"));
        for (Map.Entry<String, String> pair : required.entrySet()) {
            if (!pair.getValue().equals(labels.get(pair.getKey()))) {
                return false;
            }
        }
        for (JsonNode expression : Manifests.list(selector.path("matchExpressions"))) {
            if (!holds(expression, labels)) {
                return false;
            }
        }
        return true;
    }

    /** Whether a selector is empty (selects every pod). */
    static boolean isEmpty(JsonNode selector) {
        return Manifests.stringMap(selector.path("matchLabels")).isEmpty()
                && Manifests.list(selector.path("matchExpressions")).isEmpty();
    }

    /**
     * @param selector a Service-style selector (a plain map)
     * @param labels   the labels of a pod (template)
     * @return whether every pair of a non-empty selector is among the labels
     */
    static boolean matchesMap(Map<String, String> selector, Map<String, String> labels) {
        return !selector.isEmpty() && selector.entrySet().stream()
                .allMatch(pair -> pair.getValue().equals(labels.get(pair.getKey())));
    }

    private static boolean holds(JsonNode expression, Map<String, String> labels) {
        String key = expression.path("key").asText();
        String operator = expression.path("operator").asText();
        List<String> values = Manifests.list(expression.path("values")).stream().map(JsonNode::asText).toList();
        String value = labels.get(key);
        return switch (operator) {
            case "In" -> value != null && values.contains(value);
            case "NotIn" -> value == null || !values.contains(value);
            case "Exists" -> value != null;
            case "DoesNotExist" -> value == null;
            default -> throw new IllegalArgumentException("unknown selector operator " + operator);
        };
    }
}
