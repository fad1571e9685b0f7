package io.carbonx.node.demo;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * The node configuration the demo writes (a YAML file; JSON is YAML) and the instruments it trades. Only keys of the
 * services' {@code defaultConfig()} are used, so the node validates it like any other configuration:
 * <ul>
 *   <li>HTTP and the embedded broker on free ports (0), the data directory given;</li>
 *   <li>PBKDF2 iterations of the throwaway CA and validator keys lowered to {@value #PBKDF2_ITERATIONS} (a demo data
 *       directory, not a production key store: the node's start is several times faster);</li>
 *   <li>registry: one-second settlement windows ({@code settlementWindowMs}), a half-second clock
 *       ({@code clockTickMs}), a longer command time-out for a loaded machine, {@link #MAX_DEFAULTS};</li>
 *   <li>exchange: a 250 ms clock and four instruments — {@link #SESSION} (allowances of {@link DemoPlan#YEAR}:
 *       opening call, continuous trading, closing call, at the times of {@link SessionTimes}), {@link #CONTINUOUS}
 *       (allowances of the next vintage, continuous, price → grade → time), {@link #OFFSET} (offsets, periodic call
 *       auctions) and {@link #ENERGY} (pool bidding, the platform is the registry's exchange account).</li>
 * </ul>
 */
public final class DemoNodeConfig {

    /** The session instrument: opening and closing calls around continuous trading. */
    public static final String SESSION = "EUA-2026";
    /** Allowances of the next vintage: continuous, price → grade → time. */
    public static final String CONTINUOUS = "EUA-2027";
    /** Offsets: periodic call auctions. */
    public static final String OFFSET = "CCER-2025";
    /** Energy: pool bidding. */
    public static final String ENERGY = "ENERGY-PEAK";
    /** Every instrument, in the order the report lists them. */
    public static final List<String> INSTRUMENTS = List.of(SESSION, CONTINUOUS, OFFSET, ENERGY);
    /** PBKDF2 iterations of the demo's throwaway keys. */
    public static final int PBKDF2_ITERATIONS = 10_000;
    /**
     * Defaults within the window that freeze an account ({@code maxDefaults}): the registry's default, 3. A freeze
     * may land while the book fills one of the account's orders: the registry asks the book to cancel what still
     * rests and settles the fills the book made before, so no accepted trade is lost and no lock is left.
     */
    public static final int MAX_DEFAULTS = 3;
    /** The registry's exchange account, also the energy pool's platform. */
    public static final String EXCHANGE_ACCOUNT = "EXCHANGE";

    private DemoNodeConfig() {
    }

    /**
     * The session timetable in milliseconds of the UTC day (the exchange's session clock).
     *
     * @param preOpenMs        start of the opening call
     * @param openMs           opening uncross
     * @param closingAuctionMs start of the closing call
     * @param closeMs          closing uncross
     */
    public record SessionTimes(long preOpenMs, long openMs, long closingAuctionMs, long closeMs) {

        /** Milliseconds per day. */
        public static final long DAY_MS = 86_400_000L;

        /**
         * The timetable of a day configured at {@code nowMs} (ms since the epoch), or null if it would cross
         * midnight UTC (the session clock is per day; the caller waits for the next day).
         */
        public static SessionTimes at(long nowMs, DemoPlan plan) {
            long ofDay = Math.floorMod(nowMs, DAY_MS) / 1_000 * 1_000;
            long open = ofDay + plan.openAfterMs();
            long closing = open + plan.continuousMs();
            long close = closing + plan.closingCallMs();
            if (close + 120_000 >= DAY_MS) {
                return null;
            }
            return new SessionTimes(ofDay, open, closing, close);
        }

        /** Epoch milliseconds of {@code msOfDay} on the day of {@code referenceMs}. */
        public static long epochMs(long referenceMs, long msOfDay) {
            return Math.floorDiv(referenceMs, DAY_MS) * DAY_MS + msOfDay;
        }
    }

    /**
     * The configuration as a JSON object (written as YAML).
     *
     * @param dataDir the node's data directory (absolute)
     * @param times   the session timetable
     * @param plan    the plan (periods)
     */
    public static JsonObject build(String dataDir, SessionTimes times, DemoPlan plan) {
        JsonObject registry = new JsonObject().put("pbkdf2Iterations", PBKDF2_ITERATIONS)
                .put("settlementWindowMs", 1_000L).put("clockTickMs", 500L).put("commandTimeoutMs", 30_000L)
                .put("exchangeAccountId", EXCHANGE_ACCOUNT).put("maxDefaults", MAX_DEFAULTS);
        JsonObject anchor = new JsonObject().put("caPbkdf2Iterations", PBKDF2_ITERATIONS)
                .put("keyPbkdf2Iterations", PBKDF2_ITERATIONS);
        JsonObject exchange = new JsonObject().put("clockTickMs", 250L).put("instruments", instruments(times, plan));
        return new JsonObject()
                .put("node", new JsonObject().put("id", "demo").put("dataDir", dataDir).put("shutdownTimeoutMs", 60_000L)
                        .put("healthTimeoutMs", 5_000L))
                .put("http", new JsonObject().put("host", "127.0.0.1").put("port", 0))
                .put("kafka", new JsonObject().put("embedded", true).put("port", 0).put("controllerPort", 0)
                        .put("startupTimeoutMs", 60_000L))
                .put("services", new JsonObject().put("registry", registry).put("chain-anchor", anchor)
                        .put("exchange", exchange));
    }

    /** The exchange's instrument list. */
    static JsonArray instruments(SessionTimes t, DemoPlan plan) {
        return new JsonArray()
                .add(new JsonObject().put("id", SESSION).put("kind", "ALLOWANCE").put("vintage", DemoPlan.YEAR)
                        .put("tickSize", 1).put("lotSize", 1).put("referencePriceMinor", 8_000).put("bandBps", 2_000)
                        .put("priority", "PRICE_GRADE_TIME").put("agreementMinQuantity", 100)
                        .put("session", new JsonObject().put("mode", "DAILY").put("preOpenMs", t.preOpenMs())
                                .put("openMs", t.openMs()).put("closingAuctionMs", t.closingAuctionMs())
                                .put("closeMs", t.closeMs())))
                .add(new JsonObject().put("id", CONTINUOUS).put("kind", "ALLOWANCE").put("vintage", DemoPlan.YEAR + 1)
                        .put("tickSize", 5).put("lotSize", 10).put("referencePriceMinor", 8_500).put("bandBps", 2_000)
                        .put("priority", "PRICE_GRADE_TIME").put("agreementMinQuantity", 100)
                        .put("session", new JsonObject().put("mode", "CONTINUOUS_ONLY")))
                .add(new JsonObject().put("id", OFFSET).put("kind", "OFFSET").put("vintage", DemoPlan.YEAR - 1)
                        .put("tickSize", 1).put("lotSize", 1).put("referencePriceMinor", 5_000).put("bandBps", 3_000)
                        .put("priority", "PRICE_GRADE_TIME")
                        .put("session", new JsonObject().put("mode", "PERIODIC").put("preOpenMs", t.preOpenMs())
                                .put("openMs", t.preOpenMs() + plan.periodMs()).put("closeMs", t.closeMs())
                                .put("periodMs", plan.periodMs())))
                .add(new JsonObject().put("id", ENERGY).put("kind", "ENERGY").put("periodMs", plan.periodMs())
                        .put("poolPriceMinorPerKwh", 43).put("platformId", EXCHANGE_ACCOUNT));
    }
}
