package io.carbonx.rating.journal;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

import io.carbonx.rating.journal.JournalRecordAdapter.IgnoreReason;

/**
 * What a {@link JournalFold} has folded.
 *
 * @param applied   inputs the model accepted
 * @param rejected  inputs the model refused (dead-lettered as {@code REJECTED_<reason>})
 * @param broken    records that claimed to be public events and did not decode (dead-lettered)
 * @param ignored   records the model has no use for, per reason (every reason present)
 * @param published events built for publication (ratings and dead letters; none while rebuilding)
 */
public record FoldCounters(long applied, long rejected, long broken, Map<IgnoreReason, Long> ignored,
                           long published) {

    public FoldCounters {
        EnumMap<IgnoreReason, Long> copy = new EnumMap<>(IgnoreReason.class);
        copy.putAll(ignored);
        ignored = Collections.unmodifiableMap(copy);
    }

    /** @return the total of {@link #ignored()} */
    public long ignoredTotal() {
        long sum = 0;
        for (long n : ignored.values()) {
            sum += n;
        }
        return sum;
    }
}
