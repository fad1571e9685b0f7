package io.carbonx.rating.core;

import io.carbonx.events.CreditGrade;
import io.carbonx.rating.core.config.ScorecardConfig;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * How each line of a breakdown was computed, in words: counts, caps, the decaying entries with their ages, the
 * clamp and the status cap. The text is built with integer arithmetic and plain concatenation only (no locale, no
 * floating point), so it is the same on every machine and may go into published events.
 *
 * <p>Formats (durations in days with one decimal, truncated: {@code 37.5d}):
 * <pre>
 *   BASE                 "base score 600"
 *   TENURE               "4 periods of 30.0d since first seen x 10, cap 150"
 *   CLEAN_SETTLEMENTS    "40 clean settlements x 2, cap 150"
 *   CLEAN_COMPLIANCE     "1 clean compliance periods x 25, cap 100"
 *   DEFAULTS ...         "2 entries, half-life 180.0d: 200 at age 90.0d, 100 at age 0.0d" (at most 8 listed,
 *                        then "+N more"), or "none"
 *   SCORE_RANGE          "sum 1040 clamped into [0, 1000]" or "within [0, 1000]"
 *   ACCOUNT_STATUS       "ACTIVE: no cap", "FROZEN: capped at 399", "CANCELLED: capped at 299"
 * </pre>
 */
final class BreakdownDetails {

    /** Entries listed per negative factor before "+N more". */
    static final int MAX_LISTED_ENTRIES = 8;

    private final ScorecardConfig config;

    BreakdownDetails(ScorecardConfig config) {
        this.config = config;
    }

    /**
     * @param p      the participant, in the state the rating was evaluated from
     * @param rating its rating at {@code rating.atMs()}
     * @return one detail line per factor, in factor order
     */
    Map<Factor, String> explain(ParticipantState p, Rating rating) {
        long atMs = rating.atMs();
        EnumMap<Factor, String> details = new EnumMap<>(Factor.class);
        details.put(Factor.BASE, "base score " + config.baseScore());
        long periods = Math.max(0, (atMs - p.firstSeenMs) / config.tenurePeriodMs());
        details.put(Factor.TENURE, periods + " periods of " + days(config.tenurePeriodMs()) + " since first seen x "
                + config.tenurePointsPerPeriod() + ", cap " + config.tenureCap());
        details.put(Factor.CLEAN_SETTLEMENTS, p.cleanSettlements + " clean settlements x "
                + config.cleanSettlementPoints() + ", cap " + config.cleanSettlementCap());
        details.put(Factor.CLEAN_COMPLIANCE, p.cleanCompliance + " clean compliance periods x "
                + config.cleanCompliancePoints() + ", cap " + config.cleanComplianceCap());
        for (Factor factor : Factor.values()) {
            if (factor.sign() == Factor.Sign.NEGATIVE) {
                details.put(factor, negatives(p, factor, atMs));
            }
        }
        int clamp = rating.breakdown().points(Factor.SCORE_RANGE);
        String range = "[0, " + config.maxScore() + "]";
        details.put(Factor.SCORE_RANGE, clamp == 0 ? "within " + range
                : "sum " + (rating.score() - rating.breakdown().points(Factor.ACCOUNT_STATUS) - clamp)
                        + " clamped into " + range);
        details.put(Factor.ACCOUNT_STATUS, status(p.status));
        return Collections.unmodifiableMap(details);
    }

    private String negatives(ParticipantState p, Factor factor, long atMs) {
        List<NegativeEntry> entries = new ArrayList<>();
        for (NegativeEntry e : p.negatives()) {
            if (e.factor() == factor) {
                entries.add(e);
            }
        }
        if (entries.isEmpty()) {
            return "none";
        }
        StringBuilder text = new StringBuilder();
        text.append(entries.size()).append(entries.size() == 1 ? " entry" : " entries")
                .append(", half-life ").append(days(config.halfLifeMs())).append(':');
        int listed = Math.min(MAX_LISTED_ENTRIES, entries.size());
        for (int i = 0; i < listed; i++) {
            NegativeEntry e = entries.get(i);
            text.append(i == 0 ? " " : ", ").append(e.points()).append(" at age ")
                    .append(days(Math.max(0, atMs - e.timeMs())));
        }
        if (entries.size() > listed) {
            text.append(", +").append(entries.size() - listed).append(" more");
        }
        return text.toString();
    }

    private String status(AccountStatus status) {
        return switch (status) {
            case ACTIVE -> "ACTIVE: no cap";
            case FROZEN -> "FROZEN: capped at " + config.gradeBands().ceiling(CreditGrade.CCC, config.maxScore());
            case CANCELLED -> "CANCELLED: capped at " + config.gradeBands().ceiling(CreditGrade.D, config.maxScore());
        };
    }

    /** @return {@code ms} as days with one decimal, truncated, e.g. {@code 37.5d} */
    static String days(long ms) {
        long whole = ms / ScorecardConfig.DAY_MS;
        long tenth = (ms % ScorecardConfig.DAY_MS) * 10 / ScorecardConfig.DAY_MS;
        return whole + "." + tenth + "d";
    }
}
