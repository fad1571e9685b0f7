package io.carbonx.chain.evidence;

/** Why a bundle could not be built (reason codes of {@link EvidenceException}). */
public enum EvidenceFailure {
    /** No event mentions the subject. */
    SUBJECT_NOT_FOUND,
    /**
     * No anchored event mentions the subject yet, but the log holds one that is not yet in a committed (and
     * indexed) block; or the latest block lacks its commit certificate. Retry shortly.
     */
    NOT_YET_ANCHORED,
    /**
     * An event about the subject is in a committed block, but neither that block nor a later one has a time-stamp
     * yet (the TSA stamps committed blocks shortly after they commit). Retry shortly.
     */
    NOT_YET_TIMESTAMPED,
    /** The source returned something inconsistent (a missing certificate, block or token certificate). */
    SOURCE_INCONSISTENT,
    /** The bundle would exceed the size limits. */
    TOO_LARGE
}
