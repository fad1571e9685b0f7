package io.carbonx.deploycheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A set of Kubernetes objects parsed from YAML, with the accessors the checks need.
 *
 * <p>Contract: {@link #parse} accepts a multi-document YAML stream (empty documents are skipped) and refuses a
 * document that is not a mapping with {@code apiVersion}, {@code kind} and {@code metadata.name}, naming its
 * origin. The objects keep their order. Accessors never return null: absent fields read as empty values.
 */
public final class Manifests {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** Kinds whose pods the checks treat as workloads. */
    private static final List<String> WORKLOAD_KINDS = List.of("Deployment", "StatefulSet");

    private final List<JsonNode> objects;

    private Manifests(List<JsonNode> objects) {
        this.objects = List.copyOf(objects);
    }

    /**
     * Parses a YAML stream.
     *
     * @param yaml   the text, one or more documents
     * @param origin where it came from, for error messages
     * @return the objects
     * @throws IllegalArgumentException if a document is not a Kubernetes object
     */
    public static Manifests parse(String yaml, String origin) {
        List<JsonNode> parsed = new ArrayList<>();
        try (var docs = YAML.readerFor(JsonNode.class).<JsonNode>readValues(yaml)) {
            int index = 0;
            while (docs.hasNext()) {
                JsonNode doc = docs.next();
                index++;
                if (doc == null || doc.isNull() || doc.isMissingNode() || doc.isEmpty()) {
                    continue;
                }
                if (!doc.isObject() || !doc.hasNonNull("apiVersion") || !doc.hasNonNull("kind")
                        || !doc.path("metadata").hasNonNull("name")) {
                    throw new IllegalArgumentException(origin + ": document " + index
                            + " is not a Kubernetes object (apiVersion, kind and metadata.name required)");
                }
                parsed.add(doc);
            }
        } catch (IOException e) {
            throw new IllegalArgumentException(origin + ": not valid YAML: " + e.getMessage(), e);
        }
        return new Manifests(parsed);
    }

    /** Parses and concatenates files, in the given order. */
    public static Manifests read(List<Path> files) {
        List<JsonNode> all = new ArrayList<>();
        for (Path file : files) {
            all.addAll(parse(readString(file), file.toString()).objects);
        }
        return new Manifests(all);
    }

    /** Reads a YAML file that is not a Kubernetes object (a kustomization) as a tree. */
    static JsonNode readTree(Path file) {
        try {
            JsonNode tree = YAML.readTree(readString(file));
            return tree == null ? MissingNode.getInstance() : tree;
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": not valid YAML: " + e.getMessage(), e);
        }
    }

    static String readString(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** @return every object, in order */
    public List<JsonNode> all() {
        return objects;
    }

    /** @return the objects of one kind, in order */
    public List<JsonNode> ofKind(String kind) {
        return objects.stream().filter(o -> kind.equals(kind(o))).toList();
    }

    /** @return the Deployments and StatefulSets, in order */
    public List<JsonNode> workloads() {
        return objects.stream().filter(o -> WORKLOAD_KINDS.contains(kind(o))).toList();
    }

    /** @return the object of that kind and name, if present */
    public Optional<JsonNode> find(String kind, String name) {
        return objects.stream().filter(o -> kind.equals(kind(o)) && name.equals(name(o)))
                .findFirst();
    }

    /** The data of every ConfigMap among these objects: name to key to text. */
    Map<String, Map<String, String>> configMapData() {
        Map<String, Map<String, String>> data = new TreeMap<>();
        for (JsonNode configMap : ofKind("ConfigMap")) {
            data.put(name(configMap), stringMap(configMap.path("data")));
        }
        return data;
    }

    static String kind(JsonNode o) {
        return o.path("kind").asText();
    }

    static String name(JsonNode o) {
        return o.path("metadata").path("name").asText();
    }

    static String apiVersion(JsonNode o) {
        return o.path("apiVersion").asText();
    }

    /** "Kind/name", the prefix of every violation about the object. */
    static String id(JsonNode o) {
        return kind(o) + "/" + name(o);
    }

    static Map<String, String> labels(JsonNode o) {
        return stringMap(o.path("metadata").path("labels"));
    }

    /** The pod template's labels of a workload. */
    static Map<String, String> templateLabels(JsonNode workload) {
        return stringMap(workload.path("spec").path("template").path("metadata").path("labels"));
    }

    /**
     * The label sets of a workload's pods as Kubernetes will label them: the template's labels, and for a
     * StatefulSet also the labels its controller adds to pod {@code <name>-<i>} ({@code
     * statefulset.kubernetes.io/pod-name} and {@code apps.kubernetes.io/pod-index}), one set per ordinal.
     */
    static List<Map<String, String>> podLabelSets(JsonNode workload) {
        Map<String, String> template = templateLabels(workload);
        if (!"StatefulSet".equals(kind(workload))) {
            return List.of(template);
        }
        List<Map<String, String>> sets = new ArrayList<>();
        int replicas = workload.path("spec").path("replicas").asInt(1);
        for (int i = 0; i < replicas; i++) {
            Map<String, String> labels = new TreeMap<>(template);
            labels.put("statefulset.kubernetes.io/pod-name", name(workload) + "-" + i);
            labels.put("apps.kubernetes.io/pod-index", Integer.toString(i));
            sets.add(labels);
        }
        return sets;
    }

    static JsonNode podSpec(JsonNode workload) {
        return workload.path("spec").path("template").path("spec");
    }

    /** The component label of a workload's pods ("" if none). */
    static String component(JsonNode workload) {
        return templateLabels(workload).getOrDefault("app.kubernetes.io/component", "");
    }

    /** A YAML mapping of scalars as a sorted map; anything else as an empty map. */
    static Map<String, String> stringMap(JsonNode node) {
        Map<String, String> map = new TreeMap<>();
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                map.put(field.getKey(), field.getValue().asText());
            }
        }
        return map;
    }

    /** The elements of a YAML sequence (none if it is not one). */
    static List<JsonNode> list(JsonNode node) {
        List<JsonNode> items = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(items::add);
        }
        return items;
    }
}
