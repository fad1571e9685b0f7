package io.carbonx.exchange.core.matching;

import static io.carbonx.exchange.core.matching.Scenario.only;
import static org.assertj.core.api.Assertions.assertThat;

import io.carbonx.events.CreditGrade;
import io.carbonx.events.Side;
import io.carbonx.events.TimeInForce;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimeInForceTest {

    private final Scenario s = Scenario.continuous();

    @Test
    void iocFillsWhatItCanAndCancelsTheRemainder() {
        s.sell("S1", "alice", 100, 10);

        List<MatchEvent> events = s.place("I1", "bob", Side.BUY, TimeInForce.IOC, 100, 25, CreditGrade.A);

        assertThat(only(events, TradeExecuted.class)).extracting(TradeExecuted::quantity).containsExactly(10L);
        assertThat(only(events, OrderCancelled.class)).singleElement().satisfies(c -> {
            assertThat(c.reason()).isEqualTo(CancelReason.IOC_REMAINDER);
            assertThat(c.cancelledQuantity()).isEqualTo(15);
        });
        assertThat(s.engine.order("I1")).isEmpty();
    }

    @Test
    void iocWithoutLiquidity_isCancelledWithoutTrades() {
        s.sell("S1", "alice", 101, 10);

        List<MatchEvent> events = s.place("I1", "bob", Side.BUY, TimeInForce.IOC, 100, 10, CreditGrade.A);

        assertThat(events).hasSize(2);
        assertThat(only(events, OrderCancelled.class)).singleElement()
                .extracting(OrderCancelled::reason).isEqualTo(CancelReason.IOC_REMAINDER);
        assertThat(s.queue(Side.BUY)).isEmpty();
    }

    @Test
    void fokWithSufficientLiquidity_fillsCompletely() {
        s.sell("S1", "alice", 100, 10);
        s.sell("S2", "carol", 101, 10);

        List<MatchEvent> events = s.place("F1", "bob", Side.BUY, TimeInForce.FOK, 101, 20, CreditGrade.A);

        assertThat(only(events, TradeExecuted.class)).extracting(TradeExecuted::quantity).containsExactly(10L, 10L);
        assertThat(only(events, OrderCancelled.class)).isEmpty();
    }

    @Test
    void fokWithInsufficientLiquidity_isCancelledWithoutTrades() {
        s.sell("S1", "alice", 100, 10);
        s.sell("S2", "carol", 102, 10);
        String before = s.stateHashHex();

        List<MatchEvent> events = s.place("F1", "bob", Side.BUY, TimeInForce.FOK, 101, 15, CreditGrade.A);

        assertThat(events).hasSize(2);
        assertThat(events.get(1)).isEqualTo(new OrderCancelled(Scenario.INSTRUMENT, "F1", "bob", 15,
                CancelReason.FOK_NOT_FILLABLE, s.now));
        assertThat(s.stateHashHex()).isEqualTo(before);
    }

    @Test
    void fokDoesNotCountOwnRestingOrdersAsLiquidity() {
        s.sell("S-own", "bob", 100, 10);
        s.sell("S1", "alice", 100, 10);

        List<MatchEvent> events = s.place("F1", "bob", Side.BUY, TimeInForce.FOK, 100, 15, CreditGrade.A);

        assertThat(only(events, OrderCancelled.class)).extracting(OrderCancelled::reason)
                .containsExactly(CancelReason.FOK_NOT_FILLABLE);
        assertThat(s.queue(Side.SELL)).as("nothing changed, own order not cancelled").containsExactly("S-own", "S1");
    }

    @Test
    void fokUnderCancelResting_skipsOwnOrdersAndCancelsThemWhenExecuting() {
        s.sell("S-own", "bob", 100, 10);
        s.sell("S1", "alice", 100, 10);

        List<MatchEvent> events = s.place("F1", "bob", Side.BUY, TimeInForce.FOK, 100, 10, CreditGrade.A);

        assertThat(only(events, OrderCancelled.class)).singleElement().satisfies(c -> {
            assertThat(c.orderId()).isEqualTo("S-own");
            assertThat(c.reason()).isEqualTo(CancelReason.SELF_TRADE_PREVENTION);
        });
        assertThat(only(events, TradeExecuted.class)).extracting(TradeExecuted::sellOrderId).containsExactly("S1");
    }

    @Test
    void fokUnderCancelAggressor_countsOnlyLiquidityBeforeTheFirstOwnOrder() {
        Scenario aggressor = Scenario.with(InstrumentRules.builder(Scenario.INSTRUMENT)
                .selfTradePrevention(SelfTradePrevention.CANCEL_AGGRESSOR).build());
        aggressor.sell("S1", "alice", 100, 10);
        aggressor.sell("S-own", "bob", 100, 10);
        aggressor.sell("S2", "carol", 100, 10);

        List<MatchEvent> tooMuch = aggressor.place("F1", "bob", Side.BUY, TimeInForce.FOK, 100, 15, CreditGrade.A);
        List<MatchEvent> enough = aggressor.place("F2", "bob", Side.BUY, TimeInForce.FOK, 100, 10, CreditGrade.A);

        assertThat(only(tooMuch, OrderCancelled.class)).extracting(OrderCancelled::reason)
                .containsExactly(CancelReason.FOK_NOT_FILLABLE);
        assertThat(only(enough, TradeExecuted.class)).extracting(TradeExecuted::sellOrderId).containsExactly("S1");
    }

    @Test
    void marketFokWithInsufficientLiquidity_isCancelledWithoutTrades() {
        s.sell("S1", "alice", 100, 10);

        List<MatchEvent> events = s.market("F1", "bob", Side.BUY, TimeInForce.FOK, 11);

        assertThat(only(events, TradeExecuted.class)).isEmpty();
        assertThat(only(events, OrderCancelled.class)).extracting(OrderCancelled::reason)
                .containsExactly(CancelReason.FOK_NOT_FILLABLE);
    }

    @Test
    void gtcAndDayOrdersRestInContinuousTrading() {
        s.place("G1", "bob", Side.BUY, TimeInForce.GTC, 100, 10, CreditGrade.A);
        s.place("D1", "bob", Side.BUY, TimeInForce.DAY, 99, 10, CreditGrade.A);

        assertThat(s.engine.restingOrders(Side.BUY)).extracting(RestingOrder::timeInForce)
                .containsExactly(TimeInForce.GTC, TimeInForce.DAY);
    }
}
