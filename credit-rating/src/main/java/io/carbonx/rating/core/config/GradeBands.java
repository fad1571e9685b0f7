package io.carbonx.rating.core.config;

import io.carbonx.events.CreditGrade;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The score ranges of the grades. Each rated grade (AAA … D) has a minimum score; a score belongs to the best grade
 * whose minimum it reaches. Minimums are strictly descending from AAA to D and D starts at 0, so every score
 * {@code >= 0} has exactly one grade. UNRATED is not a band: it is the grade of a participant the model has not seen.
 *
 * <p>Defaults: AAA ≥ 900, AA ≥ 800, A ≥ 700, BBB ≥ 600, BB ≥ 500, B ≥ 400, CCC ≥ 300, D ≥ 0.
 *
 * @param minScore the minimum score of each rated grade (all eight, no UNRATED); copied
 */
public record GradeBands(Map<CreditGrade, Integer> minScore) {

    /** The rated grades, best first (every {@link CreditGrade} but UNRATED). */
    public static final List<CreditGrade> RATED = List.of(CreditGrade.AAA, CreditGrade.AA, CreditGrade.A,
            CreditGrade.BBB, CreditGrade.BB, CreditGrade.B, CreditGrade.CCC, CreditGrade.D);

    /**
     * @throws ConfigException MISSING_ENTRY, UNEXPECTED_ENTRY (UNRATED), OUT_OF_RANGE (negative),
     *                         BANDS_NOT_DESCENDING or LOWEST_BAND_NOT_ZERO, naming {@code gradeBands.<GRADE>}
     */
    public GradeBands {
        ConfigException.requireValue(minScore, "gradeBands");
        EnumMap<CreditGrade, Integer> copy = new EnumMap<>(CreditGrade.class);
        ConfigException.require(!minScore.containsKey(CreditGrade.UNRATED), ConfigError.UNEXPECTED_ENTRY,
                "gradeBands.UNRATED", "UNRATED has no score band");
        Integer previous = null;
        for (CreditGrade grade : RATED) {
            String field = "gradeBands." + grade;
            Integer min = minScore.get(grade);
            ConfigException.require(min != null, ConfigError.MISSING_ENTRY, field, "every rated grade needs a band");
            ConfigException.requireRange(min, 0, Integer.MAX_VALUE, field);
            ConfigException.require(previous == null || min < previous, ConfigError.BANDS_NOT_DESCENDING, field,
                    "minimum " + min + " must be below the better grade's minimum " + previous);
            copy.put(grade, min);
            previous = min;
        }
        ConfigException.require(previous == 0, ConfigError.LOWEST_BAND_NOT_ZERO, "gradeBands.D",
                "D must start at 0, found " + previous);
        minScore = Collections.unmodifiableMap(copy);
    }

    /**
     * @return bands from their minimums, best grade first
     */
    public static GradeBands of(int aaa, int aa, int a, int bbb, int bb, int b, int ccc, int d) {
        int[] mins = {aaa, aa, a, bbb, bb, b, ccc, d};
        EnumMap<CreditGrade, Integer> map = new EnumMap<>(CreditGrade.class);
        for (int i = 0; i < mins.length; i++) {
            map.put(RATED.get(i), mins[i]);
        }
        return new GradeBands(map);
    }

    /** @return the documented default bands */
    public static GradeBands defaults() {
        return of(900, 800, 700, 600, 500, 400, 300, 0);
    }

    /**
     * @param score a score {@code >= 0}
     * @return the best grade whose minimum {@code score} reaches
     */
    public CreditGrade gradeOf(int score) {
        if (score < 0) {
            throw new IllegalArgumentException("score must be >= 0: " + score);
        }
        for (CreditGrade grade : RATED) {
            if (score >= minScore.get(grade)) {
                return grade;
            }
        }
        throw new IllegalStateException("unreachable: D starts at 0");
    }

    /**
     * @param grade a rated grade
     * @return the minimum score of {@code grade}
     */
    public int min(CreditGrade grade) {
        Integer min = minScore.get(grade);
        if (min == null) {
            throw new IllegalArgumentException("no band for " + grade);
        }
        return min;
    }

    /**
     * @param grade    a rated grade
     * @param maxScore the scorecard's maximum score
     * @return the highest score inside {@code grade}'s band: the next better grade's minimum − 1, or
     *         {@code maxScore} for AAA
     */
    public int ceiling(CreditGrade grade, int maxScore) {
        int index = RATED.indexOf(grade);
        if (index < 0) {
            throw new IllegalArgumentException("no band for " + grade);
        }
        return index == 0 ? maxScore : minScore.get(RATED.get(index - 1)) - 1;
    }
}
