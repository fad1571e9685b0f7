package io.carbonx.rating.core;

import io.carbonx.events.CreditGrade;
import io.carbonx.events.DefaultKind;
import io.carbonx.rating.core.config.ScorecardConfig;
import java.util.EnumMap;

/**
 * The scorecard arithmetic: what one fact costs, and a participant's score at a logical time. Pure: the same state
 * and time give the same {@link Rating}. See {@link CreditRatingModel} for the formula.
 */
final class Scorecard {

    private static final int PCT = 100;
    private final ScorecardConfig config;

    Scorecard(ScorecardConfig config) {
        this.config = config;
    }

    /** @return {@code amountSeverity(amount) × kindWeightPct(kind) / 100}, rounded down */
    int defaultPoints(DefaultKind kind, long amountMinor) {
        return weighted(config.amountSeverity().pointsFor(amountMinor), config.defaultWeightPct(kind));
    }

    /** @return {@code amountSeverity(amount) × depositForfeitWeightPct / 100}, rounded down */
    int forfeitPoints(long amountMinor) {
        return weighted(config.amountSeverity().pointsFor(amountMinor), config.depositForfeitWeightPct());
    }

    /**
     * @return {@code severity × penaltyWeightPct / 100} where severity is the amount band for a monetary penalty
     *         (amount > 0), else the shortfall band
     */
    int penaltyPoints(long amountMinor, long shortfallTonnes) {
        int severity = amountMinor > 0 ? config.amountSeverity().pointsFor(amountMinor)
                : config.shortfallSeverity().pointsFor(shortfallTonnes);
        return weighted(severity, config.penaltyWeightPct());
    }

    /** @return the shortfall band's points */
    int shortfallPoints(long shortfallTonnes) {
        return config.shortfallSeverity().pointsFor(shortfallTonnes);
    }

    private static int weighted(int severity, int pct) {
        return (int) ((long) severity * pct / PCT);
    }

    /**
     * @param p    the participant
     * @param atMs the evaluation time, ≥ {@code p.lastMs}
     * @return the participant's score, grade and breakdown at {@code atMs}
     */
    Rating evaluate(ParticipantState p, long atMs) {
        EnumMap<Factor, Integer> points = new EnumMap<>(Factor.class);
        points.put(Factor.BASE, config.baseScore());
        long tenurePeriods = (atMs - p.firstSeenMs) / config.tenurePeriodMs();
        points.put(Factor.TENURE, capped(tenurePeriods, config.tenurePointsPerPeriod(), config.tenureCap()));
        points.put(Factor.CLEAN_SETTLEMENTS,
                capped(p.cleanSettlements, config.cleanSettlementPoints(), config.cleanSettlementCap()));
        points.put(Factor.CLEAN_COMPLIANCE,
                capped(p.cleanCompliance, config.cleanCompliancePoints(), config.cleanComplianceCap()));
        EnumMap<Factor, Long> sums = new EnumMap<>(Factor.class);
        for (Factor f : Factor.values()) {
            if (f.sign() == Factor.Sign.NEGATIVE) {
                sums.put(f, 0L);
            }
        }
        for (NegativeEntry e : p.negatives()) {
            long w = Decay.weight(e.points(), atMs - e.timeMs(), config.halfLifeMs());
            sums.put(e.factor(), Decay.add(sums.get(e.factor()), w));
        }
        long raw = 0;
        for (int v : points.values()) {
            raw += v;
        }
        for (var sum : sums.entrySet()) {
            int cost = Decay.toPoints(sum.getValue());
            points.put(sum.getKey(), -cost);
            raw -= cost;
        }
        int clamped = (int) Math.max(0, Math.min(config.maxScore(), raw));
        points.put(Factor.SCORE_RANGE, (int) (clamped - raw));
        int score = Math.min(clamped, statusCeiling(p.status));
        points.put(Factor.ACCOUNT_STATUS, score - clamped);
        return new Rating(score, config.gradeBands().gradeOf(score), new ScoreBreakdown(points), atMs);
    }

    private int statusCeiling(AccountStatus status) {
        return switch (status) {
            case ACTIVE -> config.maxScore();
            case FROZEN -> config.gradeBands().ceiling(CreditGrade.CCC, config.maxScore());
            case CANCELLED -> config.gradeBands().ceiling(CreditGrade.D, config.maxScore());
        };
    }

    /** @return {@code min(cap, count × each)} without overflow */
    static int capped(long count, int each, int cap) {
        if (each == 0 || count <= 0) {
            return 0;
        }
        return count >= cap / each + 1 ? cap : (int) Math.min(cap, count * each);
    }
}
