package io.carbonx.chain.core.block;

/** Why a block (or a proposed header) does not follow the chain or the local log. */
public enum BlockRejection {
    /** chainId differs from the chain's. */
    WRONG_CHAIN,
    /** height is not head height + 1. */
    WRONG_HEIGHT,
    /** previousHash is not the head's hash. */
    WRONG_PREVIOUS_HASH,
    /** timeMs is before the head's time. */
    TIME_REGRESSION,
    /** timeMs is further ahead of the local clock than the allowed skew. */
    TIME_TOO_FAR_AHEAD,
    /** A range does not start where the chain left its partition. */
    RANGE_NOT_CONTIGUOUS,
    /** A range does not end right after an event (the block would not be canonical). */
    RANGE_NOT_CANONICAL,
    /** A range holds no event in the local log. */
    RANGE_EMPTY,
    /** The local log has not yet read up to the end of a range (may succeed later). */
    EVENTS_MISSING,
    /** More events than the configured maximum block size. */
    TOO_MANY_EVENTS
}
