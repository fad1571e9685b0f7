package io.carbonx.loadgen;

/**
 * One run's figures.
 *
 * @param label          run name (file names)
 * @param offeredRate    orders/s offered, 0 for a maximum-rate run
 * @param measuredOrders orders timed (after warm-up)
 * @param sendSeconds    seconds from the first timed order's due time to the last one's release
 * @param acceptedPerSec timed orders / seconds from the first one's due time until all had an outcome
 * @param tradesPerSec   trades of timed orders / the same seconds
 * @param cpuMsPerOrder  CPU time of this JVM over the same seconds / timed orders: with the embedded stack, the whole
 *                       pipeline's CPU cost of one order (generator included); against an external node, the
 *                       generator's only
 * @param latencies      per stage
 * @param verdict        exactly-once accounting of every order of the run (warm-up included)
 * @param conservation   empty when cash and units are conserved, else what differs
 * @param drained        true when every outcome, settlement and block arrived before the drain time-out
 * @param loadAverage    {@code /proc/loadavg} at the end of the run
 * @param startedAt      ISO-8601 start time
 * @param command        the command line (for the report)
 */
public record RunResult(String label, int offeredRate, int measuredOrders, double sendSeconds, double acceptedPerSec,
                        double tradesPerSec, double cpuMsPerOrder, StageLatencies latencies, Accounting.Verdict verdict, String conservation,
                        boolean drained, String loadAverage, String startedAt, String command) {

    /** True when every check passed. */
    public boolean passed() {
        return verdict.exactlyOnce() && conservation.isEmpty() && drained;
    }
}
