package io.carbonx.chain.core.block;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A {@link LocalLog} held in memory: per-partition offset-ordered events plus the global order in
 * which they were read. Offsets may have gaps (transaction markers); they may never go backwards.
 *
 * <p>{@link #prune} forgets events a committed head covers, so a long-running validator holds only
 * the events not yet anchored. A pruned log still reports positions; reading a pruned range returns
 * only what is left (callers rebuild only above their head).
 */
public final class InMemoryLocalLog implements LocalLog {

    /** A partition's events from index {@code base} on (earlier slots were pruned). */
    private static final class Segment {
        final ArrayList<LogEvent> events = new ArrayList<>();
        int base;

        int size() {
            return events.size() - base;
        }

        LogEvent get(int i) {
            return events.get(base + i);
        }

        void dropBelow(long offset) {
            while (base < events.size() && events.get(base).offset() < offset) {
                events.set(base++, null);
            }
            if (base > 1024 && base * 2 > events.size()) {
                events.subList(0, base).clear();
                base = 0;
            }
        }
    }

    private final TreeMap<TopicPartition, Segment> byPartition = new TreeMap<>();
    private final TreeMap<TopicPartition, Long> positions = new TreeMap<>();
    private final ArrayList<Arrival> arrivals = new ArrayList<>();
    private int firstPossiblyPending;
    private long appended;

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
        byPartition.computeIfAbsent(tp, k -> new Segment()).events.add(event);
        positions.put(tp, event.offset() + 1);
        arrivals.add(new Arrival(event, arrivalMs));
        appended++;
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

    /** Read positions of every partition seen, ascending by partition. */
    public Map<TopicPartition, Long> positions() {
        return Collections.unmodifiableMap(positions);
    }

    @Override
    public List<LogEvent> read(TopicPartition tp, long from, long toExclusive) {
        Segment events = byPartition.get(tp);
        if (events == null || from >= toExclusive) {
            return List.of();
        }
        int lo = lowerBound(events, from);
        int hi = lowerBound(events, toExclusive);
        List<LogEvent> out = new ArrayList<>(hi - lo);
        for (int i = lo; i < hi; i++) {
            out.add(events.get(i));
        }
        return Collections.unmodifiableList(out);
    }

    private static int lowerBound(Segment events, long offset) {
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
        List<Arrival> out = new ArrayList<>(Math.min(max, arrivals.size() - firstPossiblyPending));
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

    /**
     * Forgets every event {@code head} covers (offset below its next offset). Callers pass heads that
     * only move forward; positions are kept.
     */
    public void prune(ChainState head) {
        for (Map.Entry<TopicPartition, Segment> e : byPartition.entrySet()) {
            e.getValue().dropBelow(head.nextOffset(e.getKey()));
        }
        while (firstPossiblyPending < arrivals.size() && covered(arrivals.get(firstPossiblyPending), head)) {
            firstPossiblyPending++;
        }
        if (firstPossiblyPending > 1024 && firstPossiblyPending * 2 > arrivals.size()) {
            arrivals.subList(0, firstPossiblyPending).clear();
            firstPossiblyPending = 0;
        }
    }

    /** Number of events appended since creation (pruned ones included). */
    public long appendedCount() {
        return appended;
    }

    /** Number of events currently held (not pruned). */
    public int size() {
        int n = 0;
        for (Segment s : byPartition.values()) {
            n += s.size();
        }
        return n;
    }
}
