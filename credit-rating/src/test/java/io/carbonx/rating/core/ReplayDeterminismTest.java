package io.carbonx.rating.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.carbonx.rating.core.config.ScorecardConfig;
import io.carbonx.rating.core.input.RatingInput;
import io.carbonx.rating.core.input.RatingInput.Reassess;
import io.carbonx.rating.core.input.RatingInput.Tick;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Replay gives identical ratings: the same history twice gives the same outputs and state hash; a history split
 * anywhere, snapshotted and resumed in a fresh model gives the same outputs and hash as running it in one go; and
 * the scorecard's invariants hold after every step.
 */
class ReplayDeterminismTest {

    private static List<RatingOutcome> run(CreditRatingModel model, List<RatingInput> inputs) {
        List<RatingOutcome> out = new ArrayList<>(inputs.size());
        inputs.forEach(i -> out.add(model.apply(i)));
        return out;
    }

    @Property(tries = 200)
    void sameHistoryTwiceGivesSameOutputsAndStateHash(@ForAll long seed,
            @ForAll @IntRange(min = 0, max = 150) int length) {
        List<RatingInput> history = Histories.random(seed, length);
        CreditRatingModel a = new CreditRatingModel(ScorecardConfig.defaults());
        CreditRatingModel b = new CreditRatingModel(ScorecardConfig.defaults());
        assertThat(run(a, history)).isEqualTo(run(b, history));
        assertThat(a.stateHash()).isEqualTo(b.stateHash());
        assertThat(a.snapshot()).isEqualTo(b.snapshot());
    }

    @Property(tries = 200)
    void historySplitAndResumedFromSnapshotGivesSameOutputsAndStateHash(@ForAll long seed,
            @ForAll @IntRange(min = 0, max = 150) int length, @ForAll @IntRange(min = 0, max = 150) int cut) {
        List<RatingInput> history = Histories.random(seed, length);
        int split = Math.min(cut, history.size());
        CreditRatingModel whole = new CreditRatingModel(ScorecardConfig.defaults());
        List<RatingOutcome> wholeOut = run(whole, history);

        CreditRatingModel first = new CreditRatingModel(ScorecardConfig.defaults());
        run(first, history.subList(0, split));
        byte[] snapshot = first.snapshot();
        CreditRatingModel resumed = CreditRatingModel.restore(ScorecardConfig.defaults(), snapshot);
        assertThat(resumed.snapshot()).isEqualTo(snapshot);
        assertThat(resumed.stateHash()).isEqualTo(first.stateHash());

        List<RatingOutcome> rest = run(resumed, history.subList(split, history.size()));
        assertThat(rest).isEqualTo(wholeOut.subList(split, wholeOut.size()));
        assertThat(resumed.stateHash()).isEqualTo(whole.stateHash());
    }

    @Property(tries = 200)
    void ratingAfterFactsDoesNotDependOnTicks(@ForAll long seed, @ForAll @IntRange(min = 0, max = 150) int length) {
        List<RatingInput> history = Histories.random(seed, length);
        List<RatingInput> factsOnly = history.stream()
                .filter(i -> !(i instanceof Tick) && !(i instanceof Reassess)).toList();
        CreditRatingModel ticked = new CreditRatingModel(ScorecardConfig.defaults());
        CreditRatingModel plain = new CreditRatingModel(ScorecardConfig.defaults());
        run(ticked, history);
        run(plain, factsOnly);
        long end = history.isEmpty() ? 0 : history.get(history.size() - 1).timeMs();
        assertThat(ticked.participantIds()).isEqualTo(plain.participantIds());
        for (String p : plain.participantIds()) {
            assertThat(ticked.ratingAt(p, end)).isEqualTo(plain.ratingAt(p, end));
            assertThat(ticked.statusOf(p)).isEqualTo(plain.statusOf(p));
        }
    }

    @Property(tries = 200)
    void invariantsHoldAfterEveryStep(@ForAll long seed, @ForAll @IntRange(min = 0, max = 150) int length) {
        ScorecardConfig config = ScorecardConfig.defaults();
        CreditRatingModel model = new CreditRatingModel(config);
        for (RatingInput input : Histories.random(seed, length)) {
            String before = model.stateHash();
            RatingOutcome outcome = model.apply(input);
            if (!outcome.isAccepted()) {
                assertThat(model.stateHash()).as("rejected %s changed the state", input).isEqualTo(before);
                continue;
            }
            for (RatingChange c : outcome.changes()) {
                assertThat(c.score() != c.previousScore() || c.grade() != c.previousGrade()).isTrue();
                assertThat(c.causeEventId()).isEqualTo(input.eventId());
            }
            for (String p : Histories.participantsOf(input)) {
                RatingChange published = model.currentRating(p).orElseThrow();
                Rating now = model.ratingAt(p, 0).orElseThrow();
                assertThat(now.score()).isEqualTo(published.score());
                assertThat(now.grade()).isEqualTo(published.grade());
            }
            for (String p : model.participantIds()) {
                RatingChange r = model.currentRating(p).orElseThrow();
                assertThat(r.breakdown().total()).isEqualTo(r.score());
                assertThat(r.score()).isBetween(0, config.maxScore());
                assertThat(r.grade()).isEqualTo(config.gradeBands().gradeOf(r.score()));
                AccountStatus status = model.statusOf(p).orElseThrow();
                if (status == AccountStatus.FROZEN) {
                    assertThat(r.score()).isLessThan(config.gradeBands().min(io.carbonx.events.CreditGrade.B));
                } else if (status == AccountStatus.CANCELLED) {
                    assertThat(r.grade()).isEqualTo(io.carbonx.events.CreditGrade.D);
                }
            }
        }
    }
}
