package io.carbonx.deploycheck;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The files of one kustomization directory, read as they are: what checking without kubectl works from.
 *
 * <p>This is deliberately not a renderer. It loads the resource files the kustomization lists (directories it
 * refers to, such as {@code ../../base}, are other kustomizations and are not loaded), its patch files, and its
 * {@code images}, {@code replicas} and {@code configMapGenerator} entries. {@link #environmentFacts} answers the
 * few questions an environment is judged on (broker count, replication, pod counts) by taking the value the
 * overlay states for an object, else the base's; it applies no patch to any object. Anything else that patches
 * could change is only checkable on a rendered overlay.
 */
final class KustomizationFiles {

    private final Path dir;
    private final JsonNode kustomization;

    private KustomizationFiles(Path dir, JsonNode kustomization) {
        this.dir = dir;
        this.kustomization = kustomization;
    }

    /** Reads {@code dir/kustomization.yaml}. */
    static KustomizationFiles of(Path dir) {
        Path file = dir.resolve("kustomization.yaml");
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no kustomization.yaml in " + dir);
        }
        return new KustomizationFiles(dir, Manifests.readTree(file));
    }

    /** The raw kustomization. */
    JsonNode kustomization() {
        return kustomization;
    }

    /** The objects in the listed resource files (not in referenced kustomization directories). */
    Manifests resources() {
        List<Path> files = new ArrayList<>();
        for (JsonNode resource : Manifests.list(kustomization.path("resources"))) {
            Path path = dir.resolve(resource.asText()).normalize();
            if (Files.isRegularFile(path)) {
                files.add(path);
            } else if (!Files.isDirectory(path)) {
                throw new IllegalArgumentException(dir + ": resource " + resource.asText() + " does not exist");
            }
        }
        return Manifests.read(files);
    }

    /** The objects in the patch files ({@code patches[].path}). */
    Manifests patches() {
        List<Path> files = new ArrayList<>();
        for (JsonNode patch : Manifests.list(kustomization.path("patches"))) {
            if (patch.hasNonNull("path")) {
                Path path = dir.resolve(patch.path("path").asText()).normalize();
                if (!Files.isRegularFile(path)) {
                    throw new IllegalArgumentException(dir + ": patch " + path + " does not exist");
                }
                files.add(path);
            }
        }
        return Manifests.read(files);
    }

    /** Names of the ConfigMaps the kustomization generates. */
    Set<String> generatedConfigMaps() {
        Set<String> names = new TreeSet<>();
        Manifests.list(kustomization.path("configMapGenerator")).forEach(g -> names.add(g.path("name").asText()));
        return names;
    }

    /**
     * The data of the ConfigMaps the kustomization generates ({@code files:} entries {@code key=path} or
     * {@code path}) and of those among its resources: name to key to text.
     */
    Map<String, Map<String, String>> configMapData() {
        Map<String, Map<String, String>> data = new TreeMap<>(resources().configMapData());
        for (JsonNode generator : Manifests.list(kustomization.path("configMapGenerator"))) {
            Map<String, String> files = new TreeMap<>();
            for (JsonNode entry : Manifests.list(generator.path("files"))) {
                String text = entry.asText();
                int eq = text.indexOf('=');
                String key = eq < 0 ? Path.of(text).getFileName().toString() : text.substring(0, eq);
                Path file = dir.resolve(eq < 0 ? text : text.substring(eq + 1)).normalize();
                if (!Files.isRegularFile(file)) {
                    throw new IllegalArgumentException(dir + ": configMapGenerator file " + file + " does not exist");
                }
                files.put(key, Manifests.readString(file));
            }
            data.put(generator.path("name").asText(), files);
        }
        return data;
    }

    /** Pod counts set by the {@code replicas:} field, by object name. */
    Map<String, Integer> replicaCounts() {
        Map<String, Integer> counts = new TreeMap<>();
        Manifests.list(kustomization.path("replicas"))
                .forEach(r -> counts.put(r.path("name").asText(), r.path("count").asInt()));
        return counts;
    }

    /**
     * Checks of the kustomization file itself: {@code labels:} rather than the deprecated {@code commonLabels},
     * and every {@code images:} entry pins (no {@code latest} tag, a well-formed digest if one is given).
     */
    List<String> checkKustomization() {
        List<String> problems = new ArrayList<>();
        String where = dir.resolve("kustomization.yaml").toString();
        if (kustomization.has("commonLabels")) {
            problems.add(where + ": uses commonLabels (deprecated; also rewrites selectors): use labels:");
        }
        if (kustomization.has("patchesStrategicMerge") || kustomization.has("patchesJson6902")) {
            problems.add(where + ": uses deprecated patch fields: use patches:");
        }
        for (JsonNode image : Manifests.list(kustomization.path("images"))) {
            if (!image.hasNonNull("newTag") && !image.hasNonNull("digest")) {
                continue; // keeps the tag written in the base, which the base checks judge
            }
            String name = image.path("newName").asText(image.path("name").asText());
            String reference = name + (image.hasNonNull("newTag") ? ":" + image.path("newTag").asText() : "")
                    + (image.hasNonNull("digest") ? "@" + image.path("digest").asText() : "");
            ImageRefs.unpinnedReason(reference).ifPresent(reason ->
                    problems.add(where + ": images entry " + image.path("name").asText() + " not pinned: " + reason));
        }
        return problems;
    }

    /**
     * The environment facts of this overlay over {@code base}: for each object the base defines, the value this
     * overlay states (its {@code replicas:} entries, then its patch files), else the base's.
     */
    Environment.Facts environmentFacts(Manifests base) {
        Manifests patches = patches();
        Map<String, Integer> counts = replicaCounts();
        int brokers = 0;
        for (JsonNode pool : base.ofKind("KafkaNodePool")) {
            JsonNode stated = patches.find("KafkaNodePool", Manifests.name(pool)).orElse(pool);
            JsonNode roles = stated.path("spec").has("roles") ? stated : pool;
            if (StrimziChecks.roles(roles).contains("broker")) {
                brokers += stated.path("spec").path("replicas").asInt(pool.path("spec").path("replicas").asInt());
            }
        }
        Map<String, String> config = new TreeMap<>(KafkaSize.of(base).config());
        patches.ofKind("Kafka").forEach(k ->
                config.putAll(Manifests.stringMap(k.path("spec").path("kafka").path("config"))));
        KafkaSize size = new KafkaSize(brokers, 0, config);
        int validators = NetworkChecks.workloadsOf(base, NetworkChecks.VALIDATOR).stream()
                .mapToInt(v -> replicas(v, patches, counts)).sum();
        Map<String, Integer> stateless = new TreeMap<>();
        for (JsonNode deployment : base.ofKind("Deployment")) {
            String name = Manifests.name(deployment);
            Optional<JsonNode> hpa = autoscalerOf(base, name);
            int count = hpa.isPresent()
                    ? patches.find("HorizontalPodAutoscaler", Manifests.name(hpa.get())).orElse(hpa.get())
                            .path("spec").path("minReplicas").asInt(hpa.get().path("spec").path("minReplicas").asInt(1))
                    : replicas(deployment, patches, counts);
            stateless.put(name, count);
        }
        return new Environment.Facts(size.brokers(), size.defaultReplicationFactor(), size.minIsr(), validators,
                stateless);
    }

    private static int replicas(JsonNode workload, Manifests patches, Map<String, Integer> counts) {
        String name = Manifests.name(workload);
        if (counts.containsKey(name)) {
            return counts.get(name);
        }
        JsonNode stated = patches.find(Manifests.kind(workload), name).orElse(workload);
        return stated.path("spec").path("replicas").asInt(workload.path("spec").path("replicas").asInt(1));
    }

    private static Optional<JsonNode> autoscalerOf(Manifests base, String deployment) {
        return base.ofKind("HorizontalPodAutoscaler").stream()
                .filter(h -> deployment.equals(h.path("spec").path("scaleTargetRef").path("name").asText()))
                .findFirst();
    }
}
