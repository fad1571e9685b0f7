package io.carbonx.exchange.core.pool;

import java.math.BigInteger;
import java.util.Objects;
import io.carbonx.exchange.core.CanonicalDigest;

/**
 * Configuration of one pool-bidding venue (one energy instrument). Prices are minor currency units per kWh
 * (minor = 0.01, so the reference document's {@code fixed_price = 0.43} is 43), quantities whole kWh, times
 * logical milliseconds.
 *
 * <p>The per-order limits bound every sum the clearing computes: the constructor refuses limits for which
 * {@code maxOrdersPerPeriod × maxQuantityKwh × max(maxPriceMinorPerKwh, poolPriceMinorPerKwh)} could exceed
 * {@code Long.MAX_VALUE / 4}, so no amount in a period result can overflow.
 *
 * @param instrumentId        the energy instrument this venue clears
 * @param platformId          participant id of the platform (pool owner, commission receiver)
 * @param periodMs            clearing period length (reference: "tentatively set at 30s")
 * @param poolPriceMinorPerKwh fixed pool price (reference: {@code fixed_price = 0.43}, "subject to the local
 *                            electricity price")
 * @param poolCapacityKwh     how much unsold supply the pool absorbs per period ({@link Long#MAX_VALUE}: no
 *                            limit); supply beyond it is returned to its supplier
 * @param rankingKey          what the priority orders sort on (default: the reference's quantity × price)
 * @param maxCycles           bound on matching cycles per period ({@link Integer#MAX_VALUE}: run until no
 *                            supplier and consumer can agree any more)
 * @param commission          commission rates by priority rank
 * @param maxOrdersPerPeriod  orders (supply, demand and storage together) accepted per period
 * @param maxQuantityKwh      largest quantity of one order
 * @param maxPriceMinorPerKwh largest price of one order
 */
