package io.carbonx.deploycheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Renders each overlay with {@code kubectl kustomize} and runs every check on the result (the node's view of
 * every pod included: {@link NodeConfigChecks}), plus the overlay's environment expectations and the catalogue's
 * topics with the environment's partition counts. Skipped, with a message saying so, when kubectl is not on the PATH; the files are
 * then still checked directly by {@link ManifestFilesTest}.
 */
class RenderedOverlaysTest {

    static final String NO_KUBECTL = "kubectl is not on the PATH: the overlays are not rendered here. "
            + "ManifestFilesTest checked the base and overlay YAML files directly instead; install kubectl "
            + "(it bundles kustomize) to also check the rendered overlays.";

    @ParameterizedTest
    @EnumSource(Environment.class)
    void renderedOverlayPassesEveryCheckAndMeetsItsEnvironment(Environment environment) {
        Optional<Path> kubectl = Kustomize.kubectl();
        if (kubectl.isEmpty()) {
            System.out.println("[deploy-check] " + NO_KUBECTL);
        }
        assumeTrue(kubectl.isPresent(), NO_KUBECTL);
        Path overlay = DeployCheck.k8sDir().resolve("overlays").resolve(environment.overlay());

        Manifests rendered = Kustomize.render(kubectl.get(), overlay);

        List<String> problems = new ArrayList<>(
                DeployCheck.all(rendered, Set.of(), DeployCheck.readme(), environment.topics()));
        problems.addAll(NodeConfigChecks.check(rendered, rendered.configMapData(), DeployCheck.image()));
        Environment.Facts facts = Environment.Facts.of(rendered);
        problems.addAll(environment.check(facts));
        System.out.printf("[deploy-check] rendered %s with %s: %d objects, %s%n", environment.overlay(),
                kubectl.get(), rendered.all().size(), facts);
        assertThat(problems).as("violations in the rendered %s overlay", environment.overlay()).isEmpty();
        assertThat(rendered.workloads()).hasSize(5);
    }
}
