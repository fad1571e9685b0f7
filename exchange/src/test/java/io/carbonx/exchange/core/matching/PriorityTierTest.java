package io.carbonx.exchange.core.matching;

import static io.carbonx.exchange.core.matching.Scenario.only;
import static org.assertj.core.api.Assertions.assertThat;

import io.carbonx.events.CreditGrade;
import io.carbonx.events.OrderType;
import io.carbonx.events.Side;
import io.carbonx.events.TimeInForce;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Price &rarr; priority tier &rarr; time: at an equal price the engine ranks by the tier given with the order (the
 * configured tier of its grade at arrival), never by the grade itself.
 */
class PriorityTierTest {

    private final Scenario s = Scenario.continuous();

    private List<MatchEvent> sell(String id, String who, long price, CreditGrade grade, int tier) {
        return s.submit(new PlaceOrder(id, who, Side.SELL, OrderType.LIMIT, TimeInForce.GTC, price, 10, grade, tier,
                s.now, 0));
    }

    private List<String> fills(List<MatchEvent> events) {
        return only(events, TradeExecuted.class).stream().map(TradeExecuted::sellOrderId).toList();
    }

    @Test
    void givenTwoGradesWithEqualTiers_thenTheEarlierOrderMatchesFirst() {
        sell("S-UNRATED", "p1", 100, CreditGrade.UNRATED, 4);
        sell("S-BB", "p2", 100, CreditGrade.BB, 4);

        assertThat(s.queue(Side.SELL)).containsExactly("S-UNRATED", "S-BB");
        assertThat(fills(s.buy("B", "bob", 100, 20))).containsExactly("S-UNRATED", "S-BB");
    }

    @Test
    void givenATierTableThatReversesTheGrades_thenTheWorseGradeMatchesFirst() {
        sell("S-AAA", "p1", 100, CreditGrade.AAA, 9);
        sell("S-CCC", "p2", 100, CreditGrade.CCC, 1);

        assertThat(fills(s.buy("B", "bob", 100, 20))).containsExactly("S-CCC", "S-AAA");
    }

    @Test
    void manyDistinctTiersAtOnePrice_rankByTierThenTime_andEmptiedTiersLeaveNoTrace() {
        int[] tiers = {700, 3, 1_000, 0, 42, 3, 999, 8, 500, 0, 17, 1};
        for (int i = 0; i < tiers.length; i++) {
            sell("S" + i, "p" + i, 100, CreditGrade.A, tiers[i]);
        }
        List<String> expected = new ArrayList<>(List.of("S3", "S9", "S11", "S1", "S5", "S7", "S10", "S4", "S8",
                "S0", "S6", "S2"));
        assertThat(s.queue(Side.SELL)).containsExactlyElementsOf(expected);

        s.cancel("S4", "p4");
        sell("S12", "p12", 100, CreditGrade.A, 42);
        expected.set(expected.indexOf("S4"), "S12");
        assertThat(s.queue(Side.SELL)).containsExactlyElementsOf(expected);
        assertThat(fills(s.buy("B", "bob", 100, 10L * tiers.length))).containsExactlyElementsOf(expected);
        assertThat(s.engine.restingOrders(Side.SELL)).isEmpty();
    }

    @Test
    void aFokOrderCountsEveryTierWithinItsLimit() {
        sell("S-HIGH", "p1", 100, CreditGrade.A, 800);
        sell("S-LOW", "p2", 100, CreditGrade.B, 2);

        List<MatchEvent> events = s.submit(PlaceOrder.limit("B", "bob", Side.BUY, TimeInForce.FOK, 100, 20,
                CreditGrade.A, s.now));

        assertThat(fills(events)).containsExactly("S-LOW", "S-HIGH");
    }

    @Test
    void aTierOutOfRange_isRejectedInvalidPriorityTier_andChangesNothing() {
        sell("S1", "p1", 100, CreditGrade.A, 2);
        String before = s.stateHashHex();

        List<MatchEvent> tooHigh = sell("S2", "p2", 100, CreditGrade.A, PlaceOrder.MAX_TIER + 1);
        List<MatchEvent> negative = sell("S3", "p3", 100, CreditGrade.A, -1);

        assertThat(only(tooHigh, OrderRejected.class)).extracting(OrderRejected::reason)
                .containsExactly(RejectReason.INVALID_PRIORITY_TIER);
        assertThat(only(negative, OrderRejected.class)).extracting(OrderRejected::reason)
                .containsExactly(RejectReason.INVALID_PRIORITY_TIER);
        assertThat(s.stateHashHex()).isEqualTo(before);
    }

    @Test
    void theTierIsPartOfTheStateHash() {
        Scenario other = Scenario.continuous();
        sell("S1", "p1", 100, CreditGrade.A, 2);
        other.submit(new PlaceOrder("S1", "p1", Side.SELL, OrderType.LIMIT, TimeInForce.GTC, 100, 10, CreditGrade.A,
                3, other.now, 0));

        assertThat(s.stateHashHex()).isNotEqualTo(other.stateHashHex());
        assertThat(s.engine.restingOrders(Side.SELL)).extracting(RestingOrder::priorityTier).containsExactly(2);
    }
}
