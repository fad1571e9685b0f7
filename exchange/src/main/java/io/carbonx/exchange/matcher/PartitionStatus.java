package io.carbonx.exchange.matcher;

import java.util.SortedMap;

/**
 * What the matcher reports about one owned input partition (for health and tests).
 *
 * @param partition      the partition number
 * @param nextOffset     the next input offset to process
 * @param replayed       input records replayed by the last rebuild
 * @param verification   how the last rebuild compared with the latest checkpoint
 * @param stateHashes    state hash per instrument, by id
 * @param deadLetters    input records set aside since the rebuild (undecodable or failing)
 */
public record PartitionStatus(int partition, long nextOffset, long replayed, Verification verification,
                              SortedMap<String, String> stateHashes, long deadLetters) {

    /** The outcome of comparing a rebuilt state with the partition's latest checkpoint. */
    public enum Verification {
        /** No checkpoint at or before the replayed range. */
        NO_CHECKPOINT,
        /** The replay reproduced the checkpoint's hashes. */
        VERIFIED,
        /** The replay produced other hashes than the checkpoint: the published outputs came from another state. */
        MISMATCH
    }
}
