package io.carbonx.chain.evidence;

import java.util.Objects;

/**
 * Where an event is stored in the log.
 *
 * @param topic     topic name
 * @param partition partition, ≥ 0
 * @param offset    offset, ≥ 0
 */
public record EventLocation(String topic, int partition, long offset) {

    /** Validates the fields. */
    public EventLocation {
        Objects.requireNonNull(topic, "topic");
        if (topic.isEmpty() || partition < 0 || offset < 0) {
            throw new IllegalArgumentException("bad event location " + topic + "-" + partition + "@" + offset);
        }
    }

    @Override
    public String toString() {
        return topic + "-" + partition + "@" + offset;
    }
}
