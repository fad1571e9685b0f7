package io.carbonx.deploycheck;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Runs every structural check over one set of objects, and locates the inputs (the k8s directory, the README). The
 * topics come from the code's catalogue ({@link CatalogueTopics}); the node's view of each pod is
 * {@link NodeConfigChecks}.
 */
final class DeployCheck {

    /** System property naming the k8s directory (set by the module's surefire configuration). */
    static final String K8S_DIR_PROPERTY = "carbonx.k8s.dir";

    private DeployCheck() {
    }

    /**
     * @param manifests           the objects (a rendered overlay, or the base files)
     * @param generatedConfigMaps ConfigMap names produced by generators (when the objects are not rendered)
     * @param readme              text of k8s/README.md (every Secret must be documented there)
     * @param expectedTopics      the code's topic catalogue as the objects must declare it
     * @return every violation, one line each; empty when the objects pass
     */
    static List<String> all(Manifests manifests, Set<String> generatedConfigMaps, String readme,
                            Collection<CatalogueTopics.Expected> expectedTopics) {
        List<String> problems = new ArrayList<>();
        problems.addAll(WorkloadChecks.check(manifests));
        problems.addAll(WiringChecks.check(manifests, generatedConfigMaps, readme));
        problems.addAll(NetworkChecks.check(manifests));
        problems.addAll(StrimziChecks.check(manifests, expectedTopics));
        problems.addAll(ValidatorChecks.check(manifests));
        problems.addAll(RegistryChecks.check(manifests));
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

    /** The node image reference the build produces (the parent pom's carbonx.image, set by surefire). */
    static String image() {
        String image = System.getProperty("carbonx.image");
        if (image == null || image.isBlank()) {
            throw new IllegalStateException("system property carbonx.image is not set (run through Maven)");
        }
        return image;
    }

    static String readme() {
        return Manifests.readString(k8sDir().resolve("README.md"));
    }
}
