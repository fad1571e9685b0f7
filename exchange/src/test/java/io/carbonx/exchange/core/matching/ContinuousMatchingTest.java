package io.carbonx.exchange.core.matching;

import static io.carbonx.exchange.core.matching.Scenario.only;
import static org.assertj.core.api.Assertions.assertThat;

import io.carbonx.events.CreditGrade;
import io.carbonx.events.Side;
import io.carbonx.events.TimeInForce;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContinuousMatchingTest {

    private final Scenario s = Scenario.continuous();

    @Test
    void nonCrossingLimitOrderRestsWithoutTrades() {
        s.sell("S1", "alice", 101, 10);
        List<MatchEvent> events = s.buy("B1", "bob", 100, 10);

        assertThat(events).hasSize(1).first().isInstanceOf(OrderAccepted.class);
        assertThat(s.engine.bestBid()).isEqualTo(100);
        assertThat(s.engine.bestAsk()).isEqualTo(101);
    }

    @Test
    void betterPriceMatchesFirst() {
        s.sell("S1", "alice", 102, 10);
        s.sell("S2", "carol", 101, 10);

        List<TradeExecuted> trades = only(s.buy("B1", "bob", 102, 10), TradeExecuted.class);

        assertThat(trades).singleElement().satisfies(t -> {
            assertThat(t.sellOrderId()).isEqualTo("S2");
            assertThat(t.price()).isEqualTo(101);
        });
    }

    @Test
    void tradePriceIsTheRestingOrdersPrice() {
        s.buy("B1", "bob", 105, 10);

        List<TradeExecuted> trades = only(s.sell("S1", "alice", 100, 10), TradeExecuted.class);

        assertThat(trades).singleElement().satisfies(t -> {
            assertThat(t.price()).isEqualTo(105);
            assertThat(t.aggressorSide()).isEqualTo(Side.SELL);
            assertThat(t.buyOrderId()).isEqualTo("B1");
            assertThat(t.buyParticipantId()).isEqualTo("bob");
            assertThat(t.sellParticipantId()).isEqualTo("alice");
            assertThat(t.auction()).isFalse();
        });
    }

    @Test
    void givenEqualPrice_betterGradeMatchesFirst() {
        s.place("S-BBB", "p1", Side.SELL, TimeInForce.GTC, 100, 10, CreditGrade.BBB);
        s.place("S-AA", "p2", Side.SELL, TimeInForce.GTC, 100, 10, CreditGrade.AA);
        s.place("S-AAA", "p3", Side.SELL, TimeInForce.GTC, 100, 10, CreditGrade.AAA);

        List<TradeExecuted> trades = only(s.buy("B1", "bob", 100, 30), TradeExecuted.class);

        assertThat(trades).extracting(TradeExecuted::sellOrderId).containsExactly("S-AAA", "S-AA", "S-BBB");
    }

    @Test
    void givenEqualPriceAndGrade_earlierOrderMatchesFirst() {
        s.place("S1", "p1", Side.SELL, TimeInForce.GTC, 100, 10, CreditGrade.A);
        s.place("S2", "p2", Side.SELL, TimeInForce.GTC, 100, 10, CreditGrade.A);

        List<TradeExecuted> trades = only(s.buy("B1", "bob", 100, 15), TradeExecuted.class);

        assertThat(trades).extracting(TradeExecuted::sellOrderId).containsExactly("S1", "S2");
        assertThat(trades).extracting(TradeExecuted::quantity).containsExactly(10L, 5L);
    }

    @Test
    void unratedRanksAfterEveryGrade() {
        s.place("S-UNRATED", "p1", Side.SELL, TimeInForce.GTC, 100, 10, CreditGrade.UNRATED);
        s.place("S-CCC", "p2", Side.SELL, TimeInForce.GTC, 100, 10, CreditGrade.CCC);

        assertThat(s.queue(Side.SELL)).containsExactly("S-CCC", "S-UNRATED");
    }

    @Test
    void betterPriceBeatsBetterGrade() {
        s.place("S-AAA", "p1", Side.SELL, TimeInForce.GTC, 101, 10, CreditGrade.AAA);
        s.place("S-CCC", "p2", Side.SELL, TimeInForce.GTC, 100, 10, CreditGrade.CCC);

        assertThat(s.queue(Side.SELL)).containsExactly("S-CCC", "S-AAA");
    }

    @Test
    void givenPriceTimeMode_earlierOrderMatchesFirstWhateverItsGrade() {
        Scenario priceTime = Scenario.with(InstrumentRules.builder(Scenario.INSTRUMENT)
                .priorityMode(PriorityMode.PRICE_TIME).build());
        priceTime.place("S-CCC", "p1", Side.SELL, TimeInForce.GTC, 100, 10, CreditGrade.CCC);
        priceTime.place("S-AAA", "p2", Side.SELL, TimeInForce.GTC, 100, 10, CreditGrade.AAA);

        List<TradeExecuted> trades = only(priceTime.buy("B1", "bob", 100, 10), TradeExecuted.class);

        assertThat(trades).extracting(TradeExecuted::sellOrderId).containsExactly("S-CCC");
    }

    @Test
    void aggressorWalksSeveralLevelsAndRestsItsRemainder() {
        s.sell("S1", "alice", 100, 10);
        s.sell("S2", "carol", 101, 10);
        s.sell("S3", "dave", 103, 10);

        List<MatchEvent> events = s.buy("B1", "bob", 102, 25);

        List<TradeExecuted> trades = only(events, TradeExecuted.class);
        assertThat(trades).extracting(TradeExecuted::price).containsExactly(100L, 101L);
        assertThat(trades).extracting(TradeExecuted::buyRemaining).containsExactly(15L, 5L);
        assertThat(s.engine.order("B1")).hasValueSatisfying(o -> {
            assertThat(o.price()).isEqualTo(102);
            assertThat(o.remaining()).isEqualTo(5);
        });
        assertThat(s.queue(Side.SELL)).containsExactly("S3");
    }

    @Test
    void partiallyFilledRestingOrderKeepsItsPlace() {
        s.sell("S1", "alice", 100, 10);
        s.sell("S2", "carol", 100, 10);

        s.buy("B1", "bob", 100, 4);

        assertThat(s.queue(Side.SELL)).containsExactly("S1", "S2");
        assertThat(s.engine.order("S1")).hasValueSatisfying(o -> assertThat(o.remaining()).isEqualTo(6));
    }

    @Test
    void tradeIdsAreDerivedFromInstrumentAndSequence() {
        s.sell("S1", "alice", 100, 10);
        s.sell("S2", "carol", 100, 10);

        List<TradeExecuted> trades = only(s.buy("B1", "bob", 100, 20), TradeExecuted.class);

        assertThat(trades).extracting(TradeExecuted::tradeId).containsExactly("EUA-26-T1", "EUA-26-T2");
    }

    @Test
    void marketOrderTakesLiquidityAtAnyPriceAndCancelsItsRemainder() {
        s.sell("S1", "alice", 100, 10);
        s.sell("S2", "carol", 900, 10);

        List<MatchEvent> events = s.market("M1", "bob", Side.BUY, TimeInForce.IOC, 25);

        assertThat(only(events, TradeExecuted.class)).extracting(TradeExecuted::price).containsExactly(100L, 900L);
        assertThat(only(events, OrderCancelled.class)).singleElement().satisfies(c -> {
            assertThat(c.reason()).isEqualTo(CancelReason.MARKET_REMAINDER);
            assertThat(c.cancelledQuantity()).isEqualTo(5);
        });
        assertThat(s.engine.orderCount()).isZero();
    }

    @Test
    void marketOrderWithGtcNeverRests() {
        List<MatchEvent> events = s.market("M1", "bob", Side.SELL, TimeInForce.GTC, 10);

        assertThat(events).hasSize(2);
        assertThat(events.get(1)).isEqualTo(new OrderCancelled(Scenario.INSTRUMENT, "M1", "bob", 10,
                CancelReason.MARKET_REMAINDER, s.now));
        assertThat(s.engine.orderCount()).isZero();
    }

    @Test
    void acceptedEventEchoesTheOrder() {
        List<MatchEvent> events = s.place("B1", "bob", Side.BUY, TimeInForce.DAY, 100, 7, CreditGrade.AA);

        assertThat(events).containsExactly(new OrderAccepted(Scenario.INSTRUMENT, "B1", "bob", Side.BUY,
                io.carbonx.events.OrderType.LIMIT, TimeInForce.DAY, 100, 7, CreditGrade.AA, s.now));
    }
}
