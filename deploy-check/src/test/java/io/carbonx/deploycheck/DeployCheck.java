package io.carbonx.deploycheck;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Runs every check over one set of objects, and locates the inputs (the k8s directory, the README, the list of
 * topics the code uses).
 */
final class DeployCheck {

    /** System property naming the k8s directory (set by the module's surefire configuration). */
    static final String K8S_DIR_PROPERTY = "carbonx.k8s.dir";
    /** Test resource listing the topics the code uses, one per line ('#' comments). */
    static final String EXPECTED_TOPICS = "/expected-topics.txt";

    private DeployCheck() {
    }

    /**
     * @param manifests           the objects (a rendered overlay, or the base files)
     * @param generatedConfigMaps ConfigMap names produced by generators (when the objects are not rendered)
     * @param readme              text of k8s/README.md (every Secret must be documented there)
     * @param expectedTopics      topic names the code uses
     * @return every violation, one line each; empty when the objects pass
     */
    static List<String> all(Manifests manifests, Set<String> generatedConfigMaps, String readme,
                            Collection<String> expectedTopics) {
        List<String> problems = new ArrayList<>();
        problems.addAll(WorkloadChecks.check(manifests));
        problems.addAll(WiringChecks.check(manifests, generatedConfigMaps, readme));
        problems.addAll(NetworkChecks.check(manifests));
        problems.addAll(StrimziChecks.check(manifests, expectedTopics));
        problems.addAll(ValidatorChecks.check(manifests));
        return problems;
    }

    /** The k8s directory under test. */
    static Path k8sDir() {
        String configured = System.getProperty(K8S_DIR_PROPERTY);
        Path dir = configured != null ? Path.of(configured) : Path.of("..", "k8s");
        if (!Files.isDirectory(dir.resolve("base"))) {
            throw new IllegalStateException("no k8s/base under " + dir.toAbsolutePath()
                    + " (set -D" + K8S_DIR_PROPERTY + ")");
        }
        return dir.normalize();
    }

    static String readme() {
        return Manifests.readString(k8sDir().resolve("README.md"));
    }

    static List<String> expectedTopics() {
        try (var in = DeployCheck.class.getResourceAsStream(EXPECTED_TOPICS)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + EXPECTED_TOPICS);
            }
            String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            return text.lines().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
