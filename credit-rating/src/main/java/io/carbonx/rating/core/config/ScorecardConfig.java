package io.carbonx.rating.core.config;

import io.carbonx.events.CreditGrade;
import io.carbonx.events.DefaultKind;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Every number of the credit scorecard: base, maximum, grade bands, severities, weights, caps, tenure and the decay
 * half-life. The record validates itself, so an instance is always a usable configuration; a bad value throws a
 * {@link ConfigException} naming the field and the rule. {@link #defaults()} is the documented default scorecard
 * (see {@code credit-rating/README.md}); {@link #builder()} starts from it.
 *
 * <p>Ranges: {@code maxScore} in [1, 100 000]; {@code baseScore} in [0, maxScore]; AAA's minimum ≤ maxScore; every
 * weight in percent in [0, {@value #MAX_WEIGHT_PCT}]; per-event and per-unit points and caps in
 * [0, {@value #MAX_POINTS}]; {@code halfLifeMs} and {@code tenurePeriodMs} in [1, {@value #MAX_DURATION_MS}];
 * {@code dedupWindowMs} in [0, {@value #MAX_DURATION_MS}]; {@code cleanSettlementMinNotionalMinor} ≥ 0. These bounds
 * keep the fixed-point decay arithmetic exact in a {@code long} (see {@code Decay}).
 *
 * @param maxScore                        the highest score; scores are clamped to [0, maxScore]
 * @param baseScore                       the BASE factor every participant starts with
 * @param gradeBands                      score → grade
 * @param halfLifeMs                      every negative entry's weight halves after this much logical time
 * @param amountSeverity                  default / forfeit / penalty amount (minor units) → severity points
 * @param shortfallSeverity               compliance shortfall (tonnes) → severity points
 * @param defaultKindWeightPct            per {@link DefaultKind}: percent of the amount severity a default costs
 * @param depositForfeitWeightPct         percent of the amount severity a forfeited deposit costs
 * @param penaltyWeightPct                percent of the severity (amount, or shortfall if non-monetary) of a penalty
 * @param freezePoints                    points an account freeze costs (besides the CCC cap while frozen)
 * @param cleanSettlementPoints           points per clean trade settlement
 * @param cleanSettlementCap              cap of the CLEAN_SETTLEMENTS factor
 * @param cleanSettlementMinNotionalMinor settlements below this notional earn nothing (anti wash-trading)
 * @param cleanCompliancePoints           points per compliance period settled without shortfall
 * @param cleanComplianceCap              cap of the CLEAN_COMPLIANCE factor
 * @param tenurePeriodMs                  tenure earns points per whole period since first appearance
 * @param tenurePointsPerPeriod           points per whole tenure period
 * @param tenureCap                       cap of the TENURE factor
 * @param dedupWindowMs                   how long (logical time) an event id is remembered to reject duplicates
 */
public record ScorecardConfig(
        int maxScore,
        int baseScore,
        GradeBands gradeBands,
        long halfLifeMs,
        SeverityBands amountSeverity,
        SeverityBands shortfallSeverity,
        Map<DefaultKind, Integer> defaultKindWeightPct,
        int depositForfeitWeightPct,
        int penaltyWeightPct,
        int freezePoints,
        int cleanSettlementPoints,
        int cleanSettlementCap,
        long cleanSettlementMinNotionalMinor,
        int cleanCompliancePoints,
        int cleanComplianceCap,
        long tenurePeriodMs,
        int tenurePointsPerPeriod,
        int tenureCap,
        long dedupWindowMs) {

    /** One day of logical time in milliseconds. */
    public static final long DAY_MS = 86_400_000L;
    /** The largest maxScore, cap or per-event points value. */
    public static final int MAX_POINTS = 100_000;
    /** The largest weight in percent (10×). */
    public static final int MAX_WEIGHT_PCT = 1_000;
    /** The longest half-life, tenure period or dedup window: 100 years of 365 days. */
    public static final long MAX_DURATION_MS = 36_500L * DAY_MS;

    /**
     * @throws ConfigException naming the first field that breaks its rule
     */
    public ScorecardConfig {
        ConfigException.requireRange(maxScore, 1, MAX_POINTS, "maxScore");
        ConfigException.requireRange(baseScore, 0, maxScore, "baseScore");
        ConfigException.requireValue(gradeBands, "gradeBands");
        int topMin = gradeBands.min(CreditGrade.AAA);
        ConfigException.require(topMin <= maxScore, ConfigError.TOP_BAND_ABOVE_MAX_SCORE, "gradeBands.AAA",
                "minimum " + topMin + " is above maxScore " + maxScore);
        ConfigException.requireRange(halfLifeMs, 1, MAX_DURATION_MS, "halfLifeMs");
        ConfigException.requireValue(amountSeverity, "amountSeverity");
        ConfigException.requireValue(shortfallSeverity, "shortfallSeverity");
        defaultKindWeightPct = kindWeights(defaultKindWeightPct);
        ConfigException.requireRange(depositForfeitWeightPct, 0, MAX_WEIGHT_PCT, "depositForfeitWeightPct");
        ConfigException.requireRange(penaltyWeightPct, 0, MAX_WEIGHT_PCT, "penaltyWeightPct");
        ConfigException.requireRange(freezePoints, 0, MAX_POINTS, "freezePoints");
        ConfigException.requireRange(cleanSettlementPoints, 0, MAX_POINTS, "cleanSettlementPoints");
        ConfigException.requireRange(cleanSettlementCap, 0, MAX_POINTS, "cleanSettlementCap");
        ConfigException.requireRange(cleanSettlementMinNotionalMinor, 0, Long.MAX_VALUE,
                "cleanSettlementMinNotionalMinor");
        ConfigException.requireRange(cleanCompliancePoints, 0, MAX_POINTS, "cleanCompliancePoints");
        ConfigException.requireRange(cleanComplianceCap, 0, MAX_POINTS, "cleanComplianceCap");
        ConfigException.requireRange(tenurePeriodMs, 1, MAX_DURATION_MS, "tenurePeriodMs");
        ConfigException.requireRange(tenurePointsPerPeriod, 0, MAX_POINTS, "tenurePointsPerPeriod");
        ConfigException.requireRange(tenureCap, 0, MAX_POINTS, "tenureCap");
        ConfigException.requireRange(dedupWindowMs, 0, MAX_DURATION_MS, "dedupWindowMs");
    }

    private static Map<DefaultKind, Integer> kindWeights(Map<DefaultKind, Integer> weights) {
        ConfigException.requireValue(weights, "defaultKindWeightPct");
        EnumMap<DefaultKind, Integer> copy = new EnumMap<>(DefaultKind.class);
        for (DefaultKind kind : DefaultKind.values()) {
            String field = "defaultKindWeightPct." + kind;
            Integer pct = weights.get(kind);
            ConfigException.require(pct != null, ConfigError.MISSING_ENTRY, field, "every default kind needs a weight");
            ConfigException.requireRange(pct, 0, MAX_WEIGHT_PCT, field);
            copy.put(kind, pct);
        }
        return Collections.unmodifiableMap(copy);
    }

    /** @return the documented default scorecard */
    public static ScorecardConfig defaults() {
        return builder().build();
    }

    /** @return a builder holding the documented defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this configuration's values */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * @param kind a default kind
     * @return the weight in percent of {@code kind}
     */
    public int defaultWeightPct(DefaultKind kind) {
        return defaultKindWeightPct.get(kind);
    }

    /**
     * @return the SHA-256 of this configuration's canonical encoding, lower-case hex; equal configurations have equal
     *         fingerprints on every machine. Part of every model snapshot and state hash.
     */
    public String fingerprint() {
        return ConfigFingerprint.of(this);
    }

    /** A mutable builder starting from the documented defaults; {@link #build()} validates. */
    public static final class Builder {
        private int maxScore = 1_000;
        private int baseScore = 600;
        private GradeBands gradeBands = GradeBands.defaults();
        private long halfLifeMs = 180 * DAY_MS;
        private SeverityBands amountSeverity = new SeverityBands(
                new long[] {100_000L, 1_000_000L, 10_000_000L, 100_000_000L}, new int[] {100, 150, 200, 260, 340});
        private SeverityBands shortfallSeverity = new SeverityBands(
                new long[] {100L, 1_000L, 10_000L, 100_000L}, new int[] {30, 60, 90, 120, 160});
        private final EnumMap<DefaultKind, Integer> kindWeights = new EnumMap<>(Map.of(
                DefaultKind.PAYMENT, 100, DefaultKind.DELIVERY, 100,
                DefaultKind.EXTERNAL_BANK, 80, DefaultKind.ARBITRATION_RULING, 120));
        private int depositForfeitWeightPct = 25;
        private int penaltyWeightPct = 50;
        private int freezePoints = 100;
        private int cleanSettlementPoints = 2;
        private int cleanSettlementCap = 150;
        private long cleanSettlementMinNotionalMinor = 1;
        private int cleanCompliancePoints = 25;
        private int cleanComplianceCap = 100;
        private long tenurePeriodMs = 30 * DAY_MS;
        private int tenurePointsPerPeriod = 10;
        private int tenureCap = 150;
        private long dedupWindowMs = 30 * DAY_MS;

        private Builder() {
        }

        private Builder(ScorecardConfig c) {
            maxScore = c.maxScore;
            baseScore = c.baseScore;
            gradeBands = c.gradeBands;
            halfLifeMs = c.halfLifeMs;
            amountSeverity = c.amountSeverity;
            shortfallSeverity = c.shortfallSeverity;
            kindWeights.putAll(c.defaultKindWeightPct);
            depositForfeitWeightPct = c.depositForfeitWeightPct;
            penaltyWeightPct = c.penaltyWeightPct;
            freezePoints = c.freezePoints;
            cleanSettlementPoints = c.cleanSettlementPoints;
            cleanSettlementCap = c.cleanSettlementCap;
            cleanSettlementMinNotionalMinor = c.cleanSettlementMinNotionalMinor;
            cleanCompliancePoints = c.cleanCompliancePoints;
            cleanComplianceCap = c.cleanComplianceCap;
            tenurePeriodMs = c.tenurePeriodMs;
            tenurePointsPerPeriod = c.tenurePointsPerPeriod;
            tenureCap = c.tenureCap;
            dedupWindowMs = c.dedupWindowMs;
        }

        public Builder maxScore(int v) {
            maxScore = v;
            return this;
        }

        public Builder baseScore(int v) {
            baseScore = v;
            return this;
        }

        public Builder gradeBands(GradeBands v) {
            gradeBands = v;
            return this;
        }

        public Builder halfLifeMs(long v) {
            halfLifeMs = v;
            return this;
        }

        public Builder amountSeverity(SeverityBands v) {
            amountSeverity = v;
            return this;
        }

        public Builder shortfallSeverity(SeverityBands v) {
            shortfallSeverity = v;
            return this;
        }

        /** Sets one kind's weight; a null weight removes it (and {@link #build()} then refuses). */
        public Builder defaultKindWeightPct(DefaultKind kind, Integer pct) {
            if (pct == null) {
                kindWeights.remove(kind);
            } else {
                kindWeights.put(kind, pct);
            }
            return this;
        }

        public Builder depositForfeitWeightPct(int v) {
            depositForfeitWeightPct = v;
            return this;
        }

        public Builder penaltyWeightPct(int v) {
            penaltyWeightPct = v;
            return this;
        }

        public Builder freezePoints(int v) {
            freezePoints = v;
            return this;
        }

        public Builder cleanSettlement(int pointsEach, int cap, long minNotionalMinor) {
            cleanSettlementPoints = pointsEach;
            cleanSettlementCap = cap;
            cleanSettlementMinNotionalMinor = minNotionalMinor;
            return this;
        }

        public Builder cleanCompliance(int pointsEach, int cap) {
            cleanCompliancePoints = pointsEach;
            cleanComplianceCap = cap;
            return this;
        }

        public Builder tenure(long periodMs, int pointsPerPeriod, int cap) {
            tenurePeriodMs = periodMs;
            tenurePointsPerPeriod = pointsPerPeriod;
            tenureCap = cap;
            return this;
        }

        public Builder dedupWindowMs(long v) {
            dedupWindowMs = v;
            return this;
        }

        /**
         * @return the validated configuration
         * @throws ConfigException naming the first field that breaks its rule
         */
        public ScorecardConfig build() {
            return new ScorecardConfig(maxScore, baseScore, gradeBands, halfLifeMs, amountSeverity,
                    shortfallSeverity, kindWeights, depositForfeitWeightPct, penaltyWeightPct, freezePoints,
                    cleanSettlementPoints, cleanSettlementCap, cleanSettlementMinNotionalMinor, cleanCompliancePoints,
                    cleanComplianceCap, tenurePeriodMs, tenurePointsPerPeriod, tenureCap, dedupWindowMs);
        }
    }
}
