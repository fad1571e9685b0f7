package io.carbonx.rating.testing;

import java.util.ArrayList;
import java.util.List;

import io.carbonx.events.CreditGrade;
import io.carbonx.events.CreditRatingChanged;
import io.carbonx.events.EventEnvelope;
import io.carbonx.events.RatingFactor;
import io.carbonx.rating.core.Factor;

/** Hand-made CreditRatingChanged events for read model and API tests. */
public final class Ratings {

    private Ratings() {
    }

    /** A change of {@code p} to {@code score}/{@code grade}; the breakdown is BASE = score, the rest 0. */
    public static CreditRatingChanged change(String eventId, String p, int previousScore, CreditGrade previous,
                                             int score, CreditGrade grade, String cause, long t) {
        List<RatingFactor> factors = new ArrayList<>();
        for (Factor f : Factor.values()) {
            factors.add(new RatingFactor(f.name(), f == Factor.BASE ? score : 0, "detail of " + f));
        }
        return new CreditRatingChanged(new EventEnvelope(eventId, "CreditRatingChanged", cause, t, "credit-rating"),
                p, previousScore, score, previous, grade, cause, "DefaultRecorded", "scorecard-v1/test", factors);
    }
}
