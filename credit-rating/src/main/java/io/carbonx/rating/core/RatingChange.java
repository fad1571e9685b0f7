package io.carbonx.rating.core;

import io.carbonx.events.CreditGrade;

/**
 * A participant's rating moved: the model's output, emitted when (and only when) the score or the grade changes.
 * Maps one to one onto the CreditRatingChanged event.
 *
 * @param participantId the participant
 * @param previousScore the score published before, 0 when {@code previousGrade} is UNRATED
 * @param score         the new score
 * @param previousGrade the grade published before, UNRATED for a participant's first rating
 * @param grade         the new grade
 * @param causeEventId  the event (fact, tick or reassessment) that caused the change
 * @param timeMs        the logical time the rating was evaluated at
 * @param breakdown     the points of every factor of the new score, so anyone can see why
 */
public record RatingChange(String participantId, int previousScore, int score, CreditGrade previousGrade,
        CreditGrade grade, String causeEventId, long timeMs, ScoreBreakdown breakdown) {
}