public record PoolConfig(
        String instrumentId,
        String platformId,
        long periodMs,
        long poolPriceMinorPerKwh,
        long poolCapacityKwh,
        RankingKey rankingKey,
        int maxCycles,
        CommissionSchedule commission,
        int maxOrdersPerPeriod,
        long maxQuantityKwh,
        long maxPriceMinorPerKwh) {

    /** Clearing period of the reference document: 30 s. */
    public static final long DEFAULT_PERIOD_MS = 30_000L;
    /** The reference document's fixed pool price 0.43 per kWh, in minor units (0.01). */
    public static final long DEFAULT_POOL_PRICE_MINOR_PER_KWH = 43L;
    /**
     * Participant id used for the platform unless configured otherwise: the registry's default exchange account
     * ({@code services.registry.exchangeAccountId}), which the registry settles the pool's trades against and
     * credits commissions to; the two must be configured alike.
     */
    public static final String DEFAULT_PLATFORM_ID = "EXCHANGE";

    /** Validates; throws {@link IllegalArgumentException} on an unusable configuration. */
    public PoolConfig {
        requireId(instrumentId, "instrumentId");
        requireId(platformId, "platformId");
        Objects.requireNonNull(commission, "commission");
        Objects.requireNonNull(rankingKey, "rankingKey");
        requirePositive(periodMs, "periodMs");
        requirePositive(poolPriceMinorPerKwh, "poolPriceMinorPerKwh");
        if (poolCapacityKwh < 0) {
            throw new IllegalArgumentException("poolCapacityKwh must be >= 0: " + poolCapacityKwh);
        }
        requirePositive(maxCycles, "maxCycles");
        requirePositive(maxOrdersPerPeriod, "maxOrdersPerPeriod");
        requirePositive(maxQuantityKwh, "maxQuantityKwh");
        requirePositive(maxPriceMinorPerKwh, "maxPriceMinorPerKwh");
        BigInteger bound = BigInteger.valueOf(maxOrdersPerPeriod)
                .multiply(BigInteger.valueOf(maxQuantityKwh))
                .multiply(BigInteger.valueOf(Math.max(maxPriceMinorPerKwh, poolPriceMinorPerKwh)));
        if (bound.compareTo(BigInteger.valueOf(Long.MAX_VALUE / 4)) > 0) {
            throw new IllegalArgumentException("limits allow amounts that could overflow: orders x quantity x price = "
                    + bound);
        }
    }

    /**
     * Defaults for an instrument: 30 s periods, pool price 43 minor/kWh, unlimited pool capacity and cycles, the
     * reference's quantity × price ranking, the default commission schedule, at most 10 000 orders per period of at most 10⁸ kWh at at most 10⁵ minor/kWh.
     */
    public static PoolConfig defaults(String instrumentId) {
        return new PoolConfig(instrumentId, DEFAULT_PLATFORM_ID, DEFAULT_PERIOD_MS, DEFAULT_POOL_PRICE_MINOR_PER_KWH,
                Long.MAX_VALUE, RankingKey.QUANTITY_TIMES_PRICE, Integer.MAX_VALUE, CommissionSchedule.defaults(), 10_000,
                100_000_000L, 100_000L);
    }

    /** A copy with another pool price. */
    public PoolConfig withPoolPrice(long priceMinorPerKwh) {
        return new PoolConfig(instrumentId, platformId, periodMs, priceMinorPerKwh, poolCapacityKwh, rankingKey,
                maxCycles, commission, maxOrdersPerPeriod, maxQuantityKwh, maxPriceMinorPerKwh);
    }

    /** A copy with another pool capacity per period. */
    public PoolConfig withPoolCapacity(long capacityKwh) {
        return new PoolConfig(instrumentId, platformId, periodMs, poolPriceMinorPerKwh, capacityKwh, rankingKey,
                maxCycles, commission, maxOrdersPerPeriod, maxQuantityKwh, maxPriceMinorPerKwh);
    }

    /** A copy with another ranking key. */
    public PoolConfig withRankingKey(RankingKey key) {
        return new PoolConfig(instrumentId, platformId, periodMs, poolPriceMinorPerKwh, poolCapacityKwh, key,
                maxCycles, commission, maxOrdersPerPeriod, maxQuantityKwh, maxPriceMinorPerKwh);
    }

    /** A copy with another bound on matching cycles. */
    public PoolConfig withMaxCycles(int cycles) {
        return new PoolConfig(instrumentId, platformId, periodMs, poolPriceMinorPerKwh, poolCapacityKwh, rankingKey,
                cycles, commission, maxOrdersPerPeriod, maxQuantityKwh, maxPriceMinorPerKwh);
    }

    /** A copy with another commission schedule. */
    public PoolConfig withCommission(CommissionSchedule schedule) {
        return new PoolConfig(instrumentId, platformId, periodMs, poolPriceMinorPerKwh, poolCapacityKwh, rankingKey,
                maxCycles, schedule, maxOrdersPerPeriod, maxQuantityKwh, maxPriceMinorPerKwh);
    }

    /** A copy with another period length. */
    public PoolConfig withPeriodMs(long period) {
        return new PoolConfig(instrumentId, platformId, period, poolPriceMinorPerKwh, poolCapacityKwh, rankingKey,
                maxCycles, commission, maxOrdersPerPeriod, maxQuantityKwh, maxPriceMinorPerKwh);
    }

    /** A copy with other per-period and per-order limits. */
    public PoolConfig withLimits(int maxOrders, long maxQuantity, long maxPrice) {
        return new PoolConfig(instrumentId, platformId, periodMs, poolPriceMinorPerKwh, poolCapacityKwh, rankingKey,
                maxCycles, commission, maxOrders, maxQuantity, maxPrice);
    }

    /** Feeds every field, in declaration order, into a canonical digest. */
    void digestInto(CanonicalDigest d) {
        d.putString(instrumentId).putString(platformId).putLong(periodMs).putLong(poolPriceMinorPerKwh)
                .putLong(poolCapacityKwh).putString(rankingKey.name()).putInt(maxCycles)
                .putInt(commission.tiers().size());
        for (CommissionSchedule.Tier t : commission.tiers()) {
            d.putInt(t.upToRank()).putInt(t.bps());
        }
        d.putInt(commission.beyondBps()).putInt(maxOrdersPerPeriod).putLong(maxQuantityKwh)
                .putLong(maxPriceMinorPerKwh);
    }

    private static void requirePositive(long v, String name) {
        if (v <= 0) {
            throw new IllegalArgumentException(name + " must be positive: " + v);
        }
    }

    private static void requireId(String id, String name) {
        if (!PoolOrderValidator.isValidId(id)) {
            throw new IllegalArgumentException(name + " is not a valid id: " + id);
        }
    }
}
