package io.carbonx.registry.core.model;

import java.time.Instant;
import java.time.ZoneOffset;

/** Calendar arithmetic on logical time; UTC, so every machine agrees. */
public final class CalendarYears {
    /** Lowest year or vintage the ledger accepts. */
    public static final int MIN_YEAR = 1900;
    /** Highest year or vintage the ledger accepts. */
    public static final int MAX_YEAR = 9999;

    private CalendarYears() {
    }

    /**
     * @param epochMs logical time, ms since the epoch
     * @return its calendar year in UTC
     */
    public static int utcYearOf(long epochMs) {
        return Instant.ofEpochMilli(epochMs).atOffset(ZoneOffset.UTC).getYear();
    }

    /**
     * @param year a year
     * @return true if within {@link #MIN_YEAR}..{@link #MAX_YEAR}
     */
    public static boolean isValid(int year) {
        return year >= MIN_YEAR && year <= MAX_YEAR;
    }
}
