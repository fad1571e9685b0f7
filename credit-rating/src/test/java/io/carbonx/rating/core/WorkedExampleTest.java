package io.carbonx.rating.core;

import static io.carbonx.rating.core.Facts.DAY;
import static org.assertj.core.api.Assertions.assertThat;

import io.carbonx.events.CreditGrade;
import io.carbonx.events.DefaultKind;
import io.carbonx.rating.core.config.ScorecardConfig;
import org.junit.jupiter.api.Test;

/** The worked example of credit-rating/README.md, number for number: if this fails, the README is wrong. */
class WorkedExampleTest {

    private final Facts f = new Facts();
    private final CreditRatingModel model = new CreditRatingModel(ScorecardConfig.defaults());

    @Test
    void readmeWorkedExampleHoldsNumberForNumber() {
        RatingChange first = model.apply(f.appeared("acme", 0)).changes().get(0);
        assertThat(first.previousGrade()).isEqualTo(CreditGrade.UNRATED);
        assertThat(first.score()).isEqualTo(600);
        assertThat(first.grade()).isEqualTo(CreditGrade.BBB);

        for (int day = 1; day <= 40; day++) {
            model.apply(f.settled("acme", "mill", day * DAY, 1_000_000L));
        }
        RatingChange day120 = model.reassess("acme", 120 * DAY).changes().get(0);
        assertThat(day120.score()).isEqualTo(720);
        assertThat(day120.grade()).isEqualTo(CreditGrade.A);
        assertThat(day120.breakdown().points(Factor.TENURE)).isEqualTo(40);
        assertThat(day120.breakdown().points(Factor.CLEAN_SETTLEMENTS)).isEqualTo(80);

        RatingChange afterDefault = model.apply(f.defaulted("acme", 120 * DAY, DefaultKind.PAYMENT, 5_000_000L))
                .changes().get(0);
        assertThat(afterDefault.breakdown().points(Factor.DEFAULTS)).isEqualTo(-200);
        assertThat(afterDefault.score()).isEqualTo(520);
        assertThat(afterDefault.grade()).isEqualTo(CreditGrade.BB);

        RatingChange afterForfeit = model.apply(f.forfeited("acme", 120 * DAY, 5_000_000L)).changes().get(0);
        assertThat(afterForfeit.breakdown().points(Factor.DEPOSIT_FORFEITS)).isEqualTo(-50);
        assertThat(afterForfeit.score()).isEqualTo(470);
        assertThat(afterForfeit.grade()).isEqualTo(CreditGrade.B);

        Rating halfway = model.ratingAt("acme", 210 * DAY).orElseThrow();
        assertThat(halfway.breakdown().byName()).containsEntry("TENURE", 70).containsEntry("DEFAULTS", -150)
                .containsEntry("DEPOSIT_FORFEITS", -38);
        assertThat(halfway.score()).isEqualTo(562);
        assertThat(halfway.grade()).isEqualTo(CreditGrade.BB);

        RatingChange oneHalfLife = model.reassess("acme", 300 * DAY).changes().get(0);
        assertThat(oneHalfLife.breakdown().byName()).containsEntry("TENURE", 100).containsEntry("DEFAULTS", -100)
                .containsEntry("DEPOSIT_FORFEITS", -25);
        assertThat(oneHalfLife.score()).isEqualTo(655);
        assertThat(oneHalfLife.grade()).isEqualTo(CreditGrade.BBB);

        RatingChange twoHalfLives = model.reassess("acme", 480 * DAY).changes().get(0);
        assertThat(twoHalfLives.breakdown().byName()).containsEntry("TENURE", 150).containsEntry("DEFAULTS", -50)
                .containsEntry("DEPOSIT_FORFEITS", -13);
        assertThat(twoHalfLives.score()).isEqualTo(767);
        assertThat(twoHalfLives.grade()).isEqualTo(CreditGrade.A);
        assertThat(twoHalfLives.breakdown().total()).isEqualTo(767);
    }
}
