package io.carbonx.exchange.core.matching;

import static io.carbonx.exchange.core.matching.Scenario.only;
import static io.carbonx.exchange.core.matching.TradingSessionTest.H;
import static io.carbonx.exchange.core.matching.TradingSessionTest.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.carbonx.events.CreditGrade;
import io.carbonx.events.Side;
import io.carbonx.events.TimeInForce;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Orders are entered in the pre-open (01:30) and uncrossed at the open (02:00). */
class CallAuctionUncrossTest {

    private static Scenario preOpen(long referencePrice) {
        return new Scenario(InstrumentRules.builder(Scenario.INSTRUMENT)
                .schedule(SessionSchedule.daily(H, 2 * H, 20 * H, 21 * H))
                .priceBand(referencePrice, 0).build(), at(0, 1, 30));
    }

    private static AuctionResult open(Scenario s) {
        List<AuctionResult> results = only(s.advanceTo(at(0, 2, 0)), AuctionResult.class);
        assertThat(results).hasSize(1);
        return results.get(0);
    }

    @Test
    void openingAuction_maximisesVolume_thenMinimisesImbalance_thenNearestReference() {
        // volume: 5 at 100, 10 at 101, 20 at 102, 10 at 103 -> 102 although 100 is the reference
        Scenario volume = preOpen(100);
        volume.buy("B1", "b", 103, 10);
        volume.buy("B2", "b", 102, 10);
        volume.buy("B3", "b", 101, 10);
        volume.sell("S1", "s", 100, 5);
        volume.sell("S2", "s", 101, 5);
        volume.sell("S3", "s", 102, 20);
        assertThat(open(volume).price()).isEqualTo(102);

        // equal volume 20 at 100, 101, 102; imbalance 0 at 100, -5 at 101 and 102 -> 100 although reference 102
        Scenario imbalance = preOpen(102);
        imbalance.buy("B1", "b", 102, 20);
        imbalance.sell("S1", "s", 100, 20);
        imbalance.sell("S2", "s", 101, 5);
        assertThat(open(imbalance).price()).isEqualTo(100);

        // equal volume and imbalance at 100 and 103 -> nearest the reference 102
        Scenario reference = preOpen(102);
        reference.buy("B1", "b", 103, 10);
        reference.sell("S1", "s", 100, 10);
        assertThat(open(reference).price()).isEqualTo(103);
    }

    @Test
    void givenEqualDistanceToTheReference_theLowerPriceWins() {
        Scenario s = preOpen(102);
        s.buy("B1", "b", 104, 10);
        s.sell("S1", "s", 100, 10);

        assertThat(open(s).price()).isEqualTo(100);
    }

    @Test
    void withoutAReferencePrice_theLowerPriceWins() {
        Scenario s = preOpen(0);
        s.buy("B1", "b", 104, 10);
        s.sell("S1", "s", 100, 10);

        assertThat(open(s).price()).isEqualTo(100);
    }

    @Test
    void auctionResultReportsVolumeAndSignedImbalance() {
        Scenario s = preOpen(100);
        s.buy("B1", "b", 101, 30);
        s.sell("S1", "s", 100, 10);

        AuctionResult result = open(s);

        assertThat(result).isEqualTo(new AuctionResult(Scenario.INSTRUMENT, 1, AuctionKind.OPENING, 100, 10, 20,
                at(0, 2, 0)));
        assertThat(result.auctionId()).isEqualTo("EUA-26-A1");
    }

    @Test
    void allocationAtTheClearingPriceFollowsPriceThenGradeThenTime() {
        Scenario s = preOpen(100);
        s.place("B-early-BBB", "b1", Side.BUY, TimeInForce.GTC, 101, 10, CreditGrade.BBB);
        s.place("B-late-AAA", "b2", Side.BUY, TimeInForce.GTC, 101, 10, CreditGrade.AAA);
        s.place("B-high-CCC", "b3", Side.BUY, TimeInForce.GTC, 102, 10, CreditGrade.CCC);
        s.sell("S1", "s", 100, 25);

        List<TradeExecuted> trades = only(s.advanceTo(at(0, 2, 0)), TradeExecuted.class);

        assertThat(trades).extracting(TradeExecuted::buyOrderId)
                .containsExactly("B-high-CCC", "B-late-AAA", "B-early-BBB");
        assertThat(trades).extracting(TradeExecuted::quantity).containsExactly(10L, 10L, 5L);
        assertThat(trades).extracting(TradeExecuted::price).containsOnly(100L);
        assertThat(trades).allSatisfy(t -> assertThat(t.auction()).isTrue());
        assertThat(s.engine.restingOrders(Side.BUY)).singleElement().satisfies(o -> {
            assertThat(o.orderId()).isEqualTo("B-early-BBB");
            assertThat(o.remaining()).isEqualTo(5);
        });
    }

