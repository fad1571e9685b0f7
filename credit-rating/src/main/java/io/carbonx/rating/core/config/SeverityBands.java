package io.carbonx.rating.core.config;

import java.util.Arrays;

/**
 * A step function from a magnitude (an amount in minor units, or a shortfall in tonnes) to severity points.
 *
 * <p>With thresholds {@code t[0] < t[1] < ... < t[n-1]} and points {@code p[0] <= p[1] <= ... <= p[n]}, a magnitude
 * {@code m} scores {@code p[i]} where {@code i} is the number of thresholds {@code <= m}. So {@code m < t[0]} scores
 * {@code p[0]} and {@code m >= t[n-1]} scores {@code p[n]}. Points never decrease with the magnitude, so a larger
 * default never costs less than a smaller one. Banding by powers of ten makes the scale logarithmic in the amount
 * while staying integer-only.
 *
 * @param thresholds strictly ascending, each in [1, Long.MAX_VALUE]; copied
 * @param points     thresholds.length + 1 values, non-decreasing, each in [0, {@value #MAX_POINTS}]; copied
 */
public record SeverityBands(long[] thresholds, int[] points) {

    /** The largest severity a single band may carry. */
    public static final int MAX_POINTS = 100_000;

    /**
     * @throws ConfigException if a rule above is broken, naming {@code thresholds[i]} or {@code points[i]}
     */
    public SeverityBands {
        validate(thresholds, points);
        thresholds = thresholds.clone();
        points = points.clone();
    }

    private static void validate(long[] t, int[] p) {
        ConfigException.requireValue(t, "thresholds");
        ConfigException.requireValue(p, "points");
        ConfigException.require(p.length == t.length + 1, ConfigError.LENGTH_MISMATCH, "points",
                p.length + " points for " + t.length + " thresholds, expected " + (t.length + 1));
        for (int i = 0; i < t.length; i++) {
            ConfigException.requireRange(t[i], 1, Long.MAX_VALUE, "thresholds[" + i + "]");
            ConfigException.require(i == 0 || t[i] > t[i - 1], ConfigError.THRESHOLDS_NOT_ASCENDING,
                    "thresholds[" + i + "]", t[i] + " must be > " + (i == 0 ? 0 : t[i - 1]));
        }
        for (int i = 0; i < p.length; i++) {
            ConfigException.requireRange(p[i], 0, MAX_POINTS, "points[" + i + "]");
            ConfigException.require(i == 0 || p[i] >= p[i - 1], ConfigError.POINTS_DECREASING,
                    "points[" + i + "]", p[i] + " must be >= " + (i == 0 ? 0 : p[i - 1]));
        }
    }

    /**
     * @param magnitude a non-negative amount (minor units) or quantity (tonnes)
     * @return the severity points of the band holding {@code magnitude}
     */
    public int pointsFor(long magnitude) {
        int i = 0;
        while (i < thresholds.length && magnitude >= thresholds[i]) {
            i++;
        }
        return points[i];
    }

    @Override
    public long[] thresholds() {
        return thresholds.clone();
    }

    @Override
    public int[] points() {
        return points.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SeverityBands other
                && Arrays.equals(thresholds, other.thresholds) && Arrays.equals(points, other.points);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(thresholds) + Arrays.hashCode(points);
    }

    @Override
    public String toString() {
        return "SeverityBands" + Arrays.toString(thresholds) + "->" + Arrays.toString(points);
    }
}
