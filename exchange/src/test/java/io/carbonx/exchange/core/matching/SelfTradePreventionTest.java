package io.carbonx.exchange.core.matching;

import static io.carbonx.exchange.core.matching.Scenario.only;
import static org.assertj.core.api.Assertions.assertThat;

import io.carbonx.events.Side;
import java.util.List;
import org.junit.jupiter.api.Test;

class SelfTradePreventionTest {

    @Test
    void cancelResting_cancelsOwnRestingOrderAndKeepsMatching() {
        Scenario s = Scenario.continuous();
        s.sell("S-own", "bob", 100, 10);
        s.sell("S1", "alice", 101, 10);

        List<MatchEvent> events = s.buy("B1", "bob", 101, 10);

        assertThat(events).hasSize(3);
        assertThat(events.get(1)).isEqualTo(new OrderCancelled(Scenario.INSTRUMENT, "S-own", "bob", 10,
                CancelReason.SELF_TRADE_PREVENTION, s.now));
        assertThat(events.get(2)).isInstanceOfSatisfying(TradeExecuted.class,
                t -> assertThat(t.sellOrderId()).isEqualTo("S1"));
        assertThat(s.engine.orderCount()).isZero();
    }

    @Test
    void cancelAggressor_cancelsIncomingRemainderAndLeavesRestingOrder() {
        Scenario s = Scenario.with(InstrumentRules.builder(Scenario.INSTRUMENT)
                .selfTradePrevention(SelfTradePrevention.CANCEL_AGGRESSOR).build());
        s.sell("S1", "alice", 100, 5);
        s.sell("S-own", "bob", 100, 10);

        List<MatchEvent> events = s.buy("B1", "bob", 100, 20);

        assertThat(only(events, TradeExecuted.class)).as("trades before the self-match stand")
                .extracting(TradeExecuted::sellOrderId).containsExactly("S1");
        assertThat(only(events, OrderCancelled.class)).containsExactly(new OrderCancelled(Scenario.INSTRUMENT,
                "B1", "bob", 15, CancelReason.SELF_TRADE_PREVENTION, s.now));
        assertThat(s.queue(Side.SELL)).containsExactly("S-own");
        assertThat(s.queue(Side.BUY)).as("the aggressor does not rest").isEmpty();
    }

    @Test
    void cancelAggressor_onReplace_cancelsTheReplacedOrder() {
        Scenario s = Scenario.with(InstrumentRules.builder(Scenario.INSTRUMENT)
                .selfTradePrevention(SelfTradePrevention.CANCEL_AGGRESSOR).build());
        s.sell("S-own", "bob", 100, 10);
        s.buy("B1", "bob", 99, 10);

        List<MatchEvent> events = s.replace("B1", "bob", 100, 10);

        assertThat(only(events, OrderCancelled.class)).extracting(OrderCancelled::orderId).containsExactly("B1");
        assertThat(s.engine.order("B1")).isEmpty();
        assertThat(s.queue(Side.SELL)).containsExactly("S-own");
    }

    @Test
    void differentParticipantsTradeNormally() {
        Scenario s = Scenario.continuous();
        s.sell("S1", "alice", 100, 10);

        assertThat(only(s.buy("B1", "bob", 100, 10), TradeExecuted.class)).hasSize(1);
    }
}
