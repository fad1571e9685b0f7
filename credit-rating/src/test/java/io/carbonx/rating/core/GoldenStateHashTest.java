package io.carbonx.rating.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.carbonx.rating.core.config.ScorecardConfig;
import io.carbonx.rating.core.input.RatingInput;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Pins the default configuration's fingerprint and the state hash and outputs of a fixed seeded history, so that a
 * change of scores, arithmetic or encoding on any machine shows up here. If the scorecard or the snapshot format is
 * changed on purpose, update the constants in the same commit (and say so: regulators replaying old logs will see
 * different hashes).
 */
class GoldenStateHashTest {

    private static final String CONFIG_FINGERPRINT = "eca9a32a057c511084808536a3de199982457ecf3fe224c3a05357876e2cb4ae";
    private static final String STATE_HASH = "fa5b9ab54324869e917b338a0c6c2565c6a1cb0bcd1d8acc789c0cd49a5bbf11";
    private static final long SCORE_SUM = 137_940L;

    @Test
    void fixedHistoryGivesThePinnedStateHashOnEveryMachine() {
        List<RatingInput> history = Histories.random(20_261_121L, 400);
        CreditRatingModel model = new CreditRatingModel(ScorecardConfig.defaults());
        long scoreSum = 0;
        for (RatingInput input : history) {
            for (RatingChange c : model.apply(input).changes()) {
                scoreSum += c.score();
            }
        }
        assertThat(ScorecardConfig.defaults().fingerprint()).isEqualTo(CONFIG_FINGERPRINT);
        assertThat(scoreSum).isEqualTo(SCORE_SUM);
        assertThat(model.stateHash()).isEqualTo(STATE_HASH);
    }
}
