package io.carbonx.rating.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.carbonx.events.DefaultKind;
import io.carbonx.rating.core.config.ScorecardConfig;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * Decay works as documented: after a default, the score recovers towards the no-default score as logical time
 * passes, monotonically, and k half-lives after the default the gap is exactly the default's documented points
 * divided by 2^k, rounded half up — 0 after twelve half-lives.
 */
class DecayRecoveryTest {

    private static final long DAY = Facts.DAY;
    private static final long HALF_LIFE = 180 * DAY;
    private static final int STEPS_PER_HALF_LIFE = 8;

    /** The documented default amount severity (README), independent of the code under test. */
    static int documentedSeverity(long amountMinor) {
        if (amountMinor < 100_000) {
            return 100;
        } else if (amountMinor < 1_000_000) {
            return 150;
        } else if (amountMinor < 10_000_000) {
            return 200;
        } else if (amountMinor < 100_000_000) {
            return 260;
        }
        return 340;
    }

    static int documentedKindPct(DefaultKind kind) {
        return switch (kind) {
            case PAYMENT, DELIVERY -> 100;
            case EXTERNAL_BANK -> 80;
            case ARBITRATION_RULING -> 120;
        };
    }

    /** @return round half up of {@code points / 2^k} */
    static long halved(int points, int k) {
        return k == 0 ? points : (2L * points + (1L << k)) >> (k + 1);
    }

    @Property(tries = 300)
    void scoreRecoversMonotonicallyAndHitsTheDocumentedGapAtEachHalfLife(@ForAll DefaultKind kind,
            @ForAll @LongRange(min = 0, max = 1_000_000_000_000L) long amountMinor,
            @ForAll @IntRange(min = 0, max = 80) int settlements,
            @ForAll @IntRange(min = 0, max = 600) int defaultDay,
            @ForAll @IntRange(min = 0, max = 86_399_999) int defaultOffsetMs) {
        Facts f = new Facts();
        CreditRatingModel with = new CreditRatingModel(ScorecardConfig.defaults());
        CreditRatingModel without = new CreditRatingModel(ScorecardConfig.defaults());
        for (CreditRatingModel m : new CreditRatingModel[] {with, without}) {
            m.apply(f.appeared("p", 0));
            for (int i = 0; i < settlements; i++) {
                m.apply(f.settled("p", "q", 0, 50_000));
            }
        }
        long t0 = defaultDay * DAY + defaultOffsetMs;
        with.apply(f.defaulted("p", t0, kind, amountMinor));
        int points = documentedSeverity(amountMinor) * documentedKindPct(kind) / 100;

        long previousGap = Long.MAX_VALUE;
        int previousScore = Integer.MIN_VALUE;
        for (int step = 0; step <= 12 * STEPS_PER_HALF_LIFE; step++) {
            long t = t0 + step * (HALF_LIFE / STEPS_PER_HALF_LIFE);
            Rating a = with.ratingAt("p", t).orElseThrow();
            int score = a.score();
            long gap = without.ratingAt("p", t).orElseThrow().score() - score;
            assertThat(gap).as("gap at step %d", step).isBetween(0L, previousGap);
            assertThat(score).as("score at step %d", step).isGreaterThanOrEqualTo(previousScore);
            if (step % STEPS_PER_HALF_LIFE == 0) {
                int k = step / STEPS_PER_HALF_LIFE;
                assertThat(gap).as("gap after %d half-lives", k).isEqualTo(halved(points, k));
                assertThat(a.breakdown().points(Factor.DEFAULTS)).isEqualTo(-halved(points, k));
            }
            previousGap = gap;
            previousScore = score;
        }
        assertThat(previousGap).isZero();
    }

    @Property(tries = 100)
    void reassessmentEmitsTheDecayedScoreAtEachHalfLife(@ForAll DefaultKind kind,
            @ForAll @LongRange(min = 0, max = 1_000_000_000_000L) long amountMinor) {
        Facts f = new Facts();
        CreditRatingModel model = new CreditRatingModel(ScorecardConfig.defaults());
        model.apply(f.appeared("p", 0));
        model.apply(f.defaulted("p", 0, kind, amountMinor));
        int points = documentedSeverity(amountMinor) * documentedKindPct(kind) / 100;
        for (int k = 1; k <= 10; k++) {
            long t = k * HALF_LIFE;
            model.reassess("p", t);
            RatingChange current = model.currentRating("p").orElseThrow();
            int tenure = (int) Math.min(150, t / (30 * DAY) * 10);
            assertThat(current.score()).as("after %d half-lives", k).isEqualTo(600 + tenure - (int) halved(points, k));
        }
    }
}
