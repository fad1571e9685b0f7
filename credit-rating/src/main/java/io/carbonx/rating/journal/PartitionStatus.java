package io.carbonx.rating.journal;

import java.util.Objects;

/**
 * The rating state of one journal partition as of its last committed transaction (or its last rebuild).
 *
 * @param partition         the journal partition
 * @param nextOffset        the next journal offset to process: every record before it is in the state, and its
 *                          outputs were published (or, for records folded during a rebuild, had been published before)
 * @param participantsRated participants the model has rated
 * @param stateHash         SHA-256 of the model's canonical state, lower-case hex
 * @param counters          what the fold has folded since it was built (rebuild included)
 * @param rebuiltRecords    journal records replayed (without output) when the state was last rebuilt
 */
public record PartitionStatus(int partition, long nextOffset, int participantsRated, String stateHash,
                              FoldCounters counters, long rebuiltRecords) {
    public PartitionStatus {
        Objects.requireNonNull(stateHash, "stateHash");
        Objects.requireNonNull(counters, "counters");
    }

    /** @return the offset of the last record processed, or -1 if none */
    public long lastProcessedOffset() {
        return nextOffset - 1;
    }
}
