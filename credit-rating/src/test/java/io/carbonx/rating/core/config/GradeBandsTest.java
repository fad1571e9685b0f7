package io.carbonx.rating.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.carbonx.events.CreditGrade;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Scores map to grades exactly at the documented band boundaries. */
class GradeBandsTest {

    private final GradeBands bands = GradeBands.defaults();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "1000, AAA", "900, AAA", "899, AA", "800, AA", "799, A", "700, A", "699, BBB", "600, BBB", "599, BB",
        "500, BB", "499, B", "400, B", "399, CCC", "300, CCC", "299, D", "1, D", "0, D"})
    void scoreAtOrAboveABandsMinimumHasThatGrade(int score, CreditGrade grade) {
        assertThat(bands.gradeOf(score)).isEqualTo(grade);
    }

    @Test
    void ceilingIsOneBelowTheNextBetterMinimum() {
        assertThat(bands.ceiling(CreditGrade.AAA, 1000)).isEqualTo(1000);
        assertThat(bands.ceiling(CreditGrade.CCC, 1000)).isEqualTo(399);
        assertThat(bands.ceiling(CreditGrade.D, 1000)).isEqualTo(299);
        for (CreditGrade g : GradeBands.RATED) {
            assertThat(bands.gradeOf(bands.ceiling(g, 1000))).isEqualTo(g);
            assertThat(bands.gradeOf(bands.min(g))).isEqualTo(g);
        }
    }

    @Test
    void customBandsAreHonouredAtTheirBoundaries() {
        GradeBands custom = GradeBands.of(95, 90, 80, 70, 60, 50, 10, 0);
        assertThat(custom.gradeOf(95)).isEqualTo(CreditGrade.AAA);
        assertThat(custom.gradeOf(94)).isEqualTo(CreditGrade.AA);
        assertThat(custom.gradeOf(10)).isEqualTo(CreditGrade.CCC);
        assertThat(custom.gradeOf(9)).isEqualTo(CreditGrade.D);
    }
}
