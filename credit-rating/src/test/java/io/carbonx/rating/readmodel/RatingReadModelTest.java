package io.carbonx.rating.readmodel;

import static io.carbonx.rating.testing.Ratings.change;
import static org.assertj.core.api.Assertions.assertThat;

import io.carbonx.events.CreditGrade;
import org.junit.jupiter.api.Test;

/** The read model: current rating, full history in publication order, the list, duplicates ignored. */
class RatingReadModelTest {

    private final RatingReadModel model = new RatingReadModel();

    @Test
    void keepsTheFullHistoryAndTheLatestAsCurrent() {
        model.apply(change("r1", "acme", 0, CreditGrade.UNRATED, 600, CreditGrade.BBB, "e1", 10));
        model.apply(change("r2", "beta", 0, CreditGrade.UNRATED, 600, CreditGrade.BBB, "e2", 11));
        model.apply(change("r3", "acme", 600, CreditGrade.BBB, 400, CreditGrade.B, "e3", 12));

        assertThat(model.current("acme")).get().satisfies(v -> {
            assertThat(v.score()).isEqualTo(400);
            assertThat(v.grade()).isEqualTo(CreditGrade.B);
            assertThat(v.previousScore()).isEqualTo(600);
            assertThat(v.previousGrade()).isEqualTo(CreditGrade.BBB);
            assertThat(v.causeEventId()).isEqualTo("e3");
            assertThat(v.logicalTimeMs()).isEqualTo(12);
            assertThat(v.breakdown()).hasSize(11);
            assertThat(v.breakdown().get(0).points()).isEqualTo(400);
        });
        assertThat(model.history("acme")).extracting(RatingView::eventId).containsExactly("r1", "r3");
        assertThat(model.all()).extracting(RatingView::participantId).containsExactly("acme", "beta");
        assertThat(model.all()).extracting(RatingView::eventId).containsExactly("r3", "r2");
        assertThat(model.participants()).isEqualTo(2);
    }

    @Test
    void ignoresAnEventItAlreadyApplied() {
        assertThat(model.apply(change("r1", "acme", 0, CreditGrade.UNRATED, 600, CreditGrade.BBB, "e1", 10)))
                .isTrue();
        assertThat(model.apply(change("r1", "acme", 0, CreditGrade.UNRATED, 600, CreditGrade.BBB, "e1", 10)))
                .isFalse();
        assertThat(model.history("acme")).hasSize(1);
        assertThat(model.changesApplied()).isEqualTo(1);
    }

    @Test
    void unknownParticipantHasNoRating() {
        assertThat(model.current("nobody")).isEmpty();
        assertThat(model.history("nobody")).isEmpty();
        assertThat(model.current(null)).isEmpty();
        assertThat(model.all()).isEmpty();
    }
}
