package io.carbonx.rating.core;

/**
 * Recency decay in integer fixed-point arithmetic: the weight of a negative entry of {@code P} points halves every
 * half-life {@code H} of logical time and is linearly interpolated within a half-life.
 *
 * <p>For an age {@code a = k·H + r} (k whole half-lives, 0 ≤ r &lt; H), in units of 2<sup>-24</sup> points:
 * <pre>
 *   hi   = (P &lt;&lt; 24) &gt;&gt; k            // P / 2^k
 *   lo   = hi &gt;&gt; 1                      // P / 2^(k+1)
 *   frac = (r &lt;&lt; 16) / H               // progress through the half-life, 16-bit fraction
 *   w(a) = hi − (((hi − lo) · frac) &gt;&gt; 16)
 * </pre>
 * Every operation is a {@code long} shift, multiplication or division, so the result is bit-identical on every
 * JVM. Properties: {@code w(0) = P·2^24}; {@code w(k·H) = (P·2^24) >> k}, exactly P/2^k for k ≤ 24; {@code w}
 * never increases with age; it reaches 0 after at most 45 half-lives. Between halvings the line lies above the true
 * exponential by at most 6.2 % of it (maximum of {@code (1 − x/2)·2^x} on [0, 1]).
 *
 * <p>Overflow: {@code P ≤ 2^20} and {@code H ≤ 2^42} ms give {@code hi ≤ 2^44}, {@code r << 16 < 2^58},
 * {@code (hi − lo)·frac < 2^59}: all inside a {@code long}. Sums of weights saturate at {@link #SATURATION}
 * (2^26 points), far beyond any score, so adding weights never overflows and never decreases a sum.
 */
final class Decay {

    /** Fixed-point scale: weights are in units of 2^-24 points. */
    static final int SCALE_BITS = 24;
    /** The largest points value of one entry. */
    static final int MAX_ENTRY_POINTS = 1 << 20;
    /** The cap of a sum of weights (2^26 points). */
    static final long SATURATION = 1L << 50;
    private static final int FRAC_BITS = 16;

    private Decay() {
    }

    /**
     * @param points     the entry's undecayed points, in [0, 2^20]
     * @param ageMs      logical time since the entry, ≥ 0
     * @param halfLifeMs the half-life, in [1, 2^42]
     * @return the decayed weight in units of 2^-24 points
     */
    static long weight(int points, long ageMs, long halfLifeMs) {
        if (points < 0 || points > MAX_ENTRY_POINTS || ageMs < 0 || halfLifeMs < 1) {
            throw new IllegalArgumentException("points " + points + ", age " + ageMs + ", half-life " + halfLifeMs);
        }
        long halvings = ageMs / halfLifeMs;
        if (halvings >= 62) {
            return 0;
        }
        long remainder = ageMs % halfLifeMs;
        long hi = ((long) points << SCALE_BITS) >> halvings;
        long lo = hi >> 1;
        long frac = (remainder << FRAC_BITS) / halfLifeMs;
        return hi - (((hi - lo) * frac) >> FRAC_BITS);
    }

    /** @return {@code sum + weight}, saturating at {@link #SATURATION}; both arguments in [0, SATURATION] */
    static long add(long sum, long weight) {
        return Math.min(SATURATION, sum + weight);
    }

    /** @return a fixed-point sum rounded to whole points, half up */
    static int toPoints(long fixedPoint) {
        return (int) ((fixedPoint + (1L << (SCALE_BITS - 1))) >> SCALE_BITS);
    }
}
