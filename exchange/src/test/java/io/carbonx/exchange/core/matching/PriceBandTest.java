package io.carbonx.exchange.core.matching;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PriceBandTest {

    @Test
    void bandHoldsExactlyThePricesWithinTheBasisPointsOfTheReference() {
        // 333 bps of 10001 = 333.0333: the band is [9667.97, 10334.03]
        PriceBand band = PriceBand.around(10_001, 333);

        assertThat(band).isEqualTo(new PriceBand(9_668, 10_334));
        assertThat(band.contains(9_667)).isFalse();
        assertThat(band.contains(10_335)).isFalse();
    }

    @Test
    void noBandWithoutReferenceOrBasisPoints() {
        assertThat(PriceBand.around(0, 500)).isEqualTo(PriceBand.NONE);
        assertThat(PriceBand.around(10_000, 0)).isEqualTo(PriceBand.NONE);
    }

    @Test
    void hugeReferenceDoesNotOverflow() {
        PriceBand band = PriceBand.around(Long.MAX_VALUE - 1, 10_000);

        assertThat(band.upper()).isEqualTo(Long.MAX_VALUE);
        assertThat(band.lower()).isEqualTo(0);
    }
}
