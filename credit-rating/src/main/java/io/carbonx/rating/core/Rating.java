package io.carbonx.rating.core;

import io.carbonx.events.CreditGrade;

/**
 * A participant's score and grade evaluated at one logical time.
 *
 * @param score     the score, in [0, maxScore]; equals {@code breakdown.total()}
 * @param grade     the grade of the score's band (after the account status cap)
 * @param breakdown the points of every factor
 * @param atMs      the logical time of the evaluation
 */
public record Rating(int score, CreditGrade grade, ScoreBreakdown breakdown, long atMs) {
}
