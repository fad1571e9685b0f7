package io.carbonx.rating.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.carbonx.events.CreditGrade;
import io.carbonx.registry.core.LedgerConfig;
import org.junit.jupiter.api.Test;

/**
 * The registry locks deposits and admits orders with its own grade table ({@link LedgerConfig#gradeTerms()}); the
 * rating service publishes grades whose meaning is {@link RatingPolicy}. Both defaults must say the same thing for
 * every grade, or a participant's published effects would not be the ones applied.
 */
class RatingPolicyMatchesLedgerConfigTest {

    @Test
    void defaultGradeEffectsEqualTheRegistrysDefaultGradeTerms() {
        RatingPolicy policy = RatingPolicy.defaults();
        LedgerConfig ledger = LedgerConfig.defaults();
        for (CreditGrade grade : CreditGrade.values()) {
            LedgerConfig.GradeTerms terms = ledger.terms(grade);
            assertThat(policy.depositShareBps(grade)).as("depositShareBps of " + grade).isEqualTo(terms.depositBps());
            assertThat(policy.maxOpenNotionalMinor(grade)).as("maxOpenNotionalMinor of " + grade)
                    .isEqualTo(terms.maxOpenNotionalMinor());
            assertThat(policy.canOpenOrders(grade)).as("canOpenOrders of " + grade).isEqualTo(terms.mayTrade());
            assertThat(policy.priorityTier(grade)).as("priorityTier of " + grade).isEqualTo(terms.priorityTier());
        }
    }
}
