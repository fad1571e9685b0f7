package io.carbonx.rating.core;

import static io.carbonx.rating.core.Facts.DAY;
import static org.assertj.core.api.Assertions.assertThat;

import io.carbonx.events.CreditGrade;
import io.carbonx.events.DefaultKind;
import io.carbonx.rating.core.config.ScorecardConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Scenario tests of the scorecard's rules, one rule per test, with the default configuration. */
class ScorecardRulesTest {

    private final Facts f = new Facts();
    private final CreditRatingModel model = new CreditRatingModel(ScorecardConfig.defaults());

    private int score(String p, long t) {
        return model.ratingAt(p, t).orElseThrow().score();
    }

    @Test
    void givenUnknownParticipant_thenUnrated() {
        assertThat(model.gradeOf("nobody")).isEqualTo(CreditGrade.UNRATED);
        assertThat(model.currentRating("nobody")).isEmpty();
        assertThat(model.ratingAt("nobody", 0)).isEmpty();
    }

    @Test
    void givenFirstAppearance_thenRatedAtBaseScoreFromUnrated() {
        List<RatingChange> changes = model.apply(f.appeared("p", 5 * DAY)).changes();
        assertThat(changes).singleElement().satisfies(c -> {
            assertThat(c.participantId()).isEqualTo("p");
            assertThat(c.previousGrade()).isEqualTo(CreditGrade.UNRATED);
            assertThat(c.previousScore()).isZero();
            assertThat(c.score()).isEqualTo(600);
            assertThat(c.grade()).isEqualTo(CreditGrade.BBB);
            assertThat(c.causeEventId()).isEqualTo("e1");
            assertThat(c.timeMs()).isEqualTo(5 * DAY);
            assertThat(c.breakdown().byName()).containsEntry("BASE", 600).hasSize(Factor.values().length);
        });
    }

    @Test
    void givenCleanHistory_thenRisesToTopGrade() {
        model.apply(f.appeared("p", 0));
        for (int i = 0; i < 75; i++) {
            model.apply(f.settled("p", "q", i * DAY, 10_000));
        }
        assertThat(model.gradeOf("p")).isEqualTo(CreditGrade.A);
        RatingChange top = model.onTick(450 * DAY).changes().stream()
                .filter(c -> c.participantId().equals("p")).findFirst().orElseThrow();
        assertThat(top.score()).isEqualTo(900);
        assertThat(top.grade()).isEqualTo(CreditGrade.AAA);
        assertThat(top.causeEventId()).isEqualTo("tick@" + 450 * DAY);
        model.apply(f.compliance("p", 451 * DAY, 0));
        assertThat(model.currentRating("p").orElseThrow().score()).isEqualTo(925);
    }

    @Test
    void givenCleanSettlements_thenCreditIsCapped() {
        model.apply(f.appeared("p", 0));
        for (int i = 0; i < 200; i++) {
            model.apply(f.settled("p", "q", 0, 10_000));
        }
        assertThat(model.ratingAt("p", 0).orElseThrow().breakdown().points(Factor.CLEAN_SETTLEMENTS)).isEqualTo(150);
    }

    @Test
    void givenTradeSettled_thenBothPartiesCreditedBuyerFirst() {
        model.apply(f.appeared("b", 0));
        model.apply(f.appeared("s", 0));
        List<RatingChange> changes = model.apply(f.settled("b", "s", DAY, 100)).changes();
        assertThat(changes).extracting(RatingChange::participantId).containsExactly("b", "s");
        assertThat(changes).allSatisfy(c -> assertThat(c.score()).isEqualTo(602));
    }

    @Test
    void givenSettlementBelowMinimumNotional_thenNoCredit() {
        CreditRatingModel strict = new CreditRatingModel(
                ScorecardConfig.builder().cleanSettlement(2, 150, 1_000).build());
        strict.apply(f.appeared("b", 0));
        strict.apply(f.appeared("s", 0));
        assertThat(strict.apply(f.settled("b", "s", 0, 999)).changes()).isEmpty();
        assertThat(strict.apply(f.settled("b", "s", 0, 1_000)).changes()).hasSize(2);
    }

    @Test
    void givenTenure_thenTenPointsPerThirtyDaysCappedAt150() {
        model.apply(f.appeared("p", 0));
        assertThat(score("p", 30 * DAY - 1)).isEqualTo(600);
        assertThat(score("p", 30 * DAY)).isEqualTo(610);
        assertThat(score("p", 449 * DAY)).isEqualTo(740);
        assertThat(score("p", 450 * DAY)).isEqualTo(750);
        assertThat(score("p", 4_500 * DAY)).isEqualTo(750);
    }

