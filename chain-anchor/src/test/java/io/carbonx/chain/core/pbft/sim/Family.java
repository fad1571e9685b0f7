package io.carbonx.chain.core.pbft.sim;

/** Families of simulation runs. */
enum Family {
    /** Drop, duplicate, delay/reorder, partitions. */
    NETWORK,
    /** Network faults plus crashes and restarts of any validators (pause, lost volatile state, lost blocks). */
    CRASH,
    /** Up to f byzantine validators (one behaviour each), network faults, occasional honest crashes,
     * sometimes a non-validator sender. */
    BYZANTINE,
    /** f+1 validators down at once: the chain must stop without forking, then resume when they return. */
    F_PLUS_ONE_DOWN
}
