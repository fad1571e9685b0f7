package io.carbonx.chain.runtime;

import io.carbonx.chain.core.block.ChainState;
import io.carbonx.chain.core.block.InMemoryLocalLog;
import io.carbonx.chain.core.block.LocalLog;
import io.carbonx.chain.core.block.LogEvent;
import io.carbonx.chain.core.block.PartitionRange;
import io.carbonx.chain.core.block.TopicPartition;
import io.carbonx.chain.feed.ReadEvent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A validator's {@link LocalLog}: the events its own feed read (an {@link InMemoryLocalLog}) plus each
 * event's append timestamp, kept until a committed head covers the event ({@link #prune}), so finality
 * (append → commit) can be measured per event. Owned by the validator's driver thread.
 */
final class ValidatorLog implements LocalLog {

    /** Append timestamps of one partition's held events, parallel arrays ascending by offset. */
    private static final class Times {
        long[] offsets = new long[64];
        long[] times = new long[64];
        int start;
        int end;

        void add(long offset, long time) {
            if (end == offsets.length) {
                int live = end - start;
                if (live * 2 > offsets.length) {
                    offsets = Arrays.copyOf(offsets, offsets.length * 2);
                    times = Arrays.copyOf(times, times.length * 2);
                }
                System.arraycopy(offsets, start, offsets, 0, live);
                System.arraycopy(times, start, times, 0, live);
                start = 0;
                end = live;
            }
            offsets[end] = offset;
            times[end++] = time;
        }

        void dropBelow(long offset) {
            while (start < end && offsets[start] < offset) {
                start++;
            }
        }
    }

    private final InMemoryLocalLog log = new InMemoryLocalLog();
    private final TreeMap<TopicPartition, Times> times = new TreeMap<>();

    /** Starts every partition of {@code head} at its next offset (a restarted validator reads on from there). */
    ValidatorLog(ChainState head) {
        for (Map.Entry<TopicPartition, Long> e : head.offsets().entrySet()) {
            log.advance(e.getKey(), e.getValue());
        }
    }

    /** Appends what the feed read at local time {@code nowMs}; ignores events below the position (re-reads). */
    void append(List<ReadEvent> events, Map<TopicPartition, Long> positions, long nowMs) {
        for (ReadEvent e : events) {
            if (e.offset() < log.position(e.topicPartition())) {
                continue;
            }
            log.append(LogEvent.adopt(e.topicPartition(), e.offset(), e.bytes()), nowMs);
            times.computeIfAbsent(e.topicPartition(), k -> new Times()).add(e.offset(), e.appendTimeMs());
        }
        for (Map.Entry<TopicPartition, Long> p : positions.entrySet()) {
            log.advance(p.getKey(), p.getValue());
        }
    }

    /**
     * Append timestamps of the events in {@code ranges} this log still holds, in range order; a restarted or
     * lagging validator may not hold them all.
     */
    long[] appendTimes(List<PartitionRange> ranges, long expected) {
        long[] out = new long[(int) Math.min(expected, Integer.MAX_VALUE)];
        int n = 0;
        for (PartitionRange r : ranges) {
            Times t = times.get(r.topicPartition());
            if (t == null) {
                continue;
            }
            int i = lowerBound(t, r.fromOffset());
            for (; i < t.end && t.offsets[i] < r.toOffsetExclusive() && n < out.length; i++) {
                out[n++] = t.times[i];
            }
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    private static int lowerBound(Times t, long offset) {
        int lo = t.start;
        int hi = t.end;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (t.offsets[mid] < offset) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Forgets every event {@code head} covers. */
    void prune(ChainState head) {
        log.prune(head);
        for (Map.Entry<TopicPartition, Times> e : times.entrySet()) {
            e.getValue().dropBelow(head.nextOffset(e.getKey()));
        }
    }

    /** Events read but not yet covered by {@code head}. */
    long unanchored(ChainState head) {
        long n = 0;
        for (Map.Entry<TopicPartition, Long> p : log.positions().entrySet()) {
            n += Math.max(0, p.getValue() - head.nextOffset(p.getKey()));
        }
        return n;
    }

    /** Events held (read, not yet pruned). */
    int held() {
        return log.size();
    }

    @Override
    public long position(TopicPartition tp) {
        return log.position(tp);
    }

    @Override
    public List<LogEvent> read(TopicPartition tp, long from, long toExclusive) {
        return log.read(tp, from, toExclusive);
    }

    @Override
    public List<Arrival> pending(ChainState head, int max) {
        return log.pending(head, max);
    }
}
