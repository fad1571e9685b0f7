package io.carbonx.rating.core;

import io.carbonx.events.DefaultKind;
import io.carbonx.rating.core.config.ScorecardConfig;
import io.carbonx.rating.core.input.RatingInput;
import io.carbonx.rating.core.input.RatingInput.AccountCancelled;
import io.carbonx.rating.core.input.RatingInput.AccountFrozen;
import io.carbonx.rating.core.input.RatingInput.AccountUnfrozen;
import io.carbonx.rating.core.input.RatingInput.ComplianceSettled;
import io.carbonx.rating.core.input.RatingInput.DefaultRecorded;
import io.carbonx.rating.core.input.RatingInput.DepositForfeited;
import io.carbonx.rating.core.input.RatingInput.ParticipantAppeared;
import io.carbonx.rating.core.input.RatingInput.PenaltyApplied;
import io.carbonx.rating.core.input.RatingInput.TradeSettled;

/** Terse constructors of inputs for scenario tests: event ids are generated "e1", "e2", … per instance. */
final class Facts {

    static final long DAY = ScorecardConfig.DAY_MS;

    private int next;

    String id() {
        return "e" + (++next);
    }

    RatingInput appeared(String p, long t) {
        return new ParticipantAppeared(id(), t, p);
    }

    RatingInput defaulted(String p, long t, DefaultKind kind, long amountMinor) {
        return new DefaultRecorded(id(), t, p, kind, amountMinor);
    }

    RatingInput forfeited(String p, long t, long amountMinor) {
        return new DepositForfeited(id(), t, p, amountMinor);
    }

    RatingInput penalty(String p, long t, long amountMinor, long shortfallTonnes) {
        return new PenaltyApplied(id(), t, p, amountMinor, shortfallTonnes);
    }

    RatingInput frozen(String p, long t) {
        return new AccountFrozen(id(), t, p);
    }

    RatingInput unfrozen(String p, long t) {
        return new AccountUnfrozen(id(), t, p);
    }

    RatingInput cancelled(String p, long t) {
        return new AccountCancelled(id(), t, p);
    }

    RatingInput settled(String buyer, String seller, long t, long notionalMinor) {
        return new TradeSettled(id(), t, buyer, seller, notionalMinor);
    }

    RatingInput compliance(String p, long t, long shortfallTonnes) {
        return new ComplianceSettled(id(), t, p, shortfallTonnes);
    }
}
