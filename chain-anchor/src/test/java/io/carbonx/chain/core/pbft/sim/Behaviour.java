package io.carbonx.chain.core.pbft.sim;

/** What a byzantine validator does in a simulation (it runs an honest replica and distorts its output). */
enum Behaviour {
    /** Sends nothing at all (but keeps receiving). */
    SILENT,
    /** As primary, sends different valid proposals for the same height to different backups. */
    EQUIVOCATE,
    /** Adds copies of its votes claiming other validators as authors, and copies with garbage signatures. */
    FORGE,
    /** Its prepares, commits and checkpoints name random digests; it also sprays commits for random digests. */
    WRONG_DIGEST,
    /** Re-sends old messages of any author and any view to random validators. */
    REPLAY,
    /** As primary, proposes blocks anchoring events that are not in the log, or a forged Merkle root. */
    FAKE_EVENTS,
    /** Forged prepared certificates in its view changes, wrong re-issued proposals in its new views, forged
     * certificates in the blocks it transfers. */
    LYING_VIEW_CHANGES
}
