package io.carbonx.rating.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.carbonx.events.DefaultKind;
import io.carbonx.rating.core.config.ScorecardConfig;
import io.carbonx.rating.core.input.RatingInput;
import io.carbonx.rating.core.input.RatingInput.DefaultRecorded;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * A default never raises a score: over random histories, the history with one more DefaultRecorded (appended at the
 * end, or inserted anywhere after the participant's first appearance) never scores that participant higher than the
 * same history without it, at every later step and at the same logical times; other participants are unaffected.
 */
class DefaultNeverRaisesScoreTest {

    private static final long DAY = Facts.DAY;
    private static final long REPLAY_HORIZON_DAYS = 7;

    @Property(tries = 400)
    void appendingADefaultNeverRaisesTheScore(@ForAll long seed, @ForAll @IntRange(min = 1, max = 80) int length) {
        List<RatingInput> history = recentReplaysOnly(Histories.random(seed, length));
        Random rnd = new Random(~seed);
        String p = anyParticipantOf(history, rnd);
        if (p == null) {
            return;
        }
        long last = history.get(history.size() - 1).timeMs();
        long t = last + rnd.nextInt(40) * DAY;
        checkInsertion(history, history.size(), defaultOf(rnd, p, t), p);
    }

    @Property(tries = 400)
    void insertingADefaultAfterFirstAppearanceNeverRaisesAnyLaterScore(@ForAll long seed,
            @ForAll @IntRange(min = 1, max = 80) int length) {
        List<RatingInput> history = recentReplaysOnly(Histories.random(seed, length));
        Random rnd = new Random(~seed);
        String p = anyParticipantOf(history, rnd);
        if (p == null) {
            return;
        }
        int first = firstAppearance(history, p);
        int at = first + 1 + rnd.nextInt(history.size() - first);
        long lo = history.get(at - 1).timeMs();
        long hi = at < history.size() ? history.get(at).timeMs() : lo + 40 * DAY;
        long t = lo + (hi == lo ? 0 : Math.floorMod(rnd.nextLong(), hi - lo + 1));
        checkInsertion(history, at, defaultOf(rnd, p, t), p);
    }

    /**
     * The history without replays of facts more than {@value #REPLAY_HORIZON_DAYS} days older than the newest input
     * before them. The model forgets event ids {@code dedupWindowMs} (30 days) behind the largest fact time it has
     * seen, and an inserted default may move that clock up to the next input's time earlier than the history alone
     * would (when the inputs in between are ticks or refused). A replay older than the window minus that shift can
     * then be refused as a duplicate in one model and accepted in the other: a case the README assigns to the event
     * log's exactly-once delivery, not to the model. Recent replays (within a week) stay, and must behave the same.
     */
    static List<RatingInput> recentReplaysOnly(List<RatingInput> history) {
        List<RatingInput> kept = new ArrayList<>(history.size());
        Set<String> ids = new HashSet<>();
        long newest = Long.MIN_VALUE;
        for (RatingInput input : history) {
            boolean replay = Histories.isFact(input) && ids.contains(input.eventId());
            if (replay && input.timeMs() < newest - REPLAY_HORIZON_DAYS * DAY) {
                continue;
            }
            kept.add(input);
            ids.add(input.eventId());
            newest = Math.max(newest, input.timeMs());
        }
        return kept;
    }

    private static void checkInsertion(List<RatingInput> history, int at, RatingInput extra, String p) {
        CreditRatingModel with = new CreditRatingModel(ScorecardConfig.defaults());
        CreditRatingModel without = new CreditRatingModel(ScorecardConfig.defaults());
        for (int i = 0; i < at; i++) {
            with.apply(history.get(i));
            without.apply(history.get(i));
        }
        assertThat(with.apply(extra).isAccepted()).isTrue();
        long now = extra.timeMs();
        compare(with, without, p, now);
        for (int i = at; i < history.size(); i++) {
            RatingInput input = history.get(i);
            RatingOutcome a = with.apply(input);
            RatingOutcome b = without.apply(input);
            assertThat(a.rejection()).as("same acceptance of %s", input).isEqualTo(b.rejection());
            assertThat(a.changes()).filteredOn(c -> !c.participantId().equals(p))
                    .isEqualTo(b.changes().stream().filter(c -> !c.participantId().equals(p)).toList());
            now = Math.max(now, input.timeMs());
            compare(with, without, p, now);
        }
        for (int k = 1; k <= 6; k++) {
            compare(with, without, p, now + k * 90 * DAY);
        }
    }

    private static void compare(CreditRatingModel with, CreditRatingModel without, String p, long t) {
        for (String q : without.participantIds()) {
            Rating a = with.ratingAt(q, t).orElseThrow();
            Rating b = without.ratingAt(q, t).orElseThrow();
            if (q.equals(p)) {
                assertThat(a.score()).as("%s at %d with the default", q, t).isLessThanOrEqualTo(b.score());
                assertThat(a.grade().ordinal()).as("grade of %s at %d", q, t).isGreaterThanOrEqualTo(b.grade().ordinal());
            } else {
                assertThat(a).as("%s is unaffected", q).isEqualTo(b);
            }
        }
    }

    private static RatingInput defaultOf(Random rnd, String p, long t) {
        return new DefaultRecorded("extra-default", t, p, DefaultKind.values()[rnd.nextInt(4)],
                Histories.amount(rnd));
    }

    private static String anyParticipantOf(List<RatingInput> history, Random rnd) {
        CreditRatingModel probe = new CreditRatingModel(ScorecardConfig.defaults());
        history.forEach(probe::apply);
        List<String> known = List.copyOf(probe.participantIds());
        return known.isEmpty() ? null : known.get(rnd.nextInt(known.size()));
    }

    /** @return the index of the first accepted fact naming {@code p} */
    private static int firstAppearance(List<RatingInput> history, String p) {
        CreditRatingModel probe = new CreditRatingModel(ScorecardConfig.defaults());
        for (int i = 0; i < history.size(); i++) {
            probe.apply(history.get(i));
            if (probe.participantIds().contains(p)) {
                return i;
            }
        }
        throw new IllegalStateException(p + " never appears");
    }
}
