package io.carbonx.node.demo;

/**
 * The size and timetable of the demo's trading day, derived from the options alone (no clock, no randomness).
 *
 * @param enterprises     enterprises registered (at least 20; the first {@link #SCRIPTED} play the scripted scenes)
 * @param preOpenOrders   orders sent into the opening call of the session instrument
 * @param flowOrders      random orders of the whole day (continuous books, periodic auctions, pool bidding)
 * @param closingOrders   orders sent into the closing call
 * @param auctionBidders  bidders in the primary allocation auction
 * @param openAfterMs     from the configuration to the opening uncross of the session instrument
 * @param continuousMs    length of its continuous phase
 * @param closingCallMs   length of its closing call
 * @param periodMs        period of the offset's call auctions and of the energy pool
 * @param clients         concurrent HTTP clients sending orders
 */
public record DemoPlan(int enterprises, int preOpenOrders, int flowOrders, int closingOrders, int auctionBidders,
                       long openAfterMs, long continuousMs, long closingCallMs, long periodMs, int clients) {

    /** Enterprises that play the scripted scenes and take no part in the random flow. */
    public static final int SCRIPTED = 4;
    /** The compliance year the day belongs to (vintage of the first allowance instrument). */
    public static final int YEAR = 2026;

    /** The plan for {@code options}. */
    public static DemoPlan of(DemoOptions options) {
        double s = options.scale();
        int enterprises = Math.max(20, (int) Math.round(24 * s));
        int flow = Math.max(300, (int) Math.round(3_000 * s));
        long openAfter = options.openAfterSec() > 0 ? options.openAfterSec() * 1_000L
                : 80_000L + Math.round(enterprises * 1_000L * Math.min(1.0, s));
        long continuous = Math.max(40_000L, Math.round(70_000L * Math.min(1.5, s)));
        return new DemoPlan(enterprises, Math.max(12, (int) Math.round(40 * s)), flow,
                Math.max(10, (int) Math.round(40 * s)), Math.min(8, enterprises - SCRIPTED), openAfter, continuous,
                20_000L, 15_000L, 6);
    }

    /** Enterprises taking part in the random flow. */
    public int flowEnterprises() {
        return enterprises - SCRIPTED;
    }

    /** From the configuration to the closing uncross. */
    public long closeAfterMs() {
        return openAfterMs + continuousMs + closingCallMs;
    }
}
