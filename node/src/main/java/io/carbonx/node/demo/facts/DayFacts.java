package io.carbonx.node.demo.facts;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.specific.SpecificRecord;

/**
 * What the event log says happened: every decodable event of the public topics the demo reads, by type, in topic
 * then partition then offset order, and the number of records of each topic.
 */
public final class DayFacts {

    private final Map<Class<?>, List<SpecificRecord>> byType = new TreeMap<>((a, b) -> a.getName()
            .compareTo(b.getName()));
    private final Map<String, Long> records = new TreeMap<>();
    private long undecodable;

    /** Adds an event read from {@code topic}. */
    public void add(String topic, SpecificRecord event) {
        byType.computeIfAbsent(event.getClass(), k -> new ArrayList<>()).add(event);
        records.merge(topic, 1L, Long::sum);
    }

    /** Counts a record that did not decode. */
    public void undecodable(String topic) {
        undecodable++;
        records.merge(topic, 1L, Long::sum);
    }

    /** Every event of {@code type}, in read order. */
    @SuppressWarnings("unchecked")
    public <T extends SpecificRecord> List<T> all(Class<T> type) {
        List<SpecificRecord> l = byType.get(type);
        return l == null ? List.of() : Collections.unmodifiableList((List<T>) (List<?>) l);
    }

    /**
     * Every event naming {@code orderId} (as its order, buy or sell order, or cancelled order), by logical time: type,
     * actor, logical time, event id.
     */
    public List<String> trail(String orderId) {
        List<io.carbonx.events.EventEnvelope> found = new ArrayList<>();
        String quoted = "\"" + orderId + "\"";
        for (List<SpecificRecord> events : byType.values()) {
            for (SpecificRecord e : events) {
                if (e.get(0) instanceof io.carbonx.events.EventEnvelope env && e.toString().contains(quoted)) {
                    found.add(env);
                }
            }
        }
        found.sort((a, b) -> Long.compare(a.getLogicalTime(), b.getLogicalTime()));
        List<String> out = new ArrayList<>();
        found.forEach(env -> out.add(env.getType() + " by " + env.getActor() + " at " + env.getLogicalTime()
                + " (event " + env.getEventId() + ")"));
        return out;
    }

    /** Records read per topic. */
    public Map<String, Long> records() {
        return Collections.unmodifiableMap(records);
    }

    /** Records that did not decode. */
    public long undecodable() {
        return undecodable;
    }

    /** Events per type name. */
    public Map<String, Integer> counts() {
        Map<String, Integer> out = new TreeMap<>();
        byType.forEach((k, v) -> out.put(k.getSimpleName(), v.size()));
        return out;
    }
}
