package io.carbonx.deploycheck;

import io.carbonx.schemas.TopicSpec;
import io.carbonx.schemas.Topics;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the KafkaTopic resources must say, derived from the one topic catalogue of the code
 * ({@link io.carbonx.schemas.Topics}): nothing here is kept by hand.
 */
final class CatalogueTopics {

    private CatalogueTopics() {
    }

    /**
     * One catalogue topic as a KafkaTopic must declare it.
     *
     * @param name        the topic name
     * @param keyLabel    the value of the {@value StrimziChecks#KEY_LABEL} label: the key kind in lower case
     *                    ({@code participant}, {@code instrument}, {@code chain}, {@code source-topic}, ...)
     * @param anchored    the value of {@value StrimziChecks#ANCHORED_LABEL}
     * @param partitions  the partition count
     * @param config      the topic configs the catalogue creates it with (cleanup.policy, retention.ms, ...)
     */
    record Expected(String name, String keyLabel, boolean anchored, int partitions, Map<String, String> config) {
    }

    /**
     * The catalogue with these partition counts ({@link Topics#all(int, int)}), in catalogue order.
     *
     * @param participantPartitions partitions of participant-keyed topics
     * @param instrumentPartitions  partitions of instrument-keyed topics
     */
    static List<Expected> of(int participantPartitions, int instrumentPartitions) {
        return Topics.all(participantPartitions, instrumentPartitions).stream().map(CatalogueTopics::expected).toList();
    }

    /** The catalogue with its default partition counts (what the base declares). */
    static List<Expected> defaults() {
        return of(Topics.DEFAULT_PARTICIPANT_PARTITIONS, Topics.DEFAULT_INSTRUMENT_PARTITIONS);
    }

    static String keyLabel(TopicSpec.KeyKind kind) {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static Expected expected(TopicSpec spec) {
        return new Expected(spec.name(), keyLabel(spec.keyKind()), spec.anchored(), spec.partitions(),
                spec.configs());
    }
}
