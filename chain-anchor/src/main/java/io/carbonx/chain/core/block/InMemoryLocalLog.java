package io.carbonx.chain.core.block;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeMap;

/**
 * A {@link LocalLog} held in memory: per-partition offset-ordered events plus the global order in
 * which they were read. Offsets may have gaps (transaction markers); they may never go backwards.
 */
public final class InMemoryLocalLog implements LocalLog {

    private final TreeMap<TopicPartition, List<LogEvent>> byPartition = new TreeMap<>();
    private final TreeMap<TopicPartition, Long> positions = new TreeMap<>();
    private final List<Arrival> arrivals = new ArrayList<>();
    private int firstPossiblyPending;

    /**
     * Records {@code event}, read at {@code arrivalMs}; advances the partition's position past it.
     *
     * @throws IllegalArgumentException if the offset is below the partition's position (replayed or
     *     reordered input); nothing changes then
     */
    public void append(LogEvent event, long arrivalMs) {
        TopicPartition tp = event.topicPartition();
        long pos = position(tp);
        if (event.offset() < pos) {
            throw new IllegalArgumentException("offset " + event.offset() + " below position " + pos + " of " + tp);
        }
        byPartition.computeIfAbsent(tp, k -> new ArrayList<>()).add(event);
        positions.put(tp, event.offset() + 1);
        arrivals.add(new Arrival(event, arrivalMs));
    }

    /** Advances {@code tp}'s position to {@code position} without an event (e.g. past a commit marker). */
    public void advance(TopicPartition tp, long position) {
        if (position > position(tp)) {
            positions.put(tp, position);
        }
    }

    @Override
    public long position(TopicPartition tp) {
        return positions.getOrDefault(tp, 0L);
    }

    @Override
    public List<LogEvent> read(TopicPartition tp, long from, long toExclusive) {
        List<LogEvent> events = byPartition.get(tp);
        if (events == null || from >= toExclusive) {
            return List.of();
        }
        int lo = lowerBound(events, from);
        int hi = lowerBound(events, toExclusive);
        return Collections.unmodifiableList(new ArrayList<>(events.subList(lo, hi)));
    }

    private static int lowerBound(List<LogEvent> events, long offset) {
        int lo = 0;
        int hi = events.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (events.get(mid).offset() < offset) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    @Override
    public List<Arrival> pending(ChainState head, int max) {
        while (firstPossiblyPending < arrivals.size() && covered(arrivals.get(firstPossiblyPending), head)) {
            firstPossiblyPending++;
        }
        List<Arrival> out = new ArrayList<>();
        for (int i = firstPossiblyPending; i < arrivals.size() && out.size() < max; i++) {
            Arrival a = arrivals.get(i);
            if (!covered(a, head)) {
                out.add(a);
            }
        }
        return out;
    }

    private static boolean covered(Arrival a, ChainState head) {
        return a.event().offset() < head.nextOffset(a.event().topicPartition());
    }

    /** Number of events read so far. */
    public int size() {
        return arrivals.size();
    }
}
