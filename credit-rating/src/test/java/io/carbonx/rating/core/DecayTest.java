package io.carbonx.rating.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** The fixed-point decay curve: exact halvings, monotone, bounded, zero in the end. */
class DecayTest {

    private static final long ONE = 1L << Decay.SCALE_BITS;

    @Test
    void weightIsFullAtAgeZeroAndHalvesEachHalfLife() {
        long h = 180L * 86_400_000L;
        assertThat(Decay.weight(200, 0, h)).isEqualTo(200 * ONE);
        assertThat(Decay.weight(200, h, h)).isEqualTo(100 * ONE);
        assertThat(Decay.weight(200, 2 * h, h)).isEqualTo(50 * ONE);
        assertThat(Decay.weight(200, 3 * h, h)).isEqualTo(25 * ONE);
        assertThat(Decay.weight(200, 4 * h, h)).isEqualTo(25 * ONE / 2);
    }

    @Test
    void weightIsLinearWithinAHalfLife() {
        assertThat(Decay.weight(200, 50, 100)).isEqualTo(150 * ONE);
        assertThat(Decay.weight(200, 25, 100)).isEqualTo(175 * ONE);
        assertThat(Decay.weight(200, 150, 100)).isEqualTo(75 * ONE);
    }

    @Test
    void weightReachesZeroWithinFortyFiveHalfLives() {
        assertThat(Decay.weight(Decay.MAX_ENTRY_POINTS, 45L * 1000, 1000)).isZero();
        assertThat(Decay.weight(Decay.MAX_ENTRY_POINTS, Long.MAX_VALUE, 1)).isZero();
        assertThat(Decay.weight(1, 24L * 1000, 1000)).isEqualTo(1);
    }

    @Test
    void roundingIsHalfUpToWholePoints() {
        assertThat(Decay.toPoints(12 * ONE + ONE / 2)).isEqualTo(13);
        assertThat(Decay.toPoints(12 * ONE + ONE / 2 - 1)).isEqualTo(12);
        assertThat(Decay.toPoints(0)).isZero();
    }

    @Test
    void outOfContractArgumentsAreRefused() {
        assertThatThrownBy(() -> Decay.weight(-1, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Decay.weight(Decay.MAX_ENTRY_POINTS + 1, 0, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Decay.weight(1, -1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Decay.weight(1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sumsSaturateInsteadOfOverflowing() {
        assertThat(Decay.add(Decay.SATURATION, Decay.SATURATION)).isEqualTo(Decay.SATURATION);
    }

    @Property(tries = 2_000)
    void weightNeverIncreasesWithAge(@ForAll @IntRange(min = 0, max = 1 << 20) int points,
            @ForAll @LongRange(min = 0, max = 1L << 50) long age, @ForAll @LongRange(min = 0, max = 1L << 40) long more,
            @ForAll @LongRange(min = 1, max = 1L << 42) long halfLife) {
        long w = Decay.weight(points, age, halfLife);
        long later = Decay.weight(points, age + more, halfLife);
        assertThat(later).isLessThanOrEqualTo(w).isGreaterThanOrEqualTo(0);
        assertThat(w).isLessThanOrEqualTo((long) points << Decay.SCALE_BITS);
    }

    @Property(tries = 1_000)
    void weightStaysWithinTheHalvingsAroundIt(@ForAll @IntRange(min = 0, max = 1 << 20) int points,
            @ForAll @IntRange(min = 0, max = 40) int halvings, @ForAll @LongRange(min = 0, max = 999_999) long r) {
        long h = 1_000_000;
        long w = Decay.weight(points, halvings * h + r, h);
        long hi = ((long) points << Decay.SCALE_BITS) >> halvings;
        assertThat(w).isBetween(hi >> 1, hi);
    }
}
