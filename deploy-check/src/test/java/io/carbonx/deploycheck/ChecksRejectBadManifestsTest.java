package io.carbonx.deploycheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Shows that each check can fail: a small valid deployment (fixtures/minimal.yaml) passes every check, and each
 * test breaks one thing in it and expects the violation that names it.
 */
class ChecksRejectBadManifestsTest {

    private static final String README = "Secrets: `carbonx-node` (Strimzi).";
    /** The catalogue's entries for the fixture's three topics. */
    private static final List<CatalogueTopics.Expected> TOPICS = catalogue("carbonx.orders", "carbonx.trades",
            "carbonx.snapshots");

    private final String fixture = read("/fixtures/minimal.yaml");

    @Test
    void theUnbrokenFixturePassesEveryCheck() {
        assertThat(problems(fixture)).isEmpty();
    }

    @Test
    void rejectsTheLatestTag() {
        assertThat(problems(mutate("image: carbonx-node:0.1.0\n          ports:\n            - {name: pbft",
                "image: carbonx-node:latest\n          ports:\n            - {name: pbft")))
                .singleElement().asString()
                .contains("StatefulSet/carbonx-validator container node", "not pinned", "latest");
    }

    @Test
    void rejectsAnUntaggedInitContainerImage() {
        assertThat(problems(mutate("image: busybox:1.37.0", "image: docker.io/library/busybox")))
                .singleElement().asString().contains("init container install-key", "untagged");
    }

    @Test
    void rejectsAContainerWithoutReadinessProbe() {
        assertThat(problems(mutate(
                "          readinessProbe:\n            httpGet: {path: /health/ready, port: 8080}\n",
                ""))).singleElement().asString().contains("Deployment/carbonx-registry", "no readinessProbe");
    }

    @Test
    void rejectsALivenessProbeOnTheReadinessPath() {
        assertThat(problems(mutate("httpGet: {path: /health/live, port: 8080}",
                "httpGet: {path: /health/ready, port: 8080}")))
                .singleElement().asString().contains("livenessProbe path", "/health/live");
    }

    @Test
    void rejectsAProbeOnAPortTheContainerDoesNotDeclare() {
        assertThat(problems(mutate("httpGet: {path: /health/live, port: 8080}",
                "httpGet: {path: /health/live, port: 9999}")))
                .singleElement().asString().contains("livenessProbe port '9999'");
    }

    @Test
    void rejectsAContainerWithoutMemoryLimit() {
        assertThat(problems(mutate("limits: {cpu: \"2\", memory: 768Mi}", "limits: {cpu: \"2\"}")))
                .singleElement().asString().contains("carbonx-gateway container node", "no memory limits");
    }

    @Test
    void rejectsARequestAboveItsLimit() {
        assertThat(problems(mutate("requests: {cpu: 500m, memory: 768Mi}", "requests: {cpu: 2500m, memory: 768Mi}")))
                .singleElement().asString().contains("cpu request 2500m above limit 2");
    }

    @Test
    void rejectsASelectorThatMissesItsOwnPodTemplate() {
        String broken = mutate("    matchLabels: " + labels("registry") + "\n  template",
                "    matchLabels: " + labels("registy") + "\n  template");
        assertThat(problems(broken)).singleElement().asString()
                .contains("Deployment/carbonx-registry", "does not select its pod template");
    }

    @Test
    void rejectsAServiceSelectingNoWorkload() {
        String broken = mutate("  selector: " + labels("gateway"),
                "  selector: " + labels("gatway"));
        assertThat(problems(broken)).singleElement().asString()
                .contains("Service/carbonx-gateway", "matches no workload");
    }

    @Test
    void rejectsAValidatorDisruptionBudgetThatLosesTheQuorum() {
        String budget = "\n  selector:\n    matchLabels: " + labels("validator");
        String broken = mutate("  maxUnavailable: 1" + budget, "  maxUnavailable: 2" + budget);
        assertThat(problems(broken)).singleElement().asString().contains("keeps 2 of 4 validators", "2f + 1 = 3");
    }

