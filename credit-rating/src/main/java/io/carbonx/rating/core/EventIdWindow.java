package io.carbonx.rating.core;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The event ids applied within the last {@code windowMs} of logical time, for rejecting duplicates. The window's
 * clock is the largest fact time seen; an id whose fact time falls more than {@code windowMs} behind it is forgotten,
 * so memory stays bounded. A duplicate delivered after that is not recognised: exactly-once delivery beyond the
 * window is the event log's job. Membership uses a hash set, but nothing is ever iterated from it: encoding walks
 * the time-ordered map, so the canonical order is (time, id).
 */
final class EventIdWindow {

    private final long windowMs;
    private final Set<String> ids = new HashSet<>();
    private final TreeMap<Long, TreeSet<String>> byTime = new TreeMap<>();
    private long clockMs;

    EventIdWindow(long windowMs) {
        this.windowMs = windowMs;
    }

    boolean contains(String eventId) {
        return ids.contains(eventId);
    }

    /** Remembers {@code eventId} at {@code timeMs}, advances the clock and forgets ids older than the window. */
    void record(String eventId, long timeMs) {
        clockMs = Math.max(clockMs, timeMs);
        byTime.computeIfAbsent(timeMs, t -> new TreeSet<>()).add(eventId);
        ids.add(eventId);
        long horizon = clockMs - windowMs;
        while (!byTime.isEmpty() && byTime.firstKey() < horizon) {
            ids.removeAll(byTime.pollFirstEntry().getValue());
        }
    }

    long clockMs() {
        return clockMs;
    }

    /** @return (time, id) pairs in canonical order */
    List<Map.Entry<Long, String>> entries() {
        List<Map.Entry<Long, String>> out = new ArrayList<>(ids.size());
        byTime.forEach((time, set) -> set.forEach(id -> out.add(Map.entry(time, id))));
        return out;
    }

    /** Restores the state a snapshot recorded, without pruning. */
    void restore(long clock, List<Map.Entry<Long, String>> entries) {
        clockMs = clock;
        for (Map.Entry<Long, String> e : entries) {
            byTime.computeIfAbsent(e.getKey(), t -> new TreeSet<>()).add(e.getValue());
            ids.add(e.getValue());
        }
    }

    int size() {
        return ids.size();
    }
}
