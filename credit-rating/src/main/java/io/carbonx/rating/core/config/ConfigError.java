package io.carbonx.rating.core.config;

/**
 * Why a rating configuration was refused. Each value names one rule; {@link ConfigException#field()} names the
 * offending field.
 */
public enum ConfigError {
    /** A required value is null. */
    MISSING_VALUE,
    /** A number lies outside its documented range. */
    OUT_OF_RANGE,
    /** A per-grade or per-kind table lacks an entry it must have. */
    MISSING_ENTRY,
    /** A table holds an entry it must not have (for example UNRATED among the grade bands). */
    UNEXPECTED_ENTRY,
    /** Severity band thresholds are not strictly ascending. */
    THRESHOLDS_NOT_ASCENDING,
    /** Severity band points decrease as the amount grows (a bigger default would hurt less). */
    POINTS_DECREASING,
    /** A severity table has a number of point values other than thresholds + 1. */
    LENGTH_MISMATCH,
    /** Grade band minimum scores are not strictly descending from AAA to D. */
    BANDS_NOT_DESCENDING,
    /** The D band does not start at score 0, so some scores would have no grade. */
    LOWEST_BAND_NOT_ZERO,
    /** The AAA band starts above the maximum score, so AAA could never be reached. */
    TOP_BAND_ABOVE_MAX_SCORE,
    /** A per-grade effect gets more favourable for a worse grade. */
    EFFECTS_NOT_MONOTONE,
    /** Grade D is configured to open new orders or to hold open notional. */
    GRADE_D_MAY_TRADE
}
