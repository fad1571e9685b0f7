package io.carbonx.chain.core.pbft.sim;

/**
 * One simulation run: replayable from these four values.
 *
 * @param seed drives every random choice
 * @param n number of validators
 * @param family fault family
 * @param ed25519 real Ed25519 signatures instead of the keyed-hash stand-in
 */
record SimSpec(long seed, int n, Family family, boolean ed25519) {

    @Override
    public String toString() {
        return "-Dpbft.seed=" + seed + " -Dpbft.n=" + n + " -Dpbft.family=" + family
                + (ed25519 ? " -Dpbft.ed25519=true" : "");
    }
}
