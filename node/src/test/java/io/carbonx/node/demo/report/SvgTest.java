package io.carbonx.node.demo.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SvgTest {

    @Test
    void aPriceChart_drawsOnePointPerTrade_withTheRangeAndTheTimesOnItsAxes() {
        String svg = Svg.priceVolume("EUA <day> & night", List.of(new Svg.Point(3_600_000, 7_990, 10),
                new Svg.Point(3_660_000, 8_040, 5), new Svg.Point(3_720_000, 8_010, 20)));

        assertThat(svg).startsWith("<svg xmlns='http://www.w3.org/2000/svg'").endsWith("</svg>\n")
                .contains("EUA &lt;day&gt; &amp; night", ">80.40<", ">79.90<", ">01:00:00<", ">01:02:00<",
                        "3 trades over 120 s");
        String points = svg.substring(svg.indexOf("points='") + 8, svg.indexOf("'/>", svg.indexOf("points='")));
        assertThat(points.trim().split(" ")).hasSize(3);
    }

    @Test
    void anEmptySeries_saysSo() {
        assertThat(Svg.priceVolume("nothing", List.of())).contains(">no trades<").endsWith("</svg>\n");
    }

    @Test
    void bars_showEveryValueWithItsNote() {
        String svg = Svg.bars("Deposits", List.of(new Svg.Bar("AAA", 1_234, "(5 orders)"), new Svg.Bar("D", 0, "")),
                "in deposits");

        assertThat(svg).contains(">AAA<", "1,234 in deposits (5 orders)", ">D<", "0 in deposits");
    }

    @Test
    void moneyShowsMinorUnitsAsADecimalAmount() {
        assertThat(Svg.money(123_456_789)).isEqualTo("1,234,567.89");
        assertThat(Svg.money(5)).isEqualTo("0.05");
    }
}
