package io.carbonx.deploycheck;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one pod of a workload sees: the text of a file at a path (from a ConfigMap volume, or rendered into an
 * emptyDir by an init container's {@code sed}), its environment, and which volume backs a directory.
 *
 * <p>Rendering: an init container whose shell script runs {@code sed -e "s/A/B/" ... INPUT > OUTPUT} renders
 * OUTPUT; the expressions are taken from the script itself, with {@code ${i}} replaced by the pod's ordinal, so the
 * check renders exactly what the pod would. Nothing else in the script is interpreted.
 */
final class PodFiles {

    /** A secret's value in the checked environment (long enough for any length rule the node applies). */
    /** Stands for every Secret value: base64 of 34 bytes, so it is also a usable API token key. */
    static final String SECRET_PLACEHOLDER = "c2VjcmV0LXZhbHVlLWZvci1kZXBsb3ktY2hlY2staGVyZQ==";

    private static final Pattern SED = Pattern.compile(
            "sed((?:\\s+-e\\s+\"s/[^/\"]*/[^/\"]*/\")+)\\s+(\\S+)\\s*>\\s*(\\S+)");
    private static final Pattern EXPRESSION = Pattern.compile("-e\\s+\"s/([^/\"]*)/([^/\"]*)/\"");

    private final JsonNode workload;
    private final int ordinal;
    private final Map<String, Map<String, String>> configMaps;

    /**
     * @param workload   a Deployment or StatefulSet
     * @param ordinal    the pod's ordinal (StatefulSet) or 0
     * @param configMaps ConfigMap name to its data (key to text)
     */
    PodFiles(JsonNode workload, int ordinal, Map<String, Map<String, String>> configMaps) {
        this.workload = workload;
        this.ordinal = ordinal;
        this.configMaps = configMaps;
    }

    /** The pod's name as Kubernetes gives it ({@code <statefulset>-<i>}; a Deployment's pods get a suffix). */
    String podName() {
        return Manifests.name(workload) + ("StatefulSet".equals(Manifests.kind(workload)) ? "-" + ordinal
                : "-5d8f7c9b4-x2x7q");
    }

    /**
     * The text of {@code path} as {@code container} sees it.
     *
     * @return the text, or empty when no ConfigMap volume or rendering init container provides it
     */
    Optional<String> read(JsonNode container, String path) {
        Optional<Mounted> mounted = mountOf(container, path);
        if (mounted.isEmpty()) {
            return Optional.empty();
        }
        JsonNode volume = mounted.get().volume();
        if (volume.has("configMap")) {
            String key = keyFor(volume.path("configMap"), mounted.get().relative());
            return Optional.ofNullable(configMaps.getOrDefault(volume.path("configMap").path("name").asText(),
                    Map.of()).get(key));
        }
        if (volume.has("emptyDir")) {
            return rendered(path);
        }
        return Optional.empty();
    }

    private Optional<String> rendered(String path) {
        for (JsonNode init : Manifests.list(Manifests.podSpec(workload).path("initContainers"))) {
            String script = String.join(" ", Manifests.list(init.path("command")).stream().map(JsonNode::asText)
                    .toList()).replace("\\\n", " ");
            Matcher sed = SED.matcher(script);
            while (sed.find()) {
                if (!sed.group(3).equals(path)) {
                    continue;
                }
                Optional<String> input = read(init, sed.group(2));
                if (input.isEmpty()) {
                    return Optional.empty();
                }
                String text = input.get();
                Matcher e = EXPRESSION.matcher(sed.group(1));
                while (e.find()) {
                    String from = e.group(1).replace("${i}", Integer.toString(ordinal));
                    String to = e.group(2).replace("${i}", Integer.toString(ordinal));
                    text = text.replace(from, to);
                }
                return Optional.of(text);
            }
        }
        return Optional.empty();
    }

    /** The volume behind {@code path} in {@code container}, and the path relative to the volume's root. */
    Optional<Mounted> mountOf(JsonNode container, String path) {
        Mounted best = null;
        int bestLength = -1;
        for (JsonNode mount : Manifests.list(container.path("volumeMounts"))) {
            String at = mount.path("mountPath").asText();
            String relative;
            if (mount.hasNonNull("subPath")) {
                if (!at.equals(path)) {
                    continue;
                }
                relative = mount.path("subPath").asText();
            } else if (path.equals(at) || path.startsWith(at.endsWith("/") ? at : at + "/")) {
                relative = path.substring(at.length()).replaceFirst("^/", "");
            } else {
                continue;
            }
            if (at.length() > bestLength) {
                bestLength = at.length();
                best = new Mounted(mount.path("name").asText(), volume(mount.path("name").asText()), relative);
            }
        }
        return Optional.ofNullable(best);
    }

    /** Whether {@code path} in {@code container} lies on a persistent volume (a claim template or a PVC volume). */
    boolean persistent(JsonNode container, String path) {
        Optional<Mounted> mounted = mountOf(container, path);
        if (mounted.isEmpty()) {
            return false;
        }
        boolean template = Manifests.list(workload.path("spec").path("volumeClaimTemplates")).stream()
                .anyMatch(t -> Manifests.name(t).equals(mounted.get().name()));
        return template || mounted.get().volume().has("persistentVolumeClaim");
    }

    /**
     * The container's environment as the pod would get it: literal values; {@code fieldRef metadata.name} as the pod
     * name, other fields and resources as a placeholder; secrets as {@link #SECRET_PLACEHOLDER}; ConfigMap keys from
     * the ConfigMap.
     */
    Map<String, String> environment(JsonNode container) {
        Map<String, String> env = new TreeMap<>();
        for (JsonNode var : Manifests.list(container.path("env"))) {
            String name = var.path("name").asText();
            JsonNode from = var.path("valueFrom");
            if (var.has("value")) {
                env.put(name, var.path("value").asText());
            } else if (from.has("fieldRef")) {
                env.put(name, "metadata.name".equals(from.path("fieldRef").path("fieldPath").asText()) ? podName()
                        : Integer.toString(ordinal));
            } else if (from.has("secretKeyRef")) {
                env.put(name, SECRET_PLACEHOLDER);
            } else if (from.has("configMapKeyRef")) {
                JsonNode ref = from.path("configMapKeyRef");
                env.put(name, configMaps.getOrDefault(ref.path("name").asText(), Map.of())
                        .getOrDefault(ref.path("key").asText(), ""));
            } else {
                env.put(name, "0");
            }
        }
        return env;
    }

    private JsonNode volume(String name) {
        for (JsonNode volume : Manifests.list(Manifests.podSpec(workload).path("volumes"))) {
            if (name.equals(volume.path("name").asText())) {
                return volume;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    private static String keyFor(JsonNode configMapVolume, String relative) {
        List<JsonNode> items = Manifests.list(configMapVolume.path("items"));
        for (JsonNode item : items) {
            if (relative.equals(item.path("path").asText())) {
                return item.path("key").asText();
            }
        }
        return items.isEmpty() ? relative : "";
    }

    /** A volume mount: the volume's name and definition, and the path inside the volume. */
    record Mounted(String name, JsonNode volume, String relative) {
    }
}
