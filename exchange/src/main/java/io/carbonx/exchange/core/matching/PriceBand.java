package io.carbonx.exchange.core.matching;

/**
 * The inclusive range of acceptable limit prices around a reference price: the integer prices within
 * {@code [ref - d, ref + d]} where {@code d = ref * bps / 10000} exactly, i.e. {@code lower = ref - floor(d)},
 * {@code upper = ref + floor(d)}, computed without overflow. A reference of 0 or a band of 0 bps means "no band".
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
        long delta = (referencePrice / BPS) * bandBps + (referencePrice % BPS) * bandBps / BPS;
        long upper = referencePrice > Long.MAX_VALUE - delta ? Long.MAX_VALUE : referencePrice + delta;
        return new PriceBand(referencePrice - delta, upper);
    }

    /** True if {@code price} lies within the band (inclusive). */
    public boolean contains(long price) {
        return price >= lower && price <= upper;
    }
}
