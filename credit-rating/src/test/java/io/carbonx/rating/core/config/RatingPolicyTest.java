package io.carbonx.rating.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.carbonx.events.CreditGrade;
import org.junit.jupiter.api.Test;

/** What each grade means for trading, per the documented default policy. */
class RatingPolicyTest {

    private final RatingPolicy policy = RatingPolicy.defaults();

    @Test
    void worseGradeLocksLargerDepositAndMatchesLater() {
        assertThat(policy.depositShareBps(CreditGrade.AAA)).isEqualTo(500);
        assertThat(policy.depositShareBps(CreditGrade.BBB)).isEqualTo(1_500);
        assertThat(policy.depositShareBps(CreditGrade.CCC)).isEqualTo(5_000);
        assertThat(policy.priorityTier(CreditGrade.AAA)).isLessThan(policy.priorityTier(CreditGrade.BB));
        for (int i = 1; i < GradeBands.RATED.size(); i++) {
            CreditGrade better = GradeBands.RATED.get(i - 1);
            CreditGrade worse = GradeBands.RATED.get(i);
            assertThat(policy.depositShareBps(worse)).isGreaterThan(policy.depositShareBps(better));
            assertThat(policy.priorityTier(worse)).isGreaterThan(policy.priorityTier(better));
        }
    }

    @Test
    void depositIsNotionalTimesShareRoundedUp() {
        assertThat(policy.depositForMinor(CreditGrade.BBB, 10_000)).isEqualTo(1_500);
        assertThat(policy.depositForMinor(CreditGrade.BBB, 1)).isEqualTo(1);
        assertThat(policy.depositForMinor(CreditGrade.AAA, 19)).isEqualTo(1);
        assertThat(policy.depositForMinor(CreditGrade.AAA, 20)).isEqualTo(1);
        assertThat(policy.depositForMinor(CreditGrade.AAA, 21)).isEqualTo(2);
        assertThat(policy.depositForMinor(CreditGrade.D, 0)).isZero();
        assertThatThrownBy(() -> policy.depositForMinor(CreditGrade.D, Long.MAX_VALUE))
                .isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> policy.depositForMinor(CreditGrade.A, -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void gradeDCannotOpenOrders() {
        assertThat(policy.canOpenOrders(CreditGrade.D)).isFalse();
        assertThat(policy.admit(CreditGrade.D, 0, 1)).isEqualTo(OrderAdmission.GRADE_CANNOT_OPEN_ORDERS);
        assertThat(policy.admit(CreditGrade.CCC, 0, 1)).isEqualTo(OrderAdmission.ADMITTED);
    }

    @Test
    void openNotionalIsLimitedByGrade() {
        long max = policy.maxOpenNotionalMinor(CreditGrade.CCC);
        assertThat(policy.admit(CreditGrade.CCC, max - 10, 10)).isEqualTo(OrderAdmission.ADMITTED);
        assertThat(policy.admit(CreditGrade.CCC, max - 10, 11)).isEqualTo(OrderAdmission.MAX_OPEN_NOTIONAL_EXCEEDED);
        assertThat(policy.admit(CreditGrade.AAA, Long.MAX_VALUE, 1))
                .isEqualTo(OrderAdmission.MAX_OPEN_NOTIONAL_EXCEEDED);
        assertThat(policy.admit(CreditGrade.UNRATED, 0, 1)).isEqualTo(OrderAdmission.ADMITTED);
    }
}
