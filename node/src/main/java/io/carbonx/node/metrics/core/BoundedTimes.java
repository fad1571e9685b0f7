package io.carbonx.node.metrics.core;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * When each id was seen, for at most {@code capacity} ids: the oldest is forgotten first, and counted, so that a
 * correlation that never completes (an order that never trades) cannot grow memory. Not thread-safe.
 */
final class BoundedTimes {
    private final int capacity;
    private final LinkedHashMap<String, Long> times;
    private long forgotten;

    BoundedTimes(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.capacity = capacity;
        this.times = new LinkedHashMap<>(Math.min(capacity, 1 << 16), 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
                boolean full = size() > BoundedTimes.this.capacity;
                if (full) {
                    forgotten++;
                }
                return full;
            }
        };
    }

    /** Remembers {@code id} at {@code timeMs} unless it is already remembered (the first sighting counts). */
    void remember(String id, long timeMs) {
        times.putIfAbsent(id, timeMs);
    }

    /** The time {@code id} was remembered at, forgetting it; empty if unknown. */
    OptionalLong take(String id) {
        Long t = id == null ? null : times.remove(id);
        return t == null ? OptionalLong.empty() : OptionalLong.of(t);
    }

    /** Forgets {@code id}, if remembered. */
    void forget(String id) {
        if (id != null) {
            times.remove(id);
        }
    }

    /** Ids forgotten because the map was full, since creation. */
    long forgotten() {
        return forgotten;
    }

    int size() {
        return times.size();
    }
}
