package io.carbonx.rating.core;

import static io.carbonx.rating.core.Facts.DAY;
import static org.assertj.core.api.Assertions.assertThat;

import io.carbonx.events.DefaultKind;
import io.carbonx.rating.core.config.ScorecardConfig;
import io.carbonx.rating.core.input.RatingInput;
import io.carbonx.rating.core.input.RatingInput.ComplianceSettled;
import io.carbonx.rating.core.input.RatingInput.DefaultRecorded;
import io.carbonx.rating.core.input.RatingInput.DepositForfeited;
import io.carbonx.rating.core.input.RatingInput.ParticipantAppeared;
import io.carbonx.rating.core.input.RatingInput.PenaltyApplied;
import io.carbonx.rating.core.input.RatingInput.Reassess;
import io.carbonx.rating.core.input.RatingInput.Tick;
import io.carbonx.rating.core.input.RatingInput.TradeSettled;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every bad input is refused with its precise reason and leaves the state (hash) unchanged. */
class InputRejectionTest {

    private static final String LONG_ID = "x".repeat(CreditRatingModel.MAX_ID_LENGTH + 1);

    private final Facts f = new Facts();
    private final CreditRatingModel model = new CreditRatingModel(ScorecardConfig.defaults());

    @BeforeEach
    void known() {
        model.apply(f.appeared("p", DAY));
        model.apply(f.defaulted("p", DAY, DefaultKind.PAYMENT, 1));
    }

    static Stream<Arguments> badInputs() {
        return Stream.of(
                Arguments.of(null, RejectReason.NULL_INPUT),
                Arguments.of(new ParticipantAppeared(null, 0, "p"), RejectReason.MISSING_EVENT_ID),
                Arguments.of(new ParticipantAppeared(" ", 0, "p"), RejectReason.MISSING_EVENT_ID),
                Arguments.of(new ParticipantAppeared(LONG_ID, 0, "p"), RejectReason.ID_TOO_LONG),
                Arguments.of(new ParticipantAppeared("x", 0, LONG_ID), RejectReason.ID_TOO_LONG),
                Arguments.of(new ParticipantAppeared("x", -1, "p"), RejectReason.NEGATIVE_TIME),
                Arguments.of(new ParticipantAppeared("x", 0, ""), RejectReason.MISSING_PARTICIPANT_ID),
                Arguments.of(new DefaultRecorded("x", 0, "p", null, 1), RejectReason.MISSING_DEFAULT_KIND),
                Arguments.of(new DefaultRecorded("x", 0, "p", DefaultKind.PAYMENT, -1), RejectReason.NEGATIVE_AMOUNT),
                Arguments.of(new DepositForfeited("x", 0, "p", -5), RejectReason.NEGATIVE_AMOUNT),
                Arguments.of(new PenaltyApplied("x", 0, "p", -1, 5), RejectReason.NEGATIVE_AMOUNT),
                Arguments.of(new PenaltyApplied("x", 0, "p", 1, -5), RejectReason.NEGATIVE_SHORTFALL),
                Arguments.of(new PenaltyApplied("x", 0, "p", 0, 0), RejectReason.EMPTY_PENALTY),
                Arguments.of(new ComplianceSettled("x", 0, "p", -1), RejectReason.NEGATIVE_SHORTFALL),
                Arguments.of(new TradeSettled("x", 0, null, "s", 1), RejectReason.MISSING_PARTICIPANT_ID),
                Arguments.of(new TradeSettled("x", 0, "b", "", 1), RejectReason.MISSING_PARTICIPANT_ID),
                Arguments.of(new TradeSettled("x", 0, "p", "p", 1), RejectReason.SELF_SETTLEMENT),
                Arguments.of(new TradeSettled("x", 0, "b", "s", -1), RejectReason.NEGATIVE_NOTIONAL),
                Arguments.of(new Tick("", 0), RejectReason.MISSING_EVENT_ID),
                Arguments.of(new Tick("t", -1), RejectReason.NEGATIVE_TIME),
                Arguments.of(new Reassess("r", 0, null), RejectReason.MISSING_PARTICIPANT_ID),
                Arguments.of(new Reassess("r", 0, "ghost"), RejectReason.UNKNOWN_PARTICIPANT));
    }

    @ParameterizedTest(name = "{1}: {0}")
    @MethodSource("badInputs")
    void badInputIsRefusedWithItsReasonAndChangesNothing(RatingInput input, RejectReason reason) {
        String before = model.stateHash();
        RatingOutcome outcome = model.apply(input);
        assertThat(outcome.isAccepted()).isFalse();
        assertThat(outcome.rejectionReason()).contains(reason);
        assertThat(outcome.detail()).isNotBlank();
        assertThat(outcome.changes()).isEmpty();
        assertThat(model.stateHash()).isEqualTo(before);
    }

    @Test
    void replayedEventIdIsRefusedAsDuplicateAndChangesNothing() {
        RatingInput fact = new DefaultRecorded("d-1", 2 * DAY, "p", DefaultKind.DELIVERY, 10);
        assertThat(model.apply(fact).isAccepted()).isTrue();
        String before = model.stateHash();
        assertThat(model.apply(fact).rejection()).isEqualTo(RejectReason.DUPLICATE_EVENT);
        assertThat(model.apply(new DepositForfeited("d-1", 3 * DAY, "p", 1)).rejection())
                .isEqualTo(RejectReason.DUPLICATE_EVENT);
        assertThat(model.stateHash()).isEqualTo(before);
    }

    @Test
    void eventIdIsForgottenOnceOutsideTheDedupWindow() {
        RatingInput fact = new DefaultRecorded("d-1", 2 * DAY, "p", DefaultKind.DELIVERY, 10);
        model.apply(fact);
        model.apply(f.appeared("q", 32 * DAY));
        assertThat(model.apply(fact).rejection()).isEqualTo(RejectReason.DUPLICATE_EVENT);
        model.apply(f.appeared("q", 32 * DAY + 1));
        assertThat(model.apply(fact).isAccepted()).isTrue();
    }

    @Test
    void ticksAndReassessmentsAreNotDeduplicated() {
        assertThat(model.apply(new Tick("t", 2 * DAY)).isAccepted()).isTrue();
        assertThat(model.apply(new Tick("t", 2 * DAY)).isAccepted()).isTrue();
        assertThat(model.apply(new Reassess("t", 2 * DAY, "p")).isAccepted()).isTrue();
    }
}
