package io.carbonx.node.demo.scene;

import io.carbonx.node.demo.DemoNodeConfig;

/**
 * The trading rules of one demo instrument as the random flow needs them (they mirror
 * {@link DemoNodeConfig#instruments}).
 *
 * @param id         instrument id
 * @param tick       price tick, minor units
 * @param lot        lot size
 * @param reference  reference price, minor units
 * @param maxLots    largest order, in lots
 * @param energy     pool bidding (no holdings needed to sell)
 */
public record Market(String id, long tick, long lot, long reference, int maxLots, boolean energy) {

    /** The session instrument. */
    public static final Market SESSION = new Market(DemoNodeConfig.SESSION, 1, 5, 8_000, 16, false);
    /** The continuous instrument. */
    public static final Market CONTINUOUS = new Market(DemoNodeConfig.CONTINUOUS, 5, 10, 8_500, 8, false);
    /** The offset. */
    public static final Market OFFSET = new Market(DemoNodeConfig.OFFSET, 1, 5, 5_000, 8, false);
    /** Energy, kWh at minor units per kWh around the pool price. */
    public static final Market ENERGY = new Market(DemoNodeConfig.ENERGY, 1, 100, 45, 20, true);

    /** {@code price} rounded to the tick and kept within ±{@code maxBps} of the reference. */
    public long clamp(long price, int maxBps) {
        long span = reference * maxBps / 10_000;
        long p = Math.max(reference - span, Math.min(reference + span, price));
        p = p / tick * tick;
        return Math.max(tick, p);
    }
}