    @Test
    void uncrossLeavesTheBookUncrossed() {
        Scenario s = preOpen(100);
        s.buy("B1", "b", 105, 10);
        s.buy("B2", "b", 103, 10);
        s.buy("B3", "b", 99, 10);
        s.sell("S1", "s", 98, 5);
        s.sell("S2", "s", 102, 10);
        s.sell("S3", "s", 104, 10);

        open(s);

        assertThat(s.engine.bestBid()).isLessThan(s.engine.bestAsk());
    }

    @Test
    void uncrossOfAnUncrossedBook_producesNoTradesAndNoResult() {
        Scenario s = preOpen(100);
        s.buy("B1", "b", 99, 10);
        s.sell("S1", "s", 101, 10);

        List<MatchEvent> events = s.advanceTo(at(0, 2, 0));

        assertThat(events).containsExactly(new PhaseChanged(Scenario.INSTRUMENT, TradingPhase.CONTINUOUS,
                at(0, 2, 0)));
        assertThat(s.engine.referencePrice()).isEqualTo(100);
    }

    private static Scenario preOpen(long referencePrice, SelfTradePrevention stp) {
        return new Scenario(InstrumentRules.builder(Scenario.INSTRUMENT)
                .schedule(SessionSchedule.daily(H, 2 * H, 20 * H, 21 * H))
                .priceBand(referencePrice, 0).selfTradePrevention(stp).build(), at(0, 1, 30));
    }

    @Test
    void uncrossSelfTradePrevention_cancelAggressor_cancelsTheLaterOwnOrder_andAllocatesToTheNextCounterparty() {
        Scenario s = preOpen(100, SelfTradePrevention.CANCEL_AGGRESSOR);
        s.buy("B1", "same", 101, 10);
        s.sell("S-other", "other", 100, 10);
        s.sell("S-own", "same", 99, 10);
        s.buy("B2", "third", 100, 10);

        List<MatchEvent> events = s.advanceTo(at(0, 2, 0));

        // over the whole book the price would be 100 (volume 20), allocating B1 against S-own first: the later
        // arrival (S-own, the aggressor) is cancelled, and the price is determined again over what is left:
        // 101 (volume 10, imbalance 0), where B1 buys S-other's 10 and B2 (limit 100) does not trade
        assertThat(only(events, OrderCancelled.class)).singleElement().satisfies(c -> {
            assertThat(c.orderId()).isEqualTo("S-own");
            assertThat(c.reason()).isEqualTo(CancelReason.SELF_TRADE_PREVENTION);
        });
        List<TradeExecuted> trades = only(events, TradeExecuted.class);
        assertThat(trades).extracting(TradeExecuted::buyOrderId, TradeExecuted::sellOrderId, TradeExecuted::price,
                TradeExecuted::quantity).containsExactly(org.assertj.core.groups.Tuple.tuple("B1", "S-other", 101L,
                10L));
        assertThat(trades).noneMatch(t -> t.buyParticipantId().equals(t.sellParticipantId()));
        AuctionResult result = only(events, AuctionResult.class).get(0);
        assertThat(result.price()).isEqualTo(101);
        assertThat(result.volume()).isEqualTo(10);
        assertThat(result.imbalance()).isZero();
        assertThat(s.engine.restingOrders(Side.BUY)).extracting(RestingOrder::orderId).containsExactly("B2");
        assertThat(s.engine.restingOrders(Side.SELL)).isEmpty();
    }

    @Test
    void uncrossSelfTradePrevention_withCancelResting_cancelsTheEarlierOwnOrder() {
        Scenario s = preOpen(100, SelfTradePrevention.CANCEL_RESTING);
        s.buy("B1", "same", 100, 10);
        s.sell("S1", "same", 100, 10);
        s.sell("S2", "other", 100, 10);

        List<MatchEvent> events = s.advanceTo(at(0, 2, 0));

        assertThat(only(events, OrderCancelled.class)).extracting(OrderCancelled::orderId).containsExactly("B1");
        assertThat(only(events, TradeExecuted.class)).isEmpty();
        assertThat(only(events, AuctionResult.class)).as("nothing executed: no auction result").isEmpty();
        assertThat(s.engine.referencePrice()).isEqualTo(100);
    }

    @Test
    void uncrossOfOnlyOwnOrders_tradesNothing_andCancelsOneOfThem_byDefaultTheEarlier() {
        Scenario s = preOpen(100);
        s.buy("B1", "same", 100, 10);
        s.sell("S1", "same", 100, 10);

        List<MatchEvent> events = s.advanceTo(at(0, 2, 0));

        assertThat(only(events, TradeExecuted.class)).isEmpty();
        assertThat(only(events, OrderCancelled.class)).extracting(OrderCancelled::orderId).containsExactly("B1");
        assertThat(s.engine.restingOrders(Side.SELL)).extracting(RestingOrder::orderId).containsExactly("S1");
        assertThat(s.engine.restingOrders(Side.BUY)).isEmpty();
    }
}