    @Test
    void rejectsAValidatorCountThatIsNot3fPlus1() {
        assertThat(problems(mutate("  replicas: 4\n", "  replicas: 5\n")))
                .anySatisfy(p -> assertThat(p).contains("5 replicas; PBFT needs n = 3f + 1"));
    }

    @Test
    void rejectsThePbftPortOpenToOtherRoles() {
        String broken = mutate("            matchLabels: " + labels("gateway") + "\n      ports",
                "            matchLabels: {app.kubernetes.io/name: carbonx-node}\n      ports");
        assertThat(problems(broken)).singleElement().asString()
                .contains("admits Deployment/carbonx-registry", "only");
    }

    @Test
    void rejectsAValidatorIngressRuleWithoutSourcesOrPorts() {
        String noSources = fixture.substring(0, fixture.lastIndexOf("    - from:")) + "    - ports:\n"
                + "        - {protocol: TCP, port: http}\n";
        assertThat(problems(noSources)).contains(
                "NetworkPolicy/carbonx-validator-ingress (selects validators): admits port http; only pbft is allowed",
                "NetworkPolicy/carbonx-validator-ingress (selects validators): an ingress rule admits every source;"
                        + " only " + NetworkChecks.VALIDATOR_PEERS + " pods allowed");
    }

    @Test
    void rejectsKafkaUnreachableForARole() {
        String peer = "          - podSelector:\n              matchLabels:\n                ";
        String broken = mutate(peer + "app.kubernetes.io/name: carbonx-node",
                peer + "app.kubernetes.io/component: gateway");
        assertThat(problems(broken)).contains("Kafka/carbonx listener tls: Deployment/carbonx-registry cannot reach it",
                "Kafka/carbonx listener tls: StatefulSet/carbonx-validator cannot reach it");
    }

    @Test
    void rejectsAKafkaTopicOnV1beta2() {
        String broken = mutate("apiVersion: kafka.strimzi.io/v1\nkind: KafkaTopic\nmetadata:\n  name: carbonx.orders",
                "apiVersion: kafka.strimzi.io/v1beta2\nkind: KafkaTopic\nmetadata:\n  name: carbonx.orders");
        assertThat(problems(broken)).singleElement().asString()
                .contains("KafkaTopic/carbonx.orders: apiVersion kafka.strimzi.io/v1beta2, must be "
                        + "kafka.strimzi.io/v1");
    }

    @Test
    void rejectsATopicLabelledForAnotherCluster() {
        String broken = mutate("  name: carbonx.trades\n  labels:\n    strimzi.io/cluster: carbonx",
                "  name: carbonx.trades\n  labels:\n    strimzi.io/cluster: my-cluster");
        assertThat(problems(broken)).singleElement().asString()
                .contains("KafkaTopic/carbonx.trades", "strimzi.io/cluster=my-cluster", "does not name the Kafka");
    }

    @Test
    void rejectsATopicOfTheCatalogueThatNobodyDeclared() {
        List<CatalogueTopics.Expected> expected = catalogue("carbonx.orders", "carbonx.trades", "carbonx.snapshots",
                "carbonx.registry.journal");
        assertThat(DeployCheck.all(Manifests.parse(fixture, "fixture"), Set.of(), README, expected))
                .containsExactly("topic carbonx.registry.journal is in the code's catalogue "
                        + "(io.carbonx.schemas.Topics) but not declared as a KafkaTopic");
    }

    @Test
    void rejectsATopicOutsideTheCatalogue() {
        assertThat(DeployCheck.all(Manifests.parse(fixture, "fixture"), Set.of(), README,
                catalogue("carbonx.orders", "carbonx.trades")))
                .containsExactly("KafkaTopic/carbonx.snapshots: topic carbonx.snapshots is not in the code's "
                        + "catalogue (io.carbonx.schemas.Topics)");
    }

