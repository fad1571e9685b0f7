package io.carbonx.rating.core;

import static io.carbonx.rating.core.Facts.DAY;
import static org.assertj.core.api.Assertions.assertThat;

import io.carbonx.events.DefaultKind;
import io.carbonx.rating.core.config.ScorecardConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The words behind every breakdown line: stable text from integers only. */
class BreakdownDetailsTest {

    private final CreditRatingModel model = new CreditRatingModel(ScorecardConfig.defaults());
    private final Facts f = new Facts();

    @Test
    void explainsEveryLineOfAFreshParticipant() {
        model.apply(f.appeared("acme", 0));
        Map<Factor, String> d = model.explain("acme", 45 * DAY).orElseThrow();
        assertThat(d).containsOnlyKeys(Factor.values());
        assertThat(d.get(Factor.BASE)).isEqualTo("base score 600");
        assertThat(d.get(Factor.TENURE)).isEqualTo("1 periods of 30.0d since first seen x 10, cap 150");
        assertThat(d.get(Factor.CLEAN_SETTLEMENTS)).isEqualTo("0 clean settlements x 2, cap 150");
        assertThat(d.get(Factor.CLEAN_COMPLIANCE)).isEqualTo("0 clean compliance periods x 25, cap 100");
        assertThat(d.get(Factor.DEFAULTS)).isEqualTo("none");
        assertThat(d.get(Factor.SCORE_RANGE)).isEqualTo("within [0, 1000]");
        assertThat(d.get(Factor.ACCOUNT_STATUS)).isEqualTo("ACTIVE: no cap");
    }

    @Test
    void listsDecayingEntriesWithTheirAgesAndStatusCap() {
        model.apply(f.appeared("acme", 0));
        model.apply(f.defaulted("acme", 0, DefaultKind.PAYMENT, 5_000_000L));
        model.apply(f.frozen("acme", 36 * DAY + DAY / 2));
        Map<Factor, String> d = model.explain("acme", 90 * DAY).orElseThrow();
        assertThat(d.get(Factor.DEFAULTS)).isEqualTo("1 entry, half-life 180.0d: 200 at age 90.0d");
        assertThat(d.get(Factor.FREEZES)).isEqualTo("1 entry, half-life 180.0d: 100 at age 53.5d");
        assertThat(d.get(Factor.ACCOUNT_STATUS)).isEqualTo("FROZEN: capped at 399");
    }

    @Test
    void abbreviatesLongListsAndReportsTheClamp() {
        model.apply(f.appeared("acme", 0));
        for (int i = 0; i < 10; i++) {
            model.apply(f.defaulted("acme", 0, DefaultKind.PAYMENT, 500_000_000L));
        }
        Rating rating = model.ratingAt("acme", 0).orElseThrow();
        Map<Factor, String> d = model.explain("acme", 0).orElseThrow();
        assertThat(d.get(Factor.DEFAULTS)).startsWith("10 entries, half-life 180.0d: 340 at age 0.0d, ")
                .endsWith(", +2 more");
        assertThat(rating.score()).isZero();
        assertThat(d.get(Factor.SCORE_RANGE)).isEqualTo("sum -2800 clamped into [0, 1000]");
    }

    @Test
    void unknownParticipantHasNoExplanation() {
        assertThat(model.explain("nobody", 0)).isEmpty();
    }

    @Test
    void formatsDurationsAsTruncatedDays() {
        assertThat(BreakdownDetails.days(0)).isEqualTo("0.0d");
        assertThat(BreakdownDetails.days(DAY * 37 + DAY / 2)).isEqualTo("37.5d");
        assertThat(BreakdownDetails.days(DAY - 1)).isEqualTo("0.9d");
    }
}
