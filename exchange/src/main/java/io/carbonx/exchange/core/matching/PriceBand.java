package io.carbonx.exchange.core.matching;

/**
 * The inclusive range of acceptable limit prices around a reference price: {@code [ref - ref*bps/10000,
 * ref + ref*bps/10000]}, computed exactly (the lower bound rounds up, the upper bound rounds down) without
 * overflow. A reference of 0 or a band of 0 bps means "no band".
 *
 * @param lower lowest acceptable price
 * @param upper highest acceptable price
 */
public record PriceBand(long lower, long upper) {

    /** No band: every positive price is acceptable. */
    public static final PriceBand NONE = new PriceBand(Long.MIN_VALUE, Long.MAX_VALUE);

    private static final long BPS = 10_000L;

    /** The band of {@code bandBps} basis points around {@code referencePrice}. */
    public static PriceBand around(long referencePrice, int bandBps) {
        if (referencePrice <= 0 || bandBps <= 0) {
            return NONE;
        }
        long remainderProduct = (referencePrice % BPS) * bandBps;
        long floorDelta = (referencePrice / BPS) * bandBps + remainderProduct / BPS;
        long ceilDelta = floorDelta + (remainderProduct % BPS != 0 ? 1 : 0);
        long upper = referencePrice > Long.MAX_VALUE - floorDelta ? Long.MAX_VALUE : referencePrice + floorDelta;
        return new PriceBand(referencePrice - ceilDelta, upper);
    }

    /** True if {@code price} lies within the band (inclusive). */
    public boolean contains(long price) {
        return price >= lower && price <= upper;
    }
}
