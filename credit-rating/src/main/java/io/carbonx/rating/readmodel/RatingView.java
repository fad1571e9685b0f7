package io.carbonx.rating.readmodel;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.carbonx.events.CreditGrade;
import io.carbonx.events.CreditRatingChanged;
import io.carbonx.events.RatingFactor;

/**
 * One published rating change as the read model serves it.
 *
 * @param eventId        the CreditRatingChanged event id
 * @param participantId  the participant
 * @param score          the new score
 * @param grade          the new grade
 * @param previousScore  the score before (0 for a first rating)
 * @param previousGrade  the grade before (UNRATED for a first rating)
 * @param causeEventId   the event that caused the change
 * @param causeEventType its type, e.g. {@code DefaultRecorded}
 * @param logicalTimeMs  the logical time of the change (the cause's logical time)
 * @param modelVersion   the scorecard version that computed it
 * @param breakdown      the score's lines in factor order; their points sum to {@code score}
 */
public record RatingView(String eventId, String participantId, int score, CreditGrade grade, int previousScore,
                         CreditGrade previousGrade, String causeEventId, String causeEventType, long logicalTimeMs,
                         String modelVersion, List<FactorLine> breakdown) {

    /**
     * One breakdown line.
     *
     * @param factor the factor name, e.g. {@code DEFAULTS}
     * @param points its signed contribution
     * @param detail how the points were computed
     */
    public record FactorLine(String factor, int points, String detail) {
        public FactorLine {
            Objects.requireNonNull(factor, "factor");
            Objects.requireNonNull(detail, "detail");
        }
    }

    public RatingView {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(participantId, "participantId");
        Objects.requireNonNull(grade, "grade");
        Objects.requireNonNull(previousGrade, "previousGrade");
        Objects.requireNonNull(causeEventId, "causeEventId");
        Objects.requireNonNull(causeEventType, "causeEventType");
        Objects.requireNonNull(modelVersion, "modelVersion");
        breakdown = List.copyOf(breakdown);
    }

    /** @return the view of a published event */
    public static RatingView of(CreditRatingChanged event) {
        List<FactorLine> lines = new ArrayList<>(event.getFactors().size());
        for (RatingFactor f : event.getFactors()) {
            lines.add(new FactorLine(f.getFactor(), f.getPoints(), f.getDetail()));
        }
        return new RatingView(event.getEnvelope().getEventId(), event.getParticipantId(), event.getScore(),
                event.getGrade(), event.getPreviousScore(), event.getPreviousGrade(), event.getCauseEventId(),
                event.getCauseEventType(), event.getEnvelope().getLogicalTime(), event.getModelVersion(), lines);
    }
}
