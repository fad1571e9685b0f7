package io.carbonx.chain.core.block;

import io.carbonx.chain.core.Digest;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The head of a committed chain: its height, hash and time, and for every topic partition the next
 * offset a block must start at (0 for a partition no block has covered yet). Immutable.
 *
 * @param chainId the chain
 * @param height height of the head block; 0 before the first block
 * @param headHash hash of the head block; {@link Digest#ZERO} at height 0
 * @param headTimeMs time of the head block; 0 at height 0
 * @param nextOffsets next uncovered offset per partition (absent = 0)
 */
public record ChainState(String chainId, long height, Digest headHash, long headTimeMs,
                         SortedMap<TopicPartition, Long> nextOffsets) {

    /** Copies {@code nextOffsets} into an unmodifiable sorted map. */
    public ChainState {
        Objects.requireNonNull(chainId, "chainId");
        Objects.requireNonNull(headHash, "headHash");
        nextOffsets = Collections.unmodifiableSortedMap(new TreeMap<>(nextOffsets));
    }

    /** The state before the first block. */
    public static ChainState genesis(String chainId) {
        return new ChainState(chainId, 0, Digest.ZERO, 0, new TreeMap<>());
    }

    /** Next offset a block must start at for {@code tp}. */
    public long nextOffset(TopicPartition tp) {
        return nextOffsets.getOrDefault(tp, 0L);
    }

    /**
     * Checks that {@code header} extends this head: chain id, height, previous hash, non-decreasing
     * time, and every range starting at {@link #nextOffset}. Does not look at events.
     */
    public Optional<BlockRejection> checkExtends(BlockHeader header) {
        if (!header.chainId().equals(chainId)) {
            return Optional.of(BlockRejection.WRONG_CHAIN);
        }
        if (header.height() != height + 1) {
            return Optional.of(BlockRejection.WRONG_HEIGHT);
        }
        if (!header.previousHash().equals(headHash)) {
            return Optional.of(BlockRejection.WRONG_PREVIOUS_HASH);
        }
        if (header.timeMs() < headTimeMs) {
            return Optional.of(BlockRejection.TIME_REGRESSION);
        }
        for (PartitionRange r : header.ranges()) {
            if (r.fromOffset() != nextOffset(r.topicPartition())) {
                return Optional.of(BlockRejection.RANGE_NOT_CONTIGUOUS);
            }
        }
        return Optional.empty();
    }

    /**
     * The state after appending {@code header}.
     *
     * @throws IllegalArgumentException with the {@link BlockRejection} name if it does not extend this head
     */
    public ChainState append(BlockHeader header) {
        Optional<BlockRejection> reject = checkExtends(header);
        if (reject.isPresent()) {
            throw new IllegalArgumentException(reject.get().name());
        }
        TreeMap<TopicPartition, Long> next = new TreeMap<>(nextOffsets);
        for (PartitionRange r : header.ranges()) {
            next.put(r.topicPartition(), r.toOffsetExclusive());
        }
        return new ChainState(chainId, header.height(), header.hash(), header.timeMs(), next);
    }

    /** Read-only view of the offsets. */
    public Map<TopicPartition, Long> offsets() {
        return nextOffsets;
    }
}