    @Test
    void rejectsPartitionsRetentionAndLabelsThatDifferFromTheCatalogue() {
        String broken = mutate("    carbonx.io/key: snapshot\n    carbonx.io/anchored: \"false\"\nspec:\n"
                        + "  partitions: 1\n  config:\n    cleanup.policy: compact",
                "    carbonx.io/key: chain\n    carbonx.io/anchored: \"false\"\nspec:\n"
                        + "  partitions: 3\n  config:\n    cleanup.policy: delete");
        assertThat(problems(broken)).containsExactly(
                "KafkaTopic/carbonx.snapshots: 3 partitions, the catalogue says 1",
                "KafkaTopic/carbonx.snapshots: cleanup.policy is delete, the catalogue says compact",
                "KafkaTopic/carbonx.snapshots: label carbonx.io/key=chain, the catalogue keys it by snapshot");
    }

    @Test
    void rejectsCoPartitionedTopicsWithDifferentCounts() {
        String broken = mutate("  topicName: carbonx.trades\n  partitions: 4",
                "  topicName: carbonx.trades\n  partitions: 12");
        assertThat(problems(broken)).containsExactly(
                "topics keyed by instrument have different partition counts [4, 12]: they must be co-partitioned",
                "KafkaTopic/carbonx.trades: 12 partitions, the catalogue says 4");
    }

    @Test
    void rejectsAnEvidenceTopicThatIsNotKeptForever() {
        String broken = mutate("spec:\n  partitions: 4\n  config:\n    cleanup.policy: delete\n    retention.ms: -1",
                "spec:\n  partitions: 4\n  config:\n    cleanup.policy: compact\n    retention.ms: 604800000");
        assertThat(problems(broken)).containsExactly(
                "KafkaTopic/carbonx.orders: anchored (evidence) topic needs retention.ms -1, has 604800000",
                "KafkaTopic/carbonx.orders: anchored (evidence) topic needs cleanup.policy delete (compaction would"
                        + " remove records that inclusion proofs refer to)",
                "KafkaTopic/carbonx.orders: cleanup.policy is compact, the catalogue says delete",
                "KafkaTopic/carbonx.orders: retention.ms is 604800000, the catalogue says -1");
    }

    @Test
    void rejectsASecondRegistryReplica() {
        assertThat(problems(mutate("  replicas: 1\n  strategy: {type: Recreate}",
                "  replicas: 2\n  strategy: {type: Recreate}")))
                .containsExactly("Deployment/carbonx-registry: replicas must be exactly 1 (the registry is the single"
                        + " writer and holds the CA keys), is 2");
    }

    @Test
    void rejectsARollingRegistryDeploymentAndAnAutoscaledRegistry() {
        String rolling = mutate("  replicas: 1\n  strategy: {type: Recreate}\n", "  replicas: 1\n");
        assertThat(problems(rolling)).singleElement().asString()
                .contains("Deployment/carbonx-registry: a Deployment of the registry needs strategy Recreate");
        String autoscaled = fixture + "---\napiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n"
                + "  name: carbonx-registry\nspec:\n  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, "
                + "name: carbonx-registry}\n  minReplicas: 1\n  maxReplicas: 2\n";
        assertThat(problems(autoscaled)).containsExactly(
                "HorizontalPodAutoscaler/carbonx-registry: target Deployment/carbonx-registry sets spec.replicas; "
                        + "leave the count to the autoscaler",
                "HorizontalPodAutoscaler/carbonx-registry: autoscales the registry, which must stay at one pod");
    }

    @Test
    void rejectsMinIsrAboveTheReplicationFactor() {
        assertThat(problems(mutate("      min.insync.replicas: 1", "      min.insync.replicas: 2")))
                .anySatisfy(p -> assertThat(p).contains("min.insync.replicas (2) <= default.replication.factor (1)"));
    }

    @Test
    void rejectsAnEvenControllerQuorum() {
        assertThat(problems(mutate("  replicas: 1\n  roles: [controller, broker]",
                "  replicas: 2\n  roles: [controller, broker]")))
                .contains("KRaft controller quorum of 2 nodes: use an odd number");
    }

