package io.carbonx.loadgen;

import java.nio.file.Path;

/**
 * What a run does.
 *
 * @param label              run name (file names, report heading)
 * @param rate               offered orders/s (ignored when {@code max})
 * @param max                open loop at maximum: every lane sends back to back
 * @param durationSeconds    timed part at {@code rate} (orders = rate × duration)
 * @param orders             timed orders when &gt; 0 (overrides rate × duration; required meaning for {@code max})
 * @param warmupSeconds      untimed warm-up before, at {@code warmupRate}
 * @param warmupRate         orders/s of the warm-up
 * @param enterprises        trading enterprises (lanes)
 * @param batch              most orders of one enterprise per HTTP request (1: one order per request)
 * @param apiUrl             an external node's API, or null to start the embedded stack
 * @param bootstrap          an external node's Kafka bootstrap servers (with {@code apiUrl})
 * @param caDir              an external node's registry CA directory (bootstrap regulator)
 * @param caPassphrase       its passphrase
 * @param workDir            profiles and (embedded) the node's data
 * @param outDir             .hgrm, .svg and node log
 * @param report             Markdown report appended to, or null
 * @param settlementWindowMs embedded registry's settlement window
 * @param drainTimeoutSeconds bound on waiting for outcomes, settlements and blocks after the last send
 * @param command            the command line, for the report
 */
public record RunSettings(String label, int rate, boolean max, int durationSeconds, int orders, int warmupSeconds,
                          int warmupRate, int enterprises, int batch, String apiUrl, String bootstrap, Path caDir,
                          String caPassphrase, Path workDir, Path outDir, Path report, long settlementWindowMs,
                          int drainTimeoutSeconds, String command) {

    /** Timed orders (even). */
    public int measuredOrders() {
        long n = orders > 0 ? orders : (long) rate * durationSeconds;
        return (int) Math.max(2, n + (n % 2));
    }

    /** Warm-up orders (even). */
    public int warmupOrders() {
        long n = (long) warmupRate * warmupSeconds;
        return (int) (n + (n % 2));
    }
}
