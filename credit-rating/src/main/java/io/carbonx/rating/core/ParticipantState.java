package io.carbonx.rating.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What the model remembers of one participant. Mutable; owned by {@link CreditRatingModel}. Time never goes back
 * for a participant: {@link #lastMs} is the largest logical time of its facts, and a fact older than that is applied
 * at {@link #lastMs}.
 */
final class ParticipantState {

    final String participantId;
    /** Tenure starts here: the time of the first fact that named the participant. */
    final long firstSeenMs;
    long lastMs;
    AccountStatus status = AccountStatus.ACTIVE;
    long cleanSettlements;
    long cleanCompliance;
    private final List<NegativeEntry> negatives = new ArrayList<>();
    /** The last change emitted, or null before the first. */
    RatingChange published;

    ParticipantState(String participantId, long firstSeenMs) {
        this.participantId = participantId;
        this.firstSeenMs = firstSeenMs;
        this.lastMs = firstSeenMs;
    }

    /** @return the time this participant's facts are applied at: {@code max(lastMs, timeMs)}, remembered */
    long advanceTo(long timeMs) {
        lastMs = Math.max(lastMs, timeMs);
        return lastMs;
    }

    void addNegative(NegativeEntry entry) {
        if (entry.points() > 0) {
            negatives.add(entry);
        }
    }

    /** Forgets entries that have fully decayed at {@code atMs}: they can never count again. */
    void pruneDecayed(long atMs, long halfLifeMs) {
        negatives.removeIf(e -> Decay.weight(e.points(), atMs - e.timeMs(), halfLifeMs) == 0);
    }

    /** @return the live negative entries in the order they were applied */
    List<NegativeEntry> negatives() {
        return Collections.unmodifiableList(negatives);
    }

    static long increment(long count) {
        return count == Long.MAX_VALUE ? count : count + 1;
    }
}
