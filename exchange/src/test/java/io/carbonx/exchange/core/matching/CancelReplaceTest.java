package io.carbonx.exchange.core.matching;

import static io.carbonx.exchange.core.matching.Scenario.only;
import static org.assertj.core.api.Assertions.assertThat;

import io.carbonx.events.CreditGrade;
import io.carbonx.events.Side;
import io.carbonx.events.TimeInForce;
import java.util.List;
import org.junit.jupiter.api.Test;

class CancelReplaceTest {

    private final Scenario s = Scenario.continuous();

    @Test
    void cancelRemovesTheOrderAndReportsItsRemainingQuantity() {
        s.sell("S1", "alice", 100, 10);
        s.buy("B1", "bob", 100, 4);

        List<MatchEvent> events = s.cancel("S1", "alice");

        assertThat(events).containsExactly(new OrderCancelled(Scenario.INSTRUMENT, "S1", "alice", 6,
                CancelReason.USER_REQUESTED, s.now));
        assertThat(s.engine.orderCount()).isZero();
    }

    @Test
    void cancelledOrderIsUnknownAfterwards() {
        s.sell("S1", "alice", 100, 10);
        s.cancel("S1", "alice");

        assertThat(only(s.cancel("S1", "alice"), OrderRejected.class)).extracting(OrderRejected::reason)
                .containsExactly(RejectReason.UNKNOWN_ORDER);
    }

    @Test
    void quantityReductionKeepsPriority() {
        s.sell("S1", "alice", 100, 10);
        s.sell("S2", "carol", 100, 10);

        List<MatchEvent> events = s.replace("S1", "alice", 100, 4);

        assertThat(events).containsExactly(new OrderReplaced(Scenario.INSTRUMENT, "S1", "alice", 100, 10, 100, 4,
                true, s.now));
        assertThat(s.queue(Side.SELL)).containsExactly("S1", "S2");
        assertThat(only(s.buy("B1", "bob", 100, 4), TradeExecuted.class))
                .extracting(TradeExecuted::sellOrderId).containsExactly("S1");
    }

    @Test
    void unchangedPriceAndQuantityKeepsPriority() {
        s.sell("S1", "alice", 100, 10);
        s.sell("S2", "carol", 100, 10);

        assertThat(only(s.replace("S1", "alice", 100, 10), OrderReplaced.class))
                .extracting(OrderReplaced::priorityKept).containsExactly(true);
        assertThat(s.queue(Side.SELL)).containsExactly("S1", "S2");
    }

    @Test
    void quantityIncreaseLosesPriority() {
        s.sell("S1", "alice", 100, 10);
        s.sell("S2", "carol", 100, 10);

        List<MatchEvent> events = s.replace("S1", "alice", 100, 11);

        assertThat(only(events, OrderReplaced.class)).extracting(OrderReplaced::priorityKept).containsExactly(false);
        assertThat(s.queue(Side.SELL)).containsExactly("S2", "S1");
    }

    @Test
    void priceChangeLosesPriority() {
        s.sell("S1", "alice", 100, 10);
        s.sell("S2", "carol", 101, 10);

        s.replace("S1", "alice", 101, 10);

        assertThat(s.queue(Side.SELL)).containsExactly("S2", "S1");
        assertThat(s.engine.bestAsk()).isEqualTo(101);
    }

    @Test
    void givenLostPriority_gradeStillRanksBeforeTime() {
        s.place("S-AAA", "alice", Side.SELL, TimeInForce.GTC, 101, 10, CreditGrade.AAA);
        s.place("S-BB", "carol", Side.SELL, TimeInForce.GTC, 100, 10, CreditGrade.BB);

        s.replace("S-AAA", "alice", 100, 10);

        assertThat(s.queue(Side.SELL)).as("grade at arrival is kept by a replace").containsExactly("S-AAA", "S-BB");
    }

    @Test
    void replaceToACrossingPrice_tradesAtTheRestingPrice() {
        s.buy("B1", "bob", 98, 10);
        s.sell("S1", "alice", 100, 10);

        List<MatchEvent> events = s.replace("S1", "alice", 95, 10);

        assertThat(events.get(0)).isInstanceOf(OrderReplaced.class);
        assertThat(only(events, TradeExecuted.class)).singleElement().satisfies(t -> {
            assertThat(t.price()).isEqualTo(98);
            assertThat(t.aggressorSide()).isEqualTo(Side.SELL);
        });
        assertThat(s.engine.orderCount()).isZero();
    }

    @Test
    void replaceOfPartiallyFilledOrderSetsTheNewRemainingQuantity() {
        s.sell("S1", "alice", 100, 10);
        s.buy("B1", "bob", 100, 4);

        List<MatchEvent> events = s.replace("S1", "alice", 100, 3);

        assertThat(only(events, OrderReplaced.class)).singleElement().satisfies(r -> {
            assertThat(r.oldQuantity()).isEqualTo(6);
            assertThat(r.newQuantity()).isEqualTo(3);
        });
        assertThat(s.engine.order("S1")).hasValueSatisfying(o -> assertThat(o.remaining()).isEqualTo(3));
    }

    @Test
    void massCancelCancelsEveryOrderOfTheParticipantBidsFirstInPriorityOrder() {
        s.sell("S1", "alice", 105, 10);
        s.buy("B1", "alice", 99, 10);
        s.sell("S2", "alice", 104, 10);
        s.buy("B2", "alice", 100, 10);
        s.buy("B3", "bob", 100, 10);

        List<MatchEvent> events = s.submit(new CancelParticipantOrders("alice", s.now));

        assertThat(only(events, OrderCancelled.class)).extracting(OrderCancelled::orderId)
                .containsExactly("B2", "B1", "S2", "S1");
        assertThat(only(events, OrderCancelled.class)).extracting(OrderCancelled::reason)
                .containsOnly(CancelReason.PARTICIPANT_MASS_CANCEL);
        assertThat(s.queue(Side.BUY)).containsExactly("B3");
    }
}
