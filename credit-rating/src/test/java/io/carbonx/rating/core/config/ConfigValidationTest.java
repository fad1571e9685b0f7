package io.carbonx.rating.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.carbonx.events.CreditGrade;
import io.carbonx.events.DefaultKind;
import java.util.EnumMap;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Bad weights, bands and effects are refused with the broken rule and the offending field. */
class ConfigValidationTest {

    private static void refused(ThrowingCallable build, ConfigError reason, String field) {
        assertThatThrownBy(build).isInstanceOfSatisfying(ConfigException.class, e -> {
            assertThat(e.reason()).isEqualTo(reason);
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.getMessage()).contains(field);
        });
    }

    @Test
    void defaultsAreValidAndStable() {
        ScorecardConfig c = ScorecardConfig.defaults();
        assertThat(c.toBuilder().build()).isEqualTo(c);
        assertThat(c.toBuilder().build().fingerprint()).isEqualTo(c.fingerprint());
        assertThat(c.toBuilder().freezePoints(101).build().fingerprint()).isNotEqualTo(c.fingerprint());
        assertThat(RatingPolicy.defaults().effects()).hasSize(CreditGrade.values().length);
    }

    @Test
    void scorecardNumbersOutOfRangeAreRefusedByField() {
        refused(() -> ScorecardConfig.builder().maxScore(0).build(), ConfigError.OUT_OF_RANGE, "maxScore");
        refused(() -> ScorecardConfig.builder().baseScore(1001).build(), ConfigError.OUT_OF_RANGE, "baseScore");
        refused(() -> ScorecardConfig.builder().baseScore(-1).build(), ConfigError.OUT_OF_RANGE, "baseScore");
        refused(() -> ScorecardConfig.builder().halfLifeMs(0).build(), ConfigError.OUT_OF_RANGE, "halfLifeMs");
        refused(() -> ScorecardConfig.builder().halfLifeMs(ScorecardConfig.MAX_DURATION_MS + 1).build(),
                ConfigError.OUT_OF_RANGE, "halfLifeMs");
        refused(() -> ScorecardConfig.builder().depositForfeitWeightPct(-1).build(), ConfigError.OUT_OF_RANGE,
                "depositForfeitWeightPct");
        refused(() -> ScorecardConfig.builder().penaltyWeightPct(1001).build(), ConfigError.OUT_OF_RANGE,
                "penaltyWeightPct");
        refused(() -> ScorecardConfig.builder().freezePoints(100_001).build(), ConfigError.OUT_OF_RANGE,
                "freezePoints");
        refused(() -> ScorecardConfig.builder().cleanSettlement(2, -1, 0).build(), ConfigError.OUT_OF_RANGE,
                "cleanSettlementCap");
        refused(() -> ScorecardConfig.builder().cleanSettlement(2, 10, -1).build(), ConfigError.OUT_OF_RANGE,
                "cleanSettlementMinNotionalMinor");
        refused(() -> ScorecardConfig.builder().cleanCompliance(-3, 10).build(), ConfigError.OUT_OF_RANGE,
                "cleanCompliancePoints");
        refused(() -> ScorecardConfig.builder().tenure(0, 10, 150).build(), ConfigError.OUT_OF_RANGE,
                "tenurePeriodMs");
        refused(() -> ScorecardConfig.builder().tenure(1, 10, 100_001).build(), ConfigError.OUT_OF_RANGE,
                "tenureCap");
        refused(() -> ScorecardConfig.builder().dedupWindowMs(-1).build(), ConfigError.OUT_OF_RANGE,
                "dedupWindowMs");
    }

    @Test
    void defaultKindWeightsMustCoverEveryKindWithinRange() {
        refused(() -> ScorecardConfig.builder().defaultKindWeightPct(DefaultKind.EXTERNAL_BANK, null).build(),
                ConfigError.MISSING_ENTRY, "defaultKindWeightPct.EXTERNAL_BANK");
        refused(() -> ScorecardConfig.builder().defaultKindWeightPct(DefaultKind.PAYMENT, -10).build(),
                ConfigError.OUT_OF_RANGE, "defaultKindWeightPct.PAYMENT");
        refused(() -> ScorecardConfig.builder().amountSeverity(null).build(), ConfigError.MISSING_VALUE,
                "amountSeverity");
    }

    @Test
    void severityBandsMustAscendAndNeverCostLessForMore() {
        refused(() -> new SeverityBands(new long[] {10, 10}, new int[] {1, 2, 3}),
                ConfigError.THRESHOLDS_NOT_ASCENDING, "thresholds[1]");
        refused(() -> new SeverityBands(new long[] {0}, new int[] {1, 2}), ConfigError.OUT_OF_RANGE,
                "thresholds[0]");
        refused(() -> new SeverityBands(new long[] {10, 20}, new int[] {5, 4, 6}), ConfigError.POINTS_DECREASING,
                "points[1]");
        refused(() -> new SeverityBands(new long[] {10}, new int[] {5}), ConfigError.LENGTH_MISMATCH, "points");
        refused(() -> new SeverityBands(new long[] {10}, new int[] {-1, 5}), ConfigError.OUT_OF_RANGE,
                "points[0]");
        refused(() -> new SeverityBands(new long[] {10}, new int[] {1, SeverityBands.MAX_POINTS + 1}),
                ConfigError.OUT_OF_RANGE, "points[1]");
        assertThat(new SeverityBands(new long[0], new int[] {7}).pointsFor(Long.MAX_VALUE)).isEqualTo(7);
    }

    @Test
    void gradeBandsMustDescendFromAaaToAZeroD() {
        refused(() -> GradeBands.of(900, 900, 700, 600, 500, 400, 300, 0), ConfigError.BANDS_NOT_DESCENDING,
                "gradeBands.AA");
        refused(() -> GradeBands.of(900, 800, 700, 600, 500, 400, 450, 0), ConfigError.BANDS_NOT_DESCENDING,
                "gradeBands.CCC");
        refused(() -> GradeBands.of(900, 800, 700, 600, 500, 400, 300, 10), ConfigError.LOWEST_BAND_NOT_ZERO,
                "gradeBands.D");
        refused(() -> GradeBands.of(900, 800, 700, 600, 500, 400, 300, -1), ConfigError.OUT_OF_RANGE,
                "gradeBands.D");
        EnumMap<CreditGrade, Integer> missing = new EnumMap<>(GradeBands.defaults().minScore());
        missing.remove(CreditGrade.BB);
        refused(() -> new GradeBands(missing), ConfigError.MISSING_ENTRY, "gradeBands.BB");
        EnumMap<CreditGrade, Integer> unrated = new EnumMap<>(GradeBands.defaults().minScore());
        unrated.put(CreditGrade.UNRATED, 0);
        refused(() -> new GradeBands(unrated), ConfigError.UNEXPECTED_ENTRY, "gradeBands.UNRATED");
        refused(() -> ScorecardConfig.builder().maxScore(850).build(), ConfigError.TOP_BAND_ABOVE_MAX_SCORE,
                "gradeBands.AAA");
    }

    @Test
    void policyMustBeCompleteMonotoneAndKeepDOutOfTheMarket() {
        EnumMap<CreditGrade, GradeEffects> base = new EnumMap<>(RatingPolicy.defaults().effects());

        EnumMap<CreditGrade, GradeEffects> missing = new EnumMap<>(base);
        missing.remove(CreditGrade.UNRATED);
        refused(() -> new RatingPolicy(missing), ConfigError.MISSING_ENTRY, "policy.UNRATED");

        EnumMap<CreditGrade, GradeEffects> cheaper = new EnumMap<>(base);
        cheaper.put(CreditGrade.BB, new GradeEffects(1_000, 4, 2_000_000_000L, true));
        refused(() -> new RatingPolicy(cheaper), ConfigError.EFFECTS_NOT_MONOTONE, "policy.BB.depositShareBps");

        EnumMap<CreditGrade, GradeEffects> ahead = new EnumMap<>(base);
        ahead.put(CreditGrade.B, new GradeEffects(3_000, 3, 500_000_000L, true));
        refused(() -> new RatingPolicy(ahead), ConfigError.EFFECTS_NOT_MONOTONE, "policy.B.priorityTier");

        EnumMap<CreditGrade, GradeEffects> bigger = new EnumMap<>(base);
        bigger.put(CreditGrade.CCC, new GradeEffects(5_000, 6, 3_000_000_000L, true));
        refused(() -> new RatingPolicy(bigger), ConfigError.EFFECTS_NOT_MONOTONE, "policy.CCC.maxOpenNotionalMinor");

        EnumMap<CreditGrade, GradeEffects> dTrades = new EnumMap<>(base);
        dTrades.put(CreditGrade.D, new GradeEffects(10_000, 7, 0, true));
        refused(() -> new RatingPolicy(dTrades), ConfigError.GRADE_D_MAY_TRADE, "policy.D");

        EnumMap<CreditGrade, GradeEffects> reopen = new EnumMap<>(base);
        reopen.put(CreditGrade.B, new GradeEffects(3_000, 5, 2_000_000_000L, false));
        refused(() -> new RatingPolicy(reopen), ConfigError.EFFECTS_NOT_MONOTONE, "policy.CCC.canOpenOrders");

        refused(() -> new GradeEffects(10_001, 0, 0, true), ConfigError.OUT_OF_RANGE, "depositShareBps");
        refused(() -> new GradeEffects(100, -1, 0, true), ConfigError.OUT_OF_RANGE, "priorityTier");
        refused(() -> new GradeEffects(100, 0, -1, true), ConfigError.OUT_OF_RANGE, "maxOpenNotionalMinor");
    }
}
