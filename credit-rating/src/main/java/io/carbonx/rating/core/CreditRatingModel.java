package io.carbonx.rating.core;

import io.carbonx.events.CreditGrade;
import io.carbonx.rating.core.config.ScorecardConfig;
import io.carbonx.rating.core.input.RatingInput;
import io.carbonx.rating.core.input.RatingInput.AccountCancelled;
import io.carbonx.rating.core.input.RatingInput.AccountFrozen;
import io.carbonx.rating.core.input.RatingInput.AccountUnfrozen;
import io.carbonx.rating.core.input.RatingInput.ComplianceSettled;
import io.carbonx.rating.core.input.RatingInput.DefaultRecorded;
import io.carbonx.rating.core.input.RatingInput.DepositForfeited;
import io.carbonx.rating.core.input.RatingInput.Fact;
import io.carbonx.rating.core.input.RatingInput.ParticipantFact;
import io.carbonx.rating.core.input.RatingInput.PenaltyApplied;
import io.carbonx.rating.core.input.RatingInput.Reassess;
import io.carbonx.rating.core.input.RatingInput.Tick;
import io.carbonx.rating.core.input.RatingInput.TradeSettled;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The credit rating model: a transparent scorecard folded over a participant's facts, deterministic and pure (no
 * clock, no randomness, no I/O; time comes with the input). Not thread-safe: one writer.
 *
 * <h2>The scorecard</h2>
 * A participant's score at logical time {@code t} is the sum of its {@link ScoreBreakdown} lines:
 * <pre>
 *   BASE                  baseScore                                                      (600)
 * + TENURE                min(tenureCap, ⌊(t − firstSeen) / tenurePeriod⌋ × tenurePoints)  (10 per 30 days, ≤ 150)
 * + CLEAN_SETTLEMENTS     min(cap, settlements × points)                                 (2 each, ≤ 150)
 * + CLEAN_COMPLIANCE      min(cap, clean compliance periods × points)                    (25 each, ≤ 100)
 * − DEFAULTS              Σ decay(amountSeverity(amount) × kindWeight% / 100)
 * − DEPOSIT_FORFEITS      Σ decay(amountSeverity(amount) × 25% )
 * − PENALTIES             Σ decay(severity × 50%)   severity: amount band, or shortfall band if amount = 0
 * − COMPLIANCE_SHORTFALLS Σ decay(shortfallSeverity(tonnes))
 * − FREEZES               Σ decay(freezePoints)                                          (100)
 * + SCORE_RANGE           clamps the sum into [0, maxScore]                              (1000)
 * + ACCOUNT_STATUS        frozen: at most the top of CCC (399); cancelled: at most the top of D (299)
 * </pre>
 * and its grade is the band the score falls in ({@link io.carbonx.rating.core.config.GradeBands}: AAA ≥ 900, AA ≥ 800,
 * A ≥ 700, BBB ≥ 600, BB ≥ 500, B ≥ 400, CCC ≥ 300, D ≥ 0). Amount severity (minor units): below 100 000 → 100,
 * below 1 000 000 → 150, below 10 000 000 → 200, below 100 000 000 → 260, else 340. Default kind weights: PAYMENT
 * 100 %, DELIVERY 100 %, EXTERNAL_BANK 80 %, ARBITRATION_RULING 120 %. Shortfall severity (tonnes): below 100 → 30,
 * below 1 000 → 60, below 10 000 → 90, below 100 000 → 120, else 160. All defaults are in {@link ScorecardConfig}.
 *
 * <p>{@code decay(P)} at age {@code a} halves P every {@code halfLifeMs} (180 days), linear within a half-life, in
 * integer fixed point ({@link Decay}); each negative factor's fixed-point sum is rounded half up to whole points.
 * No floating point anywhere: the same facts give the same scores on every machine. Positive factors do not decay.
 *
 * <h2>Inputs and outputs</h2>
 * {@link #apply(RatingInput)} takes one input and returns a {@link RatingOutcome}: the {@link RatingChange}s it caused
 * (a change is emitted when, and only when, a participant's score or grade differs from the one last emitted), or a
 * {@link RejectReason} when the input is refused — a refused input changes nothing. Facts are applied at
 * {@code max(fact time, the participant's latest fact time)}: time never runs backwards for a participant. The first
 * fact naming a participant starts its tenure. Decay is evaluated whenever an input arrives; {@link #onTick(long)} and
 * {@link #reassess(String, long)} re-evaluate without a fact so a recovering participant is re-graded. Ticks change
 * nothing but the last emitted rating, so a participant's rating after a fact does not depend on ticks; to replay the
 * emitted changes bit for bit, log the ticks with the facts.
 *
 * <h2>Replay</h2>
 * {@link #stateHash()} is the SHA-256 of {@link #snapshot()}, the canonical encoding of the configuration fingerprint
 * and the whole state (participants by id, entries in application order, remembered event ids by time then id).
 * The same inputs in the same order give the same outputs and the same hash; {@link #restore} resumes a snapshot.
 */
public final class CreditRatingModel {

    /** The longest event or participant id accepted. */
    public static final int MAX_ID_LENGTH = 256;

    private final ScorecardConfig config;
    private final Scorecard scorecard;
    private final BreakdownDetails details;
    private final TreeMap<String, ParticipantState> participants = new TreeMap<>();
    private final EventIdWindow seen;

    /** @param config the scorecard; {@link ScorecardConfig#defaults()} for the documented one */
    public CreditRatingModel(ScorecardConfig config) {
        this.config = config;
        this.scorecard = new Scorecard(config);
        this.details = new BreakdownDetails(config);
        this.seen = new EventIdWindow(config.dedupWindowMs());
    }

    /**
     * Applies one input.
     *
     * @param input a fact, a tick or a reassessment
     * @return the rating changes caused (participants in order: the fact's participant; buyer then seller; or by
     *         participant id for a tick), or a rejection that changed nothing
     */
    public RatingOutcome apply(RatingInput input) {
        Optional<RatingOutcome> invalid = InputValidator.check(input);
        if (invalid.isPresent()) {
            return invalid.get();
        }
        if (input instanceof Tick tick) {
            List<RatingChange> changes = new ArrayList<>();
            for (ParticipantState p : participants.values()) {
                publish(p, tick.eventId(), Math.max(p.lastMs, tick.timeMs()), changes);
            }
            return RatingOutcome.accepted(changes);
        }
        if (input instanceof Reassess r) {
            ParticipantState p = participants.get(r.participantId());
            if (p == null) {
                return RatingOutcome.rejected(RejectReason.UNKNOWN_PARTICIPANT, r.participantId());
            }
            List<RatingChange> changes = new ArrayList<>(1);
            publish(p, r.eventId(), Math.max(p.lastMs, r.timeMs()), changes);
            return RatingOutcome.accepted(changes);
        }
        return applyFact((Fact) input);
    }

    /** Re-evaluates every participant at {@code nowMs}; the causing event id is {@code "tick@" + nowMs}. */
    public RatingOutcome onTick(long nowMs) {
        return apply(new Tick("tick@" + nowMs, nowMs));
    }

    /** Re-evaluates one participant at {@code nowMs}; the causing event id is {@code "reassess@" + nowMs}. */
    public RatingOutcome reassess(String participantId, long nowMs) {
        return apply(new Reassess("reassess@" + nowMs, nowMs, participantId));
    }

    private RatingOutcome applyFact(Fact fact) {
        if (seen.contains(fact.eventId())) {
            return RatingOutcome.rejected(RejectReason.DUPLICATE_EVENT, fact.eventId());
        }
        Optional<RatingOutcome> refused = checkTransition(fact);
        if (refused.isPresent()) {
            return refused.get();
        }
        seen.record(fact.eventId(), fact.timeMs());
        List<RatingChange> changes = new ArrayList<>(2);
        if (fact instanceof TradeSettled t) {
            boolean counts = t.notionalMinor() >= config.cleanSettlementMinNotionalMinor();
            for (String party : List.of(t.buyerId(), t.sellerId())) {
                ParticipantState p = touch(party, t.timeMs());
                if (counts) {
                    p.cleanSettlements = ParticipantState.increment(p.cleanSettlements);
                }
                settle(p, t.eventId(), changes);
            }
        } else {
            ParticipantFact pf = (ParticipantFact) fact;
            ParticipantState p = touch(pf.participantId(), pf.timeMs());
            record(pf, p, p.lastMs);
            settle(p, pf.eventId(), changes);
        }
        return RatingOutcome.accepted(changes);
    }

    private Optional<RatingOutcome> checkTransition(Fact fact) {
        if (!(fact instanceof ParticipantFact pf)) {
            return Optional.empty();
        }
        ParticipantState p = participants.get(pf.participantId());
        AccountStatus status = p == null ? null : p.status;
        RejectReason reason = null;
        if (fact instanceof AccountFrozen) {
            reason = status == AccountStatus.CANCELLED ? RejectReason.ACCOUNT_CANCELLED
                    : status == AccountStatus.FROZEN ? RejectReason.ALREADY_FROZEN : null;
        } else if (fact instanceof AccountUnfrozen) {
            reason = status == AccountStatus.CANCELLED ? RejectReason.ACCOUNT_CANCELLED
                    : status != AccountStatus.FROZEN ? RejectReason.NOT_FROZEN : null;
        } else if (fact instanceof AccountCancelled) {
            reason = status == AccountStatus.CANCELLED ? RejectReason.ACCOUNT_CANCELLED : null;
        }
        return reason == null ? Optional.empty()
                : Optional.of(RatingOutcome.rejected(reason, pf.participantId() + " is " + status));
    }

    private ParticipantState touch(String participantId, long timeMs) {
        ParticipantState p = participants.computeIfAbsent(participantId, id -> new ParticipantState(id, timeMs));
        p.advanceTo(timeMs);
        return p;
    }

    private void record(ParticipantFact fact, ParticipantState p, long atMs) {
        if (fact instanceof DefaultRecorded d) {
            negative(p, Factor.DEFAULTS, d, atMs, scorecard.defaultPoints(d.kind(), d.amountMinor()));
        } else if (fact instanceof DepositForfeited f) {
            negative(p, Factor.DEPOSIT_FORFEITS, f, atMs, scorecard.forfeitPoints(f.amountMinor()));
        } else if (fact instanceof PenaltyApplied pa) {
            negative(p, Factor.PENALTIES, pa, atMs, scorecard.penaltyPoints(pa.amountMinor(), pa.shortfallTonnes()));
        } else if (fact instanceof AccountFrozen f) {
            p.status = AccountStatus.FROZEN;
            negative(p, Factor.FREEZES, f, atMs, config.freezePoints());
        } else if (fact instanceof AccountUnfrozen) {
            p.status = AccountStatus.ACTIVE;
        } else if (fact instanceof AccountCancelled) {
            p.status = AccountStatus.CANCELLED;
        } else if (fact instanceof ComplianceSettled c) {
            if (c.shortfallTonnes() == 0) {
                p.cleanCompliance = ParticipantState.increment(p.cleanCompliance);
            } else {
                negative(p, Factor.COMPLIANCE_SHORTFALLS, c, atMs, scorecard.shortfallPoints(c.shortfallTonnes()));
            }
        }
        // ParticipantAppeared: touching the participant started its tenure; nothing else to record.
    }

    private static void negative(ParticipantState p, Factor factor, Fact fact, long atMs, int points) {
        p.addNegative(new NegativeEntry(factor, fact.eventId(), atMs, points));
    }

    /** After a fact: forget fully decayed entries, then publish at the participant's time. */
    private void settle(ParticipantState p, String causeEventId, List<RatingChange> changes) {
        p.pruneDecayed(p.lastMs, config.halfLifeMs());
        publish(p, causeEventId, p.lastMs, changes);
    }

    private void publish(ParticipantState p, String causeEventId, long atMs, List<RatingChange> changes) {
        Rating rating = scorecard.evaluate(p, atMs);
        RatingChange previous = p.published;
        int previousScore = previous == null ? 0 : previous.score();
        CreditGrade previousGrade = previous == null ? CreditGrade.UNRATED : previous.grade();
        if (previous == null || previousScore != rating.score() || previousGrade != rating.grade()) {
            RatingChange change = new RatingChange(p.participantId, previousScore, rating.score(), previousGrade,
                    rating.grade(), causeEventId, atMs, rating.breakdown());
            p.published = change;
            changes.add(change);
        }
    }

    /** @return the rating last emitted for {@code participantId}, if any */
    public Optional<RatingChange> currentRating(String participantId) {
        ParticipantState p = participants.get(participantId);
        return p == null ? Optional.empty() : Optional.ofNullable(p.published);
    }

    /** @return the grade last emitted for {@code participantId}, or UNRATED for an unknown participant */
    public CreditGrade gradeOf(String participantId) {
        return currentRating(participantId).map(RatingChange::grade).orElse(CreditGrade.UNRATED);
    }

    /**
     * Evaluates without changing anything (a what-if at a later time).
     *
     * @return the participant's rating at {@code max(atMs, its latest fact time)}, or empty if unknown
     */
    public Optional<Rating> ratingAt(String participantId, long atMs) {
        ParticipantState p = participants.get(participantId);
        return p == null ? Optional.empty() : Optional.of(scorecard.evaluate(p, Math.max(p.lastMs, atMs)));
    }

    /**
     * Says how each breakdown line of the participant's rating at {@code atMs} was computed (see
     * {@link BreakdownDetails} for the wording). Changes nothing. Called right after {@link #apply} with a returned
     * change's participant and {@code timeMs}, it explains exactly that change's breakdown: a change is evaluated from
     * the state the input left.
     *
     * @return factor → detail text, in factor order, or empty if the participant is unknown
     */
    public Optional<Map<Factor, String>> explain(String participantId, long atMs) {
        ParticipantState p = participants.get(participantId);
        if (p == null) {
            return Optional.empty();
        }
        return Optional.of(details.explain(p, scorecard.evaluate(p, Math.max(p.lastMs, atMs))));
    }

    /** @return the account status of {@code participantId}, or empty if unknown */
    public Optional<AccountStatus> statusOf(String participantId) {
        ParticipantState p = participants.get(participantId);
        return p == null ? Optional.empty() : Optional.of(p.status);
    }

    /** @return the ids of every participant seen, sorted */
    public SortedSet<String> participantIds() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(participants.keySet()));
    }

    /** @return the configuration this model scores with */
    public ScorecardConfig config() {
        return config;
    }

    /** @return the canonical encoding of the configuration fingerprint and the whole state */
    public byte[] snapshot() {
        return StateCodec.encode(config, participants.values(), seen);
    }

    /** @return SHA-256 of {@link #snapshot()}, lower-case hex */
    public String stateHash() {
        return StateCodec.sha256Hex(snapshot());
    }

    /**
     * Resumes a model from {@link #snapshot()}.
     *
     * @param config   the configuration the snapshot was taken with
     * @param snapshot the bytes
     * @return a model whose {@link #stateHash()} equals the snapshotted model's
     * @throws SnapshotException if the bytes are not a snapshot of this format, or were taken with another config
     */
    public static CreditRatingModel restore(ScorecardConfig config, byte[] snapshot) {
        CreditRatingModel model = new CreditRatingModel(config);
        StateCodec.decode(snapshot, config, model.participants, model.seen);
        return model;
    }
}
