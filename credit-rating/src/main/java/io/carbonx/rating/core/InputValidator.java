package io.carbonx.rating.core;

import io.carbonx.rating.core.input.RatingInput;
import io.carbonx.rating.core.input.RatingInput.AccountCancelled;
import io.carbonx.rating.core.input.RatingInput.AccountFrozen;
import io.carbonx.rating.core.input.RatingInput.AccountUnfrozen;
import io.carbonx.rating.core.input.RatingInput.ComplianceSettled;
import io.carbonx.rating.core.input.RatingInput.DefaultRecorded;
import io.carbonx.rating.core.input.RatingInput.DepositForfeited;
import io.carbonx.rating.core.input.RatingInput.ParticipantAppeared;
import io.carbonx.rating.core.input.RatingInput.PenaltyApplied;
import io.carbonx.rating.core.input.RatingInput.Reassess;
import io.carbonx.rating.core.input.RatingInput.TradeSettled;
import java.util.Optional;

/** Field checks of an input, independent of the model's state. The first broken rule wins. */
final class InputValidator {

    private InputValidator() {
    }

    static Optional<RatingOutcome> check(RatingInput input) {
        if (input == null) {
            return reject(RejectReason.NULL_INPUT, "input is null");
        }
        Optional<RatingOutcome> common = id(input.eventId(), RejectReason.MISSING_EVENT_ID, "eventId");
        if (common.isPresent()) {
            return common;
        }
        if (input.timeMs() < 0) {
            return reject(RejectReason.NEGATIVE_TIME, "timeMs " + input.timeMs() + " < 0");
        }
        return specific(input);
    }

    private static Optional<RatingOutcome> specific(RatingInput input) {
        if (input instanceof ParticipantAppeared a) {
            return participant(a.participantId());
        } else if (input instanceof DefaultRecorded d) {
            return participant(d.participantId())
                    .or(() -> d.kind() == null ? reject(RejectReason.MISSING_DEFAULT_KIND, "kind is null")
                            : Optional.empty())
                    .or(() -> nonNegative(d.amountMinor(), RejectReason.NEGATIVE_AMOUNT, "amountMinor"));
        } else if (input instanceof DepositForfeited f) {
            return participant(f.participantId())
                    .or(() -> nonNegative(f.amountMinor(), RejectReason.NEGATIVE_AMOUNT, "amountMinor"));
        } else if (input instanceof PenaltyApplied p) {
            return participant(p.participantId())
                    .or(() -> nonNegative(p.amountMinor(), RejectReason.NEGATIVE_AMOUNT, "amountMinor"))
                    .or(() -> nonNegative(p.shortfallTonnes(), RejectReason.NEGATIVE_SHORTFALL, "shortfallTonnes"))
                    .or(() -> p.amountMinor() == 0 && p.shortfallTonnes() == 0
                            ? reject(RejectReason.EMPTY_PENALTY, "neither amount nor shortfall") : Optional.empty());
        } else if (input instanceof AccountFrozen f) {
            return participant(f.participantId());
        } else if (input instanceof AccountUnfrozen u) {
            return participant(u.participantId());
        } else if (input instanceof AccountCancelled c) {
            return participant(c.participantId());
        } else if (input instanceof TradeSettled t) {
            return id(t.buyerId(), RejectReason.MISSING_PARTICIPANT_ID, "buyerId")
                    .or(() -> id(t.sellerId(), RejectReason.MISSING_PARTICIPANT_ID, "sellerId"))
                    .or(() -> t.buyerId().equals(t.sellerId())
                            ? reject(RejectReason.SELF_SETTLEMENT, "buyer and seller are " + t.buyerId())
                            : Optional.empty())
                    .or(() -> nonNegative(t.notionalMinor(), RejectReason.NEGATIVE_NOTIONAL, "notionalMinor"));
        } else if (input instanceof ComplianceSettled c) {
            return participant(c.participantId())
                    .or(() -> nonNegative(c.shortfallTonnes(), RejectReason.NEGATIVE_SHORTFALL, "shortfallTonnes"));
        } else if (input instanceof Reassess r) {
            return participant(r.participantId());
        }
        return Optional.empty();
    }

    private static Optional<RatingOutcome> participant(String participantId) {
        return id(participantId, RejectReason.MISSING_PARTICIPANT_ID, "participantId");
    }

    private static Optional<RatingOutcome> id(String value, RejectReason missing, String field) {
        if (value == null || value.isBlank()) {
            return reject(missing, field + " is null or blank");
        }
        if (value.length() > CreditRatingModel.MAX_ID_LENGTH) {
            return reject(RejectReason.ID_TOO_LONG,
                    field + " has " + value.length() + " characters, at most " + CreditRatingModel.MAX_ID_LENGTH);
        }
        return Optional.empty();
    }

    private static Optional<RatingOutcome> nonNegative(long value, RejectReason reason, String field) {
        return value < 0 ? reject(reason, field + " " + value + " < 0") : Optional.empty();
    }

    private static Optional<RatingOutcome> reject(RejectReason reason, String detail) {
        return Optional.of(RatingOutcome.rejected(reason, detail));
    }
}
