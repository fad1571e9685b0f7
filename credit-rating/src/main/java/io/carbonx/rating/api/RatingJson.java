package io.carbonx.rating.api;

import io.carbonx.events.CreditGrade;
import io.carbonx.rating.core.config.GradeEffects;
import io.carbonx.rating.core.config.RatingPolicy;
import io.carbonx.rating.readmodel.RatingView;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** JSON shapes of the rating endpoints (documented on {@link RatingApi}). */
public final class RatingJson {

    private RatingJson() {
    }

    /** @return a rating change: ids, scores, grades, cause, time, model version and breakdown */
    public static JsonObject view(RatingView v) {
        JsonArray breakdown = new JsonArray();
        for (RatingView.FactorLine line : v.breakdown()) {
            breakdown.add(new JsonObject().put("factor", line.factor()).put("points", line.points())
                    .put("detail", line.detail()));
        }
        return new JsonObject()
                .put("participantId", v.participantId())
                .put("score", v.score())
                .put("grade", v.grade().name())
                .put("previousScore", v.previousScore())
                .put("previousGrade", v.previousGrade().name())
                .put("causeEventId", v.causeEventId())
                .put("causeEventType", v.causeEventType())
                .put("logicalTimeMs", v.logicalTimeMs())
                .put("eventId", v.eventId())
                .put("modelVersion", v.modelVersion())
                .put("breakdown", breakdown);
    }

    /** @return what a grade means for trading */
    public static JsonObject effects(CreditGrade grade, GradeEffects e) {
        return new JsonObject()
                .put("grade", grade.name())
                .put("depositShareBps", e.depositShareBps())
                .put("priorityTier", e.priorityTier())
                .put("maxOpenNotionalMinor", e.maxOpenNotionalMinor())
                .put("canOpenOrders", e.canOpenOrders());
    }

    /** @return {@code {"grades": [effects of AAA, ..., D, UNRATED]}} */
    public static JsonObject policy(RatingPolicy policy) {
        JsonArray grades = new JsonArray();
        for (CreditGrade grade : CreditGrade.values()) {
            grades.add(effects(grade, policy.effects(grade)));
        }
        return new JsonObject().put("grades", grades);
    }
}
