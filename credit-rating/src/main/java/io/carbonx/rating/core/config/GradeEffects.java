package io.carbonx.rating.core.config;

/**
 * What one grade means for trading.
 *
 * @param depositShareBps      share of a new order's notional the registry locks as deposit, in basis points
 *                             [0, 10 000]
 * @param priorityTier         the exchange's tie-break at equal price: lower tiers match first; in [0, 1 000]
 * @param maxOpenNotionalMinor the most open (unfilled) notional the participant may hold, minor units, ≥ 0
 * @param canOpenOrders        whether the participant may open new orders at all
 */
public record GradeEffects(int depositShareBps, int priorityTier, long maxOpenNotionalMinor, boolean canOpenOrders) {

    /** 100 % in basis points. */
    public static final int FULL_BPS = 10_000;
    /** The largest priority tier. */
    public static final int MAX_TIER = 1_000;

    /**
     * @throws ConfigException OUT_OF_RANGE naming depositShareBps, priorityTier or maxOpenNotionalMinor
     */
    public GradeEffects {
        ConfigException.requireRange(depositShareBps, 0, FULL_BPS, "depositShareBps");
        ConfigException.requireRange(priorityTier, 0, MAX_TIER, "priorityTier");
        ConfigException.requireRange(maxOpenNotionalMinor, 0, Long.MAX_VALUE, "maxOpenNotionalMinor");
    }
}
