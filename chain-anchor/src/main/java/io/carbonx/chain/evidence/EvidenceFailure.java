package io.carbonx.chain.evidence;

/** Why a bundle could not be built (reason codes of {@link EvidenceException}). */
public enum EvidenceFailure {
    /** No event mentions the subject. */
    SUBJECT_NOT_FOUND,
    /** An event about the subject is not yet in a committed block (or its block lacks a commit certificate). */
    NOT_YET_ANCHORED,
    /** The source returned something inconsistent (a missing certificate, block or token certificate). */
    SOURCE_INCONSISTENT,
    /** The bundle would exceed the size limits. */
    TOO_LARGE
}
