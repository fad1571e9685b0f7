package io.carbonx.chain.core.pbft;

/** Why a replica refused a message (reported in {@link Action.Rejected}). */
public enum Reason {
    /** The author id is not in the validator set. */
    UNKNOWN_AUTHOR,
    /** The signature does not verify under the author's key. */
    BAD_SIGNATURE,
    /** Fields contradict each other (header height ≠ message height, wrong chain, bad checkpoint height). */
    MALFORMED,
    /** A message only the primary of its view may send came from someone else. */
    NOT_FROM_PRIMARY,
    /** The primary sent a PREPARE (its pre-prepare already counts as its vote). */
    PREPARE_FROM_PRIMARY,
    /** Not for the view the replica is in (older, newer, or a view change is in progress). */
    WRONG_VIEW,
    /** Height outside the watermarks {@code (low, low + L]}. */
    OUT_OF_WATERMARKS,
    /** A second, different pre-prepare for the same view and height (equivocating primary). */
    CONFLICTING_PRE_PREPARE,
    /** The same validator voted twice for different digests at one view and height. */
    EQUIVOCATING_VOTE,
    /** Accepting would make this replica vote differently from a vote it already persisted. */
    CONFLICTS_WITH_OWN_VOTE,
    /** The proposal differs from the block this replica committed at that height. */
    CONFLICTS_WITH_COMMITTED_BLOCK,
    /** Rebuilding the proposed block from the local log gives a different digest. */
    PROPOSAL_DIGEST_MISMATCH,
    /** The proposal does not extend the chain or the local log (detail names the block rejection). */
    PROPOSAL_REJECTED_BY_LOG,
    /** A vote for a digest other than the accepted pre-prepare's. */
    DIGEST_MISMATCH,
    /** A checkpoint proof without 2f+1 valid matching signatures from distinct validators. */
    BAD_CHECKPOINT_PROOF,
    /** A prepared certificate that does not prove preparation. */
    BAD_PREPARED_CERTIFICATE,
    /** A view-change message that is malformed or carries invalid proofs. */
    BAD_VIEW_CHANGE,
    /** A view change or new view for a view this replica has already left behind. */
    STALE_VIEW,
    /** A NEW-VIEW with fewer than 2f+1 valid view changes from distinct validators. */
    NEW_VIEW_TOO_FEW_VIEW_CHANGES,
    /** A NEW-VIEW whose re-issued pre-prepares differ from those the view changes imply. */
    NEW_VIEW_WRONG_PRE_PREPARES,
    /** A commit certificate without 2f+1 valid matching commit signatures from distinct validators. */
    BAD_COMMIT_CERTIFICATE,
    /** A transferred block does not extend the local chain. */
    BLOCK_DOES_NOT_CHAIN
}