    @Test
    void givenDefault_thenCostIsAmountBandTimesKindWeight() {
        long[] amounts = {0, 99_999, 100_000, 999_999, 1_000_000, 10_000_000, 100_000_000, Long.MAX_VALUE};
        int[] severities = {100, 100, 150, 150, 200, 260, 340, 340};
        for (int i = 0; i < amounts.length; i++) {
            for (DefaultKind kind : DefaultKind.values()) {
                CreditRatingModel m = new CreditRatingModel(ScorecardConfig.defaults());
                m.apply(f.appeared("p", 0));
                RatingChange c = m.apply(f.defaulted("p", 0, kind, amounts[i])).changes().get(0);
                int pct = switch (kind) {
                    case PAYMENT, DELIVERY -> 100;
                    case EXTERNAL_BANK -> 80;
                    case ARBITRATION_RULING -> 120;
                };
                assertThat(c.breakdown().points(Factor.DEFAULTS)).as("%s %d", kind, amounts[i])
                        .isEqualTo(-severities[i] * pct / 100);
                assertThat(c.score()).isEqualTo(600 - severities[i] * pct / 100);
            }
        }
    }

    @Test
    void givenPenalty_thenMonetaryUsesAmountBandAndNonMonetaryUsesShortfallBand() {
        model.apply(f.appeared("p", 0));
        model.apply(f.penalty("p", 0, 5_000_000, 500));
        assertThat(score("p", 0)).isEqualTo(600 - 100);
        model.apply(f.penalty("p", 0, 0, 500));
        assertThat(model.ratingAt("p", 0).orElseThrow().breakdown().points(Factor.PENALTIES)).isEqualTo(-130);
    }

    @Test
    void givenComplianceSettled_thenCleanEarnsAndShortfallCostsByBand() {
        model.apply(f.appeared("p", 0));
        model.apply(f.compliance("p", 0, 0));
        assertThat(score("p", 0)).isEqualTo(625);
        model.apply(f.compliance("p", 0, 1_000));
        Rating r = model.ratingAt("p", 0).orElseThrow();
        assertThat(r.breakdown().points(Factor.COMPLIANCE_SHORTFALLS)).isEqualTo(-90);
        assertThat(r.score()).isEqualTo(535);
    }

    @Test
    void givenManyDefaults_thenScoreFloorsAtZeroAndGradeIsD() {
        model.apply(f.appeared("p", 0));
        for (int i = 0; i < 10; i++) {
            model.apply(f.defaulted("p", 0, DefaultKind.ARBITRATION_RULING, Long.MAX_VALUE));
        }
        Rating r = model.ratingAt("p", 0).orElseThrow();
        assertThat(r.score()).isZero();
        assertThat(r.grade()).isEqualTo(CreditGrade.D);
        assertThat(r.breakdown().points(Factor.SCORE_RANGE)).isEqualTo(4_080 - 600);
        assertThat(r.breakdown().total()).isZero();
    }

    @Test
    void givenNoScoreOrGradeChange_thenNothingEmitted() {
        model.apply(f.appeared("p", 0));
        assertThat(model.apply(f.appeared("p", DAY)).changes()).isEmpty();
        assertThat(model.onTick(2 * DAY).changes()).isEmpty();
        assertThat(model.reassess("p", 2 * DAY).changes()).isEmpty();
        assertThat(model.currentRating("p").orElseThrow().causeEventId()).isEqualTo("e1");
    }

    @Test
    void givenLateFact_thenAppliedAtParticipantsLatestTime() {
        model.apply(f.appeared("p", 100 * DAY));
        RatingChange c = model.apply(f.defaulted("p", 10 * DAY, DefaultKind.PAYMENT, 0)).changes().get(0);
        assertThat(c.timeMs()).isEqualTo(100 * DAY);
        assertThat(c.breakdown().points(Factor.DEFAULTS)).isEqualTo(-100);
        assertThat(c.breakdown().points(Factor.TENURE)).isZero();
    }

    @Test
    void givenRecoveringParticipant_thenTickRegradesItWithoutNewFacts() {
        model.apply(f.appeared("p", 0));
        model.apply(f.defaulted("p", 0, DefaultKind.PAYMENT, 0));
        assertThat(model.gradeOf("p")).isEqualTo(CreditGrade.BB);
        RatingChange partial = model.onTick(60 * DAY).changes().get(0);
        assertThat(partial.score()).isEqualTo(600 + 20 - 83);
        assertThat(partial.grade()).isEqualTo(CreditGrade.BB);
        List<RatingChange> changes = model.onTick(180 * DAY).changes();
        assertThat(changes).singleElement().satisfies(c -> {
            assertThat(c.previousScore()).isEqualTo(537);
            assertThat(c.previousGrade()).isEqualTo(CreditGrade.BB);
            assertThat(c.score()).isEqualTo(600 + 60 - 50);
            assertThat(c.grade()).isEqualTo(CreditGrade.BBB);
            assertThat(c.causeEventId()).isEqualTo("tick@" + 180 * DAY);
        });
    }
}