    @Test
    void rejectsAnAutoscaledDeploymentThatSetsItsReplicas() {
        String broken = mutate("  name: carbonx-gateway\nspec:\n  selector:\n",
                "  name: carbonx-gateway\nspec:\n  replicas: 3\n  selector:\n");
        assertThat(problems(broken)).singleElement().asString()
                .contains("HorizontalPodAutoscaler/carbonx-gateway", "sets spec.replicas");
    }

    @Test
    void rejectsASpreadConstraintAddedTwice() {
        String header = "      topologySpreadConstraints:\n";
        String second = "        - maxSkew: 1\n          topologyKey: kubernetes.io/hostname\n"
                + "          whenUnsatisfiable: DoNotSchedule\n          labelSelector:\n            matchLabels: "
                + labels("gateway") + "\n";
        assertThat(problems(mutate(header, header + second))).singleElement().asString()
                .contains("Deployment/carbonx-gateway: topology key kubernetes.io/hostname constrained twice");
    }

    @Test
    void rejectsAMissingConfigMapAndAnUndocumentedSecret() {
        String broken = mutate("  name: carbonx-node-config\ndata:", "  name: other-config\ndata:");
        List<String> problems = DeployCheck.all(Manifests.parse(broken, "fixture"), Set.of(), "no secrets here",
                TOPICS);
        assertThat(problems).containsExactly(
                "Deployment/carbonx-gateway: ConfigMap carbonx-node-config does not exist",
                "Deployment/carbonx-gateway: Secret carbonx-node is not documented (as `carbonx-node`) in "
                        + "k8s/README.md");
    }

    @Test
    void environmentsRejectTheWrongKafkaSizeAndPodCounts() {
        var prodLike = new Environment.Facts(3, 3, 2, 4, Map.of("carbonx-gateway", 2));
        var devLike = new Environment.Facts(1, 1, 1, 4, Map.of("carbonx-gateway", 1));

        assertThat(Environment.DEV.check(prodLike)).containsExactly("dev: brokers is 3, expected 1",
                "dev: default.replication.factor is 3, expected 1", "dev: min.insync.replicas is 2, expected 1",
                "dev: carbonx-gateway runs 2 pod(s), expected exactly 1");
        assertThat(Environment.PROD.check(devLike)).containsExactly("prod: brokers is 1, expected 3",
                "prod: default.replication.factor is 1, expected 3", "prod: min.insync.replicas is 1, expected 2",
                "prod: carbonx-gateway runs 1 pod(s), expected at least 2");
        assertThat(Environment.PROD.check(prodLike)).isEmpty();
        assertThat(Environment.DEV.check(devLike)).isEmpty();
    }

    private static List<CatalogueTopics.Expected> catalogue(String... names) {
        List<String> wanted = List.of(names);
        List<CatalogueTopics.Expected> found = CatalogueTopics.defaults().stream()
                .filter(t -> wanted.contains(t.name())).toList();
        assertThat(found).as("catalogue entries %s", wanted).hasSize(names.length);
        return found;
    }

    /** The flow-style label map of a node pod of that role, as the fixture writes it. */
    private static String labels(String component) {
        return "{app.kubernetes.io/name: carbonx-node, app.kubernetes.io/component: " + component + "}";
    }

    private List<String> problems(String yaml) {
        return DeployCheck.all(Manifests.parse(yaml, "fixture"), Set.of(), README, TOPICS);
    }

    /** The fixture with one occurrence of {@code from} replaced; fails if {@code from} is not there exactly once. */
    private String mutate(String from, String to) {
        int at = fixture.indexOf(from);
        assertThat(at).as("fixture contains %s", from).isNotNegative();
        assertThat(fixture.indexOf(from, at + 1)).as("fixture contains %s once", from).isNegative();
        return fixture.replace(from, to);
    }

    private static String read(String resource) {
        try (InputStream in = ChecksRejectBadManifestsTest.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
