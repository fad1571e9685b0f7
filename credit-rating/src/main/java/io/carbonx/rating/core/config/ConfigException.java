package io.carbonx.rating.core.config;

import java.util.Objects;

/**
 * A rating configuration broke one of its documented rules. Thrown by the configuration records' constructors,
 * so an invalid configuration never exists.
 */
public final class ConfigException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final ConfigError reason;
    private final String field;

    /**
     * @param reason the rule broken
     * @param field  the offending field, as a path ("gradeBands.AA", "amountSeverity.points[2]")
     * @param detail what was found and what was expected
     */
    public ConfigException(ConfigError reason, String field, String detail) {
        super(reason + " at " + field + ": " + detail);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.field = Objects.requireNonNull(field, "field");
    }

    /** @return the rule broken */
    public ConfigError reason() {
        return reason;
    }

    /** @return the offending field's path */
    public String field() {
        return field;
    }

    static void require(boolean ok, ConfigError reason, String field, String detail) {
        if (!ok) {
            throw new ConfigException(reason, field, detail);
        }
    }

    static <T> T requireValue(T value, String field) {
        if (value == null) {
            throw new ConfigException(ConfigError.MISSING_VALUE, field, "must not be null");
        }
        return value;
    }

    static long requireRange(long value, long min, long max, String field) {
        require(value >= min && value <= max, ConfigError.OUT_OF_RANGE, field,
                value + " is outside [" + min + ", " + max + "]");
        return value;
    }
}
