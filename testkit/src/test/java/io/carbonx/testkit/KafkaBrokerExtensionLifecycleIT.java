package io.carbonx.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import java.nio.file.Files;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.testcontainers.DockerClientFactory;

/**
 * How the extension behaves as seen by the JUnit platform: one shared broker per run, stopped at the end; the
 * Testcontainers variant skipped (not failed) without Docker; a bad kind rejected with a precise error.
 */
class KafkaBrokerExtensionLifecycleIT {

    private String savedProperty;

    @BeforeEach
    void clear() {
        ExtensionScenarios.SEEN.clear();
        savedProperty = System.getProperty(KafkaBrokerExtension.KIND_PROPERTY);
    }

    @AfterEach
    void restoreProperty() {
        if (savedProperty == null) {
            System.clearProperty(KafkaBrokerExtension.KIND_PROPERTY);
        } else {
            System.setProperty(KafkaBrokerExtension.KIND_PROPERTY, savedProperty);
        }
    }

    @Test
    void twoClassesInOneRunShareOneBrokerWhichIsStoppedAndDeletedWhenTheRunEnds() {
        EngineExecutionResults results = run(ExtensionScenarios.FirstClass.class, ExtensionScenarios.SecondClass.class);

        results.testEvents().assertStatistics(s -> s.started(2).succeeded(2).failed(0));
        assertThat(ExtensionScenarios.SEEN).hasSize(2);
        KafkaBroker shared = ExtensionScenarios.SEEN.get(0);
        assertThat(ExtensionScenarios.SEEN.get(1)).isSameAs(shared);
        assertThat(shared.isRunning()).as("stopped when the root context closed").isFalse();
        assertThat(Files.exists(((EmbeddedBroker) shared).dataDir())).as("temp data deleted").isFalse();
    }

    @Test
    void givenTestPinnedToTestcontainers_whenNoDockerEngine_thenItIsReportedSkippedNotFailed() {
        EngineExecutionResults results = run(ExtensionScenarios.PinnedToTestcontainers.class);

        assertSkippedWithoutDockerOrPassedWithIt(results);
    }

    @Test
    void givenPropertySelectingTestcontainers_whenNoDockerEngine_thenUnpinnedTestIsReportedSkipped() {
        System.setProperty(KafkaBrokerExtension.KIND_PROPERTY, "testcontainers");

        EngineExecutionResults results = run(ExtensionScenarios.FollowsProperty.class);

        assertSkippedWithoutDockerOrPassedWithIt(results);
    }

    @Test
    void givenUnknownKind_thenTheTestFailsNamingTheProperty() {
        System.setProperty(KafkaBrokerExtension.KIND_PROPERTY, "podman");

        EngineExecutionResults results = run(ExtensionScenarios.FollowsProperty.class);

        results.allEvents().assertThatEvents().haveExactly(1, finishedWithFailure(
                message(m -> m.contains("carbonx.kafka must be 'embedded' or 'testcontainers', was 'podman'"))));
        assertThat(ExtensionScenarios.SEEN).isEmpty();
    }

    private static void assertSkippedWithoutDockerOrPassedWithIt(EngineExecutionResults results) {
        if (DockerClientFactory.instance().isDockerAvailable()) {
            results.testEvents().assertStatistics(s -> s.succeeded(1).failed(0));
            return;
        }
        results.containerEvents().assertStatistics(s -> s.skipped(1).failed(0));
        results.testEvents().assertStatistics(s -> s.started(0).failed(0));
        assertThat(results.containerEvents().skipped().list().get(0).getPayload(String.class))
                .hasValueSatisfying(reason -> assertThat(reason).contains("no Docker engine"));
        assertThat(ExtensionScenarios.SEEN).isEmpty();
    }

    private static EngineExecutionResults run(Class<?>... classes) {
        var request = EngineTestKit.engine("junit-jupiter");
        for (Class<?> c : classes) {
            request = request.selectors(selectClass(c));
        }
        return request.execute();
    }
}
