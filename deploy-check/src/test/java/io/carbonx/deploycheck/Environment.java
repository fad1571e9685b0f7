package io.carbonx.deploycheck;

import io.carbonx.schemas.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What each overlay must provide.
 *
 * <p>{@link #DEV}: one Kafka broker, replication factor 1, min ISR 1, exactly one pod per stateless role.
 * {@link #PROD}: three brokers, replication factor 3, min.insync.replicas 2, at least two pods per stateless role.
 * Both: four validators; the catalogue's topics ({@link #topics()}).
 */
enum Environment {
    DEV("dev", 1, 1, 1, 1, 1, Topics.DEFAULT_INSTRUMENT_PARTITIONS),
    PROD("prod", 3, 3, 2, 2, Integer.MAX_VALUE, 12);

    static final int VALIDATORS = 4;

    private final String overlay;
    private final int brokers;
    private final int replicationFactor;
    private final int minIsr;
    private final int minStatelessReplicas;
    private final int maxStatelessReplicas;
    private final int instrumentPartitions;

    Environment(String overlay, int brokers, int replicationFactor, int minIsr, int minStatelessReplicas,
                int maxStatelessReplicas, int instrumentPartitions) {
        this.overlay = overlay;
        this.brokers = brokers;
        this.replicationFactor = replicationFactor;
        this.minIsr = minIsr;
        this.minStatelessReplicas = minStatelessReplicas;
        this.maxStatelessReplicas = maxStatelessReplicas;
        this.instrumentPartitions = instrumentPartitions;
    }

    /**
     * The catalogue's topics with this environment's partition counts: participant-keyed topics keep the
     * catalogue's count (the registry's atomic settlement needs one partition), instrument-keyed ones have
     * {@link #instrumentPartitions} (dev: the catalogue's default, prod: 12).
     */
    List<CatalogueTopics.Expected> topics() {
        return CatalogueTopics.of(Topics.DEFAULT_PARTICIPANT_PARTITIONS, instrumentPartitions);
    }

    /** The overlay directory name under k8s/overlays. */
    String overlay() {
        return overlay;
    }

    /**
     * @param facts the overlay's effective settings
     * @return the violations of this environment's expectations
     */
    List<String> check(Facts facts) {
        List<String> problems = new ArrayList<>();
        expect(problems, "brokers", facts.brokers(), brokers);
        expect(problems, "default.replication.factor", facts.replicationFactor(), replicationFactor);
        expect(problems, "min.insync.replicas", facts.minIsr(), minIsr);
        expect(problems, "validators", facts.validators(), VALIDATORS);
        if (facts.statelessReplicas().isEmpty()) {
            problems.add(overlay + ": no stateless roles found");
        }
        facts.statelessReplicas().forEach((name, count) -> {
            if (count < minStatelessReplicas || count > maxStatelessReplicas) {
                problems.add(overlay + ": " + name + " runs " + count + " pod(s), expected "
                        + (maxStatelessReplicas == minStatelessReplicas ? "exactly " + minStatelessReplicas
                        : "at least " + minStatelessReplicas));
            }
        });
        return problems;
    }

    private void expect(List<String> problems, String what, int actual, int expected) {
        if (actual != expected) {
            problems.add(overlay + ": " + what + " is " + actual + ", expected " + expected);
        }
    }

    /**
     * An overlay's effective settings.
     *
     * @param brokers           Kafka nodes with the broker role
     * @param replicationFactor default.replication.factor
     * @param minIsr            min.insync.replicas
     * @param validators        validator replicas
     * @param statelessReplicas Deployment name to its minimum pod count (the autoscaler's minimum if it has one)
     */
    record Facts(int brokers, int replicationFactor, int minIsr, int validators,
                 Map<String, Integer> statelessReplicas) {

        /** Reads the facts from rendered objects. */
        static Facts of(Manifests manifests) {
            KafkaSize size = KafkaSize.of(manifests);
            int validators = NetworkChecks.workloadsOf(manifests, NetworkChecks.VALIDATOR).stream()
                    .mapToInt(v -> v.path("spec").path("replicas").asInt(1)).sum();
            Map<String, Integer> stateless = new java.util.TreeMap<>();
            for (var deployment : manifests.ofKind("Deployment")) {
                int replicas = deployment.path("spec").path("replicas").asInt(1);
                for (var hpa : manifests.ofKind("HorizontalPodAutoscaler")) {
                    var target = hpa.path("spec").path("scaleTargetRef");
                    if ("Deployment".equals(target.path("kind").asText())
                            && Manifests.name(deployment).equals(target.path("name").asText())) {
                        replicas = hpa.path("spec").path("minReplicas").asInt(1);
                    }
                }
                stateless.put(Manifests.name(deployment), replicas);
            }
            return new Facts(size.brokers(), size.defaultReplicationFactor(), size.minIsr(), validators,
                    stateless);
        }
    }
}
