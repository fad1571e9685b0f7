package io.carbonx.deploycheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file-based (no kubectl) reading of a kustomization: what it reports and which values it takes. */
class KustomizationFilesTest {

    @TempDir
    Path root;

    @Test
    void reportsCommonLabelsDeprecatedPatchesAndUnpinnedImageEntries() throws IOException {
        Path overlay = write("overlay/kustomization.yaml", """
                commonLabels: {env: x}
                patchesStrategicMerge: [p.yaml]
                images:
                  - {name: carbonx-node, newTag: latest}
                  - {name: busybox, digest: "sha256:abc"}
                  - {name: keep-base-tag, newName: registry.example.org/x}
                """).getParent();

        assertThat(KustomizationFiles.of(overlay).checkKustomization()).hasSize(4).anySatisfy(p ->
                assertThat(p).contains("commonLabels")).anySatisfy(p ->
                assertThat(p).contains("deprecated patch fields")).anySatisfy(p ->
                assertThat(p).contains("carbonx-node not pinned", "latest")).anySatisfy(p ->
                assertThat(p).contains("busybox not pinned", "malformed digest"));
    }

    @Test
    void environmentFactsTakeTheOverlaysStatedValuesElseTheBases() throws IOException {
        write("base/kustomization.yaml", "resources: [all.yaml]\n");
        write("base/all.yaml", """
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaNodePool
                metadata: {name: nodes}
                spec: {replicas: 3, roles: [controller, broker]}
                ---
                apiVersion: kafka.strimzi.io/v1
                kind: Kafka
                metadata: {name: carbonx}
                spec: {kafka: {config: {default.replication.factor: 3, min.insync.replicas: 2}}}
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: carbonx-registry}
                spec: {replicas: 2}
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: carbonx-exchange}
                spec: {replicas: 2}
                ---
                apiVersion: apps/v1
                kind: StatefulSet
                metadata: {name: carbonx-validator}
                spec:
                  replicas: 4
                  template: {metadata: {labels: {app.kubernetes.io/component: validator}}}
                """);
        write("overlay/kustomization.yaml", """
                resources: [../base]
                replicas:
                  - {name: carbonx-registry, count: 1}
                patches:
                  - path: kafka.yaml
                """);
        write("overlay/kafka.yaml", """
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaNodePool
                metadata: {name: nodes}
                spec: {replicas: 1}
                ---
                apiVersion: kafka.strimzi.io/v1
                kind: Kafka
                metadata: {name: carbonx}
                spec: {kafka: {config: {min.insync.replicas: 1}}}
                """);
        Manifests base = KustomizationFiles.of(root.resolve("base")).resources();

        Environment.Facts facts = KustomizationFiles.of(root.resolve("overlay")).environmentFacts(base);

        assertThat(facts).isEqualTo(new Environment.Facts(1, 3, 1, 4,
                Map.of("carbonx-exchange", 2, "carbonx-registry", 1)));
        assertThat(Environment.DEV.check(facts)).containsExactly("dev: default.replication.factor is 3, expected 1",
                "dev: carbonx-exchange runs 2 pod(s), expected exactly 1");
    }

    @Test
    void refusesAMissingResourceOrPatchFile() throws IOException {
        Path dir = write("broken/kustomization.yaml", "resources: [gone.yaml]\npatches:\n  - path: gone-too.yaml\n")
                .getParent();

        assertThatThrownBy(() -> KustomizationFiles.of(dir).resources()).hasMessageContaining("gone.yaml");
        assertThatThrownBy(() -> KustomizationFiles.of(dir).patches()).hasMessageContaining("gone-too.yaml");
        assertThatThrownBy(() -> KustomizationFiles.of(root)).hasMessageContaining("no kustomization.yaml");
    }

    private Path write(String relative, String text) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }
}
