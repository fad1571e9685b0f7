package io.carbonx.registry.service;

import io.carbonx.eventlog.runtime.ServiceTopic;
import io.carbonx.schemas.TopicSpec;
import io.carbonx.schemas.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The topic names the registry reads and writes: the catalogue's ({@link Topics}), optionally prefixed so that
 * several registries can share one cluster (tests).
 *
 * @param prefix prepended to every catalogue name ("" in production)
 */
public record RegistryTopics(String prefix) {

    /** Validates. */
    public RegistryTopics {
        Objects.requireNonNull(prefix, "prefix");
    }

    /** @return the catalogue names */
    public static RegistryTopics standard() {
        return new RegistryTopics("");
    }

    /**
     * @param catalogueName a name from {@link Topics}
     * @return the actual topic name
     */
    public String name(String catalogueName) {
        return prefix + catalogueName;
    }

    /**
     * @param actual an actual topic name
     * @return its catalogue name
     */
    public String catalogueName(String actual) {
        return actual.startsWith(prefix) ? actual.substring(prefix.length()) : actual;
    }

    /** @return the journal */
    public String journal() {
        return name(Topics.REGISTRY_JOURNAL);
    }

    /** @return the commands topic */
    public String commands() {
        return name(Topics.REGISTRY_COMMANDS);
    }

    /** @return the replies topic */
    public String replies() {
        return name(Topics.REGISTRY_REPLIES);
    }

    /** @return the identity topic */
    public String identity() {
        return name(Topics.IDENTITY);
    }

    /** @return the topics the registry's exactly-once loop consumes */
    public List<String> inputs() {
        return List.of(commands(), name(Topics.ORDERS_SUBMITTED), name(Topics.ORDERS), name(Topics.TRADES),
                name(Topics.DEFAULTS_EXTERNAL), name(Topics.RATINGS));
    }

    /** @return every topic the registry reads or writes, as the node creates them */
    public List<ServiceTopic> serviceTopics() {
        List<String> names = new ArrayList<>(inputs());
        names.addAll(List.of(journal(), replies(), identity(), name(Topics.FUNDS), name(Topics.QUOTAS),
                name(Topics.SETTLEMENT), name(Topics.COMPLIANCE), name(Topics.REJECTIONS),
                name(Topics.DEAD_LETTER)));
        List<ServiceTopic> out = new ArrayList<>();
        for (String n : names) {
            TopicSpec spec = Topics.byName(catalogueName(n));
            out.add(new ServiceTopic(n, spec.partitions(), spec.configs()));
        }
        return out;
    }
}
