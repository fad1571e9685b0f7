package io.carbonx.deploycheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Checks the YAML files under k8s/ as they are, without kubectl: the base's resources get every check; each
 * overlay's kustomization, patch files and stated values get the checks that make sense without rendering
 * (see {@link KustomizationFiles}). Runs everywhere, with or without kubectl.
 */
class ManifestFilesTest {

    private final Path k8s = DeployCheck.k8sDir();

    @Test
    void baseFilesPassEveryCheck() {
        KustomizationFiles base = KustomizationFiles.of(k8s.resolve("base"));

        List<String> problems = new ArrayList<>(base.checkKustomization());
        problems.addAll(DeployCheck.all(base.resources(), base.generatedConfigMaps(), DeployCheck.readme(),
                CatalogueTopics.defaults()));
        problems.addAll(NodeConfigChecks.check(base.resources(), base.configMapData(), DeployCheck.image()));

        assertThat(problems).as("violations in k8s/base").isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Environment.class)
    void overlayFilesPinImagesAndStateTheirEnvironment(Environment environment) {
        Manifests base = KustomizationFiles.of(k8s.resolve("base")).resources();
        KustomizationFiles overlay = KustomizationFiles.of(k8s.resolve("overlays").resolve(environment.overlay()));

        List<String> problems = new ArrayList<>(overlay.checkKustomization());
        Manifests patches = overlay.patches();
        String cluster = Manifests.name(base.ofKind("Kafka").get(0));
        for (var patch : patches.all()) {
            String apiVersion = Manifests.apiVersion(patch);
            if (apiVersion.startsWith(StrimziChecks.API_GROUP) && !StrimziChecks.API_VERSION.equals(apiVersion)) {
                problems.add(Manifests.id(patch) + ": patch uses " + apiVersion);
            }
            String label = Manifests.labels(patch).get(StrimziChecks.CLUSTER_LABEL);
            if (label != null && !label.equals(cluster)) {
                problems.add(Manifests.id(patch) + ": patch labels cluster " + label + ", the Kafka is " + cluster);
            }
            if (base.find(Manifests.kind(patch), Manifests.name(patch)).isEmpty()) {
                problems.add(Manifests.id(patch) + ": patch targets nothing in the base");
            }
        }
        for (var workload : patches.workloads()) {
            for (var container : Manifests.list(Manifests.podSpec(workload).path("containers"))) {
                if (container.has("image")) {
                    problems.addAll(WorkloadChecks.image(Manifests.id(workload), container));
                }
            }
        }
        Environment.Facts facts = overlay.environmentFacts(base);
        problems.addAll(environment.check(facts));

        assertThat(problems).as("violations in the %s overlay files (%s)", environment.overlay(), facts).isEmpty();
    }

    @Test
    void everyKustomizationUsesLabelsAndNoDeprecatedFields() {
        List<String> problems = new ArrayList<>();
        for (Path file : yamlFiles()) {
            if (file.getFileName().toString().equals("kustomization.yaml")) {
                problems.addAll(KustomizationFiles.of(file.getParent()).checkKustomization());
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyStrimziObjectInEveryFileUsesApiV1() {
        List<String> problems = new ArrayList<>();
        for (Path file : yamlFiles()) {
            if (file.getFileName().toString().equals("kustomization.yaml") || file.startsWith(k8s.resolve("base")
                    .resolve("config"))) {
                continue;
            }
            for (var object : Manifests.read(List.of(file)).all()) {
                String apiVersion = Manifests.apiVersion(object);
                if (apiVersion.startsWith(StrimziChecks.API_GROUP) && !StrimziChecks.API_VERSION.equals(apiVersion)) {
                    problems.add(file + ": " + Manifests.id(object) + " uses " + apiVersion);
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyTopicIsDeclaredInTheOneTopicsFile() {
        Path topicsFile = k8s.resolve("base").resolve("topics.yaml");
        Manifests base = KustomizationFiles.of(k8s.resolve("base")).resources();
        Manifests topics = Manifests.read(List.of(topicsFile));

        assertThat(base.ofKind("KafkaTopic")).hasSameSizeAs(topics.all());
        assertThat(topics.all()).allMatch(o -> "KafkaTopic".equals(Manifests.kind(o)));
        assertThat(topics.ofKind("KafkaTopic").stream().map(StrimziChecks::topicName))
                .containsExactlyInAnyOrderElementsOf(CatalogueTopics.defaults().stream()
                        .map(CatalogueTopics.Expected::name).toList());
    }

    private List<Path> yamlFiles() {
        try (Stream<Path> files = Files.walk(k8s)) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
