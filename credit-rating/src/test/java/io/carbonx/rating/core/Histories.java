package io.carbonx.rating.core;

import io.carbonx.events.DefaultKind;
import io.carbonx.rating.core.input.RatingInput;
import io.carbonx.rating.core.input.RatingInput.AccountCancelled;
import io.carbonx.rating.core.input.RatingInput.AccountFrozen;
import io.carbonx.rating.core.input.RatingInput.AccountUnfrozen;
import io.carbonx.rating.core.input.RatingInput.ComplianceSettled;
import io.carbonx.rating.core.input.RatingInput.DefaultRecorded;
import io.carbonx.rating.core.input.RatingInput.DepositForfeited;
import io.carbonx.rating.core.input.RatingInput.Fact;
import io.carbonx.rating.core.input.RatingInput.ParticipantAppeared;
import io.carbonx.rating.core.input.RatingInput.ParticipantFact;
import io.carbonx.rating.core.input.RatingInput.PenaltyApplied;
import io.carbonx.rating.core.input.RatingInput.Reassess;
import io.carbonx.rating.core.input.RatingInput.Tick;
import io.carbonx.rating.core.input.RatingInput.TradeSettled;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded random input histories for property tests: a few participants, every kind of input, non-decreasing logical
 * times, occasional replays of earlier facts (duplicates) and occasional invalid inputs. The same seed always gives
 * the same history; jqwik prints the seed of a failing try.
 */
final class Histories {

    static final String[] PARTICIPANTS = {"alpha", "bravo", "charlie", "delta"};
    private static final long DAY = Facts.DAY;

    private Histories() {
    }

    static List<RatingInput> random(long seed, int length) {
        Random rnd = new Random(seed);
        List<RatingInput> history = new ArrayList<>(length);
        long t = rnd.nextInt(10) * DAY;
        for (int i = 0; i < length; i++) {
            if (rnd.nextInt(10) >= 3) {
                t += 1 + (long) rnd.nextInt(20) * DAY + rnd.nextInt(86_400_000);
            }
            String id = "h" + i;
            String p = PARTICIPANTS[rnd.nextInt(PARTICIPANTS.length)];
            int roll = rnd.nextInt(100);
            RatingInput next;
            if (roll < 3 && !history.isEmpty()) {
                next = history.get(rnd.nextInt(history.size()));
            } else if (roll < 5) {
                next = new DepositForfeited(id, t, p, -1 - rnd.nextInt(10));
            } else {
                next = input(rnd, roll, id, t, p);
            }
            history.add(next);
        }
        return history;
    }

    private static RatingInput input(Random rnd, int roll, String id, long t, String p) {
        if (roll < 15) {
            return new ParticipantAppeared(id, t, p);
        } else if (roll < 27) {
            return new DefaultRecorded(id, t, p, DefaultKind.values()[rnd.nextInt(4)], amount(rnd));
        } else if (roll < 33) {
            return new DepositForfeited(id, t, p, amount(rnd));
        } else if (roll < 38) {
            return new PenaltyApplied(id, t, p, rnd.nextBoolean() ? amount(rnd) : 0, 1 + rnd.nextInt(50_000));
        } else if (roll < 43) {
            return new AccountFrozen(id, t, p);
        } else if (roll < 48) {
            return new AccountUnfrozen(id, t, p);
        } else if (roll < 49) {
            return new AccountCancelled(id, t, p);
        } else if (roll < 75) {
            String other = PARTICIPANTS[rnd.nextInt(PARTICIPANTS.length)];
            return other.equals(p) ? new Tick(id, t) : new TradeSettled(id, t, p, other, amount(rnd));
        } else if (roll < 83) {
            return new ComplianceSettled(id, t, p, rnd.nextBoolean() ? 0 : rnd.nextInt(200_000));
        } else if (roll < 93) {
            return new Tick(id, t);
        }
        return new Reassess(id, t, p);
    }

    /** An amount spread over every severity band: 10^0 … 10^10 times a random factor. */
    static long amount(Random rnd) {
        long scale = 1;
        for (int i = rnd.nextInt(11); i > 0; i--) {
            scale *= 10;
        }
        return scale * (1 + rnd.nextInt(9));
    }

    /** @return the participants a fact names (none for ticks and reassessments) */
    static List<String> participantsOf(RatingInput input) {
        if (input instanceof TradeSettled t) {
            return List.of(t.buyerId(), t.sellerId());
        }
        if (input instanceof ParticipantFact pf) {
            return List.of(pf.participantId());
        }
        return List.of();
    }

    static boolean isFact(RatingInput input) {
        return input instanceof Fact;
    }
}
