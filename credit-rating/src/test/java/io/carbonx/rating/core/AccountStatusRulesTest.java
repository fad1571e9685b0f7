package io.carbonx.rating.core;

import static io.carbonx.rating.core.Facts.DAY;
import static org.assertj.core.api.Assertions.assertThat;

import io.carbonx.events.CreditGrade;
import io.carbonx.rating.core.config.ScorecardConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Freeze caps at CCC, cancellation is D and final; invalid status transitions are refused and change nothing. */
class AccountStatusRulesTest {

    private final Facts f = new Facts();
    private final CreditRatingModel model = new CreditRatingModel(ScorecardConfig.defaults());

    @BeforeEach
    void aaaParticipant() {
        model.apply(f.appeared("p", 0));
        for (int i = 0; i < 75; i++) {
            model.apply(f.settled("p", "q", 0, 10_000));
        }
        model.onTick(450 * DAY);
        assertThat(model.gradeOf("p")).isEqualTo(CreditGrade.AAA);
    }

    @Test
    void givenFrozenAccount_thenScoreCappedAtTopOfCcc() {
        RatingChange c = model.apply(f.frozen("p", 450 * DAY)).changes().get(0);
        assertThat(c.score()).isEqualTo(399);
        assertThat(c.grade()).isEqualTo(CreditGrade.CCC);
        assertThat(c.breakdown().points(Factor.FREEZES)).isEqualTo(-100);
        assertThat(c.breakdown().points(Factor.ACCOUNT_STATUS)).isEqualTo(399 - 800);
        assertThat(model.statusOf("p")).contains(AccountStatus.FROZEN);
    }

    @Test
    void givenFrozenAccount_thenTimeAloneCannotLiftItAboveCcc() {
        model.apply(f.frozen("p", 450 * DAY));
        assertThat(model.onTick(10_000 * DAY).changes()).noneMatch(change -> change.participantId().equals("p"));
        assertThat(model.ratingAt("p", 10_000 * DAY).orElseThrow().grade()).isEqualTo(CreditGrade.CCC);
    }

    @Test
    void givenUnfrozenAccount_thenCapLiftedButFreezeCostRemains() {
        model.apply(f.frozen("p", 450 * DAY));
        RatingChange c = model.apply(f.unfrozen("p", 450 * DAY)).changes().get(0);
        assertThat(c.score()).isEqualTo(800);
        assertThat(c.grade()).isEqualTo(CreditGrade.AA);
        assertThat(model.statusOf("p")).contains(AccountStatus.ACTIVE);
    }

    @Test
    void givenCancelledAccount_thenGradeIsD() {
        RatingChange c = model.apply(f.cancelled("p", 450 * DAY)).changes().get(0);
        assertThat(c.grade()).isEqualTo(CreditGrade.D);
        assertThat(c.score()).isEqualTo(299);
        assertThat(model.onTick(10_000 * DAY).changes()).noneMatch(change -> change.participantId().equals("p"));
        model.apply(f.compliance("p", 10_000 * DAY, 0));
        assertThat(model.gradeOf("p")).isEqualTo(CreditGrade.D);
    }

    @Test
    void givenFrozenThenCancelled_thenD() {
        model.apply(f.frozen("p", 450 * DAY));
        assertThat(model.apply(f.cancelled("p", 451 * DAY)).changes().get(0).grade()).isEqualTo(CreditGrade.D);
    }

    @Test
    void givenCancelledAccount_whenStatusChanges_thenRefusedAsFinal() {
        model.apply(f.cancelled("p", 450 * DAY));
        String before = model.stateHash();
        assertThat(model.apply(f.unfrozen("p", 451 * DAY)).rejection()).isEqualTo(RejectReason.ACCOUNT_CANCELLED);
        assertThat(model.apply(f.frozen("p", 451 * DAY)).rejection()).isEqualTo(RejectReason.ACCOUNT_CANCELLED);
        assertThat(model.apply(f.cancelled("p", 451 * DAY)).rejection()).isEqualTo(RejectReason.ACCOUNT_CANCELLED);
        assertThat(model.stateHash()).isEqualTo(before);
    }

    @Test
    void givenFrozenAccount_whenFrozenAgain_thenRefusedAndNoSecondFreezeCost() {
        model.apply(f.frozen("p", 450 * DAY));
        String before = model.stateHash();
        RatingOutcome again = model.apply(f.frozen("p", 451 * DAY));
        assertThat(again.rejection()).isEqualTo(RejectReason.ALREADY_FROZEN);
        assertThat(again.changes()).isEmpty();
        assertThat(model.stateHash()).isEqualTo(before);
    }

    @Test
    void givenActiveOrUnknownAccount_whenUnfrozen_thenRefused() {
        String before = model.stateHash();
        assertThat(model.apply(f.unfrozen("p", 451 * DAY)).rejection()).isEqualTo(RejectReason.NOT_FROZEN);
        assertThat(model.apply(f.unfrozen("ghost", 451 * DAY)).rejection()).isEqualTo(RejectReason.NOT_FROZEN);
        assertThat(model.participantIds()).doesNotContain("ghost");
        assertThat(model.stateHash()).isEqualTo(before);
    }
}
