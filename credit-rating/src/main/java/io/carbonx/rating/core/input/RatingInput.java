package io.carbonx.rating.core.input;

import io.carbonx.events.DefaultKind;

/**
 * Everything the rating model consumes: the registry's facts about a participant, and the reassessment steps
 * ({@link Tick}, {@link Reassess}) that let decay re-grade a participant when no fact arrives. The integrator maps
 * the Avro events to these records; each carries the causing event's id and its logical time in milliseconds.
 *
 * <p>Facts are de-duplicated by {@link #eventId()}; ticks and reassessments are not (they are idempotent: running one
 * twice at the same time changes nothing the second time). Field checks (blank ids, negative amounts, …) are made by
 * the model, which rejects a bad input with a reason code and changes nothing.
 */
public sealed interface RatingInput {

    /** @return the id of the event that caused this input; the output's causing event id */
    String eventId();

    /** @return the logical time of the event, epoch milliseconds, ≥ 0 */
    long timeMs();

    /** A fact about participants, remembered by event id. */
    sealed interface Fact extends RatingInput {
    }

    /** A fact about one participant. */
    sealed interface ParticipantFact extends Fact {
        /** @return the participant the fact is about */
        String participantId();
    }

    /** The participant appeared (registered): tenure starts, unless an earlier input already started it. */
    record ParticipantAppeared(String eventId, long timeMs, String participantId) implements ParticipantFact {
    }

    /**
     * The participant defaulted on an obligation of {@code amountMinor} (≥ 0).
     *
     * @param kind why: payment, delivery, reported by a settlement bank, or an arbitration ruling
     */
    record DefaultRecorded(String eventId, long timeMs, String participantId, DefaultKind kind, long amountMinor)
            implements ParticipantFact {
    }

    /** The participant's deposit of {@code amountMinor} (≥ 0) was forfeited to a counterparty. */
    record DepositForfeited(String eventId, long timeMs, String participantId, long amountMinor)
            implements ParticipantFact {
    }

    /**
     * A compliance penalty: {@code amountMinor} (≥ 0) charged for a shortfall of {@code shortfallTonnes} (≥ 0). A
     * non-monetary penalty (carried forward, deducted from next allocation) has amount 0; both 0 is refused.
     */
    record PenaltyApplied(String eventId, long timeMs, String participantId, long amountMinor, long shortfallTonnes)
            implements ParticipantFact {
    }

    /** The account was frozen (ACTIVE → FROZEN). */
    record AccountFrozen(String eventId, long timeMs, String participantId) implements ParticipantFact {
    }

    /** The account was unfrozen (FROZEN → ACTIVE). */
    record AccountUnfrozen(String eventId, long timeMs, String participantId) implements ParticipantFact {
    }

    /** The account was cancelled (ACTIVE or FROZEN → CANCELLED, final). */
    record AccountCancelled(String eventId, long timeMs, String participantId) implements ParticipantFact {
    }

    /**
     * A trade settled cleanly: a clean settlement for both parties (buyer first in the output).
     *
     * @param notionalMinor the settled notional, ≥ 0; below the configured minimum it earns nothing
     */
    record TradeSettled(String eventId, long timeMs, String buyerId, String sellerId, long notionalMinor)
            implements Fact {
    }

    /** A compliance period was settled for the participant, with {@code shortfallTonnes} (≥ 0) missing; 0 is clean. */
    record ComplianceSettled(String eventId, long timeMs, String participantId, long shortfallTonnes)
            implements ParticipantFact {
    }

    /** Re-evaluate every known participant at {@code timeMs}. */
    record Tick(String eventId, long timeMs) implements RatingInput {
    }

    /** Re-evaluate one known participant at {@code timeMs}. */
    record Reassess(String eventId, long timeMs, String participantId) implements RatingInput {
    }
}
