package io.carbonx.exchange.core.matching;

import static io.carbonx.exchange.core.matching.Scenario.only;
import static org.assertj.core.api.Assertions.assertThat;

import io.carbonx.events.CreditGrade;
import io.carbonx.events.Side;
import io.carbonx.events.TimeInForce;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Daily timetable: pre-open 01:00, open 02:00, closing call 20:00, close 21:00 (UTC ms of day). */
class TradingSessionTest {

    static final long H = 3_600_000L;
    static final long DAY0 = 20_000L * SessionSchedule.DAY_MS;

    static long at(int day, int hours, int minutes) {
        return DAY0 + day * SessionSchedule.DAY_MS + hours * H + minutes * 60_000L;
    }

    private static Scenario daily(long startMs) {
        return new Scenario(InstrumentRules.builder(Scenario.INSTRUMENT)
                .schedule(SessionSchedule.daily(H, 2 * H, 20 * H, 21 * H)).priceBand(100, 0).build(), startMs);
    }

    private static PhaseChanged phase(TradingPhase phase, long timeMs) {
        return new PhaseChanged(Scenario.INSTRUMENT, phase, timeMs);
    }

    @Test
    void firstCommandSetsThePhaseFromTheTimetable() {
        MatchingEngine engine = new MatchingEngine(InstrumentRules.builder(Scenario.INSTRUMENT)
                .schedule(SessionSchedule.daily(H, 2 * H, 20 * H, 21 * H)).build());

        List<MatchEvent> events = engine.process(new CancelOrder("nope", "bob", at(0, 1, 30)));

        assertThat(events).first().isEqualTo(phase(TradingPhase.PRE_OPEN, at(0, 1, 30)));
        assertThat(events).hasSize(2);
        assertThat(engine.phase()).isEqualTo(TradingPhase.PRE_OPEN);
    }

    @Test
    void preOpenCollectsOrdersWithoutMatching() {
        Scenario s = daily(at(0, 1, 30));
        s.buy("B1", "bob", 101, 10);

        List<MatchEvent> events = s.sell("S1", "alice", 99, 10);

        assertThat(events).singleElement().isInstanceOf(OrderAccepted.class);
        assertThat(s.engine.bestBid()).isGreaterThan(s.engine.bestAsk());
    }

    @Test
    void openingUncrossTradesThenContinuousTradingStarts_eventsCarryTheBoundaryTime() {
        Scenario s = daily(at(0, 1, 30));
        s.buy("B1", "bob", 101, 10);
        s.sell("S1", "alice", 99, 10);

        List<MatchEvent> events = s.advanceTo(at(0, 2, 30));

        assertThat(events).hasSize(3);
        assertThat(events.get(0)).isInstanceOfSatisfying(TradeExecuted.class, t -> {
            assertThat(t.auction()).isTrue();
            assertThat(t.timeMs()).isEqualTo(at(0, 2, 0));
        });
        assertThat(events.get(1)).isInstanceOfSatisfying(AuctionResult.class,
                a -> assertThat(a.kind()).isEqualTo(AuctionKind.OPENING));
        assertThat(events.get(2)).isEqualTo(phase(TradingPhase.CONTINUOUS, at(0, 2, 0)));
        assertThat(only(s.buy("B2", "bob", 100, 5), OrderAccepted.class)).hasSize(1);
        assertThat(only(s.sell("S2", "alice", 100, 5), TradeExecuted.class)).as("continuous matching").hasSize(1);
    }

    @Test
    void closingCallCollectsOrdersAndUncrossesAtTheClose() {
        Scenario s = daily(at(0, 19, 0));
        assertThat(s.advanceTo(at(0, 20, 0))).containsExactly(phase(TradingPhase.CLOSING_AUCTION, at(0, 20, 0)));
        s.buy("B1", "bob", 101, 10);
        s.sell("S1", "alice", 100, 4);
        assertThat(s.engine.orderCount()).as("no matching in the closing call").isEqualTo(2);

        List<MatchEvent> events = s.advanceTo(at(0, 21, 0));

        assertThat(only(events, AuctionResult.class)).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(AuctionKind.CLOSING);
            assertThat(a.volume()).isEqualTo(4);
        });
        assertThat(events.get(events.size() - 1)).isEqualTo(phase(TradingPhase.CLOSED, at(0, 21, 0)));
    }

    @Test
    void dayOrdersExpireAtTheClose_gtcOrdersStay() {
        Scenario s = daily(at(0, 10, 0));
        s.place("D1", "bob", Side.BUY, TimeInForce.DAY, 100, 10, CreditGrade.A);
        s.place("G1", "bob", Side.BUY, TimeInForce.GTC, 99, 10, CreditGrade.A);
        s.place("D2", "alice", Side.SELL, TimeInForce.DAY, 105, 10, CreditGrade.A);

        List<MatchEvent> events = s.advanceTo(at(0, 21, 0));

        assertThat(only(events, OrderExpired.class)).containsExactly(
                new OrderExpired(Scenario.INSTRUMENT, "D1", "bob", 10, at(0, 21, 0)),
                new OrderExpired(Scenario.INSTRUMENT, "D2", "alice", 10, at(0, 21, 0)));
        assertThat(s.queue(Side.BUY)).containsExactly("G1");
    }

    @Test
    void closedMarketRejectsNewOrdersAndReplacesButAcceptsCancels() {
        Scenario s = daily(at(0, 10, 0));
        s.buy("G1", "bob", 99, 10);
        s.advanceTo(at(0, 22, 0));

        assertThat(only(s.buy("B2", "bob", 99, 10), OrderRejected.class)).extracting(OrderRejected::reason)
                .containsExactly(RejectReason.MARKET_CLOSED);
        assertThat(only(s.replace("G1", "bob", 98, 10), OrderRejected.class)).extracting(OrderRejected::reason)
                .containsExactly(RejectReason.MARKET_CLOSED);
        assertThat(only(s.cancel("G1", "bob"), OrderCancelled.class)).hasSize(1);
    }

    @Test
    void callPhaseRejectsMarketIocAndFokOrders() {
        Scenario s = daily(at(0, 1, 30));

        assertThat(only(s.market("M1", "bob", Side.BUY, TimeInForce.GTC, 10), OrderRejected.class))
                .extracting(OrderRejected::reason).containsExactly(RejectReason.NOT_ALLOWED_IN_CALL_PHASE);
        assertThat(only(s.place("I1", "bob", Side.BUY, TimeInForce.IOC, 100, 10, CreditGrade.A),
                OrderRejected.class)).extracting(OrderRejected::reason)
                .containsExactly(RejectReason.NOT_ALLOWED_IN_CALL_PHASE);
        assertThat(only(s.place("F1", "bob", Side.BUY, TimeInForce.FOK, 100, 10, CreditGrade.A),
                OrderRejected.class)).extracting(OrderRejected::reason)
                .containsExactly(RejectReason.NOT_ALLOWED_IN_CALL_PHASE);
    }

    @Test
    void replaceInACallPhaseMovesTheOrderWithoutMatching() {
        Scenario s = daily(at(0, 1, 30));
        s.buy("B1", "bob", 99, 10);
        s.sell("S1", "alice", 101, 10);

        List<MatchEvent> events = s.replace("B1", "bob", 102, 10);

        assertThat(events).singleElement().isInstanceOf(OrderReplaced.class);
        assertThat(s.engine.bestBid()).isEqualTo(102);
    }

    @Test
    void sessionsRepeatEveryDay() {
        Scenario s = daily(at(0, 22, 0));

        List<MatchEvent> events = s.advanceTo(at(1, 2, 0));

        assertThat(events).containsExactly(phase(TradingPhase.PRE_OPEN, at(1, 1, 0)),
                phase(TradingPhase.CONTINUOUS, at(1, 2, 0)));
    }

    @Test
    void idleDaysAreSkipped_pendingCloseStillHappens() {
        Scenario s = daily(at(0, 10, 0));
        s.place("D1", "bob", Side.BUY, TimeInForce.DAY, 100, 10, CreditGrade.A);
        s.buy("G1", "bob", 99, 10);

        List<MatchEvent> events = s.advanceTo(at(10, 2, 30));

        assertThat(events).containsExactly(
                phase(TradingPhase.CLOSING_AUCTION, at(0, 20, 0)),
                new OrderExpired(Scenario.INSTRUMENT, "D1", "bob", 10, at(0, 21, 0)),
                phase(TradingPhase.CLOSED, at(0, 21, 0)),
                phase(TradingPhase.PRE_OPEN, at(10, 1, 0)),
                phase(TradingPhase.CONTINUOUS, at(10, 2, 0)));
        assertThat(s.queue(Side.BUY)).containsExactly("G1");
    }

    @Test
    void startingAfterTheCloseWaitsForTheNextPreOpen() {
        Scenario s = daily(at(0, 23, 0));

        assertThat(s.advanceTo(at(1, 0, 59))).isEmpty();
        assertThat(s.advanceTo(at(1, 1, 0))).containsExactly(phase(TradingPhase.PRE_OPEN, at(1, 1, 0)));
    }

    @Test
    void periodicMode_uncrossesEveryPeriodAndAtTheClose() {
        long period = 10 * 60_000L;
        Scenario s = new Scenario(InstrumentRules.builder(Scenario.INSTRUMENT)
                .schedule(SessionSchedule.periodic(H, 2 * H, 21 * H, period)).build(), at(0, 1, 30));
        s.buy("B1", "bob", 101, 10);
        s.sell("S1", "alice", 100, 10);
        List<MatchEvent> opening = s.advanceTo(at(0, 2, 5));
        s.buy("B2", "bob", 102, 10);
        s.sell("S2", "alice", 102, 10);
        List<MatchEvent> periodic = s.advanceTo(at(0, 2, 10));
        s.buy("B3", "bob", 103, 10);
        s.sell("S3", "alice", 103, 10);
        List<MatchEvent> closing = s.advanceTo(at(0, 21, 0));

        assertThat(only(opening, AuctionResult.class)).extracting(AuctionResult::kind)
                .containsExactly(AuctionKind.OPENING);
        assertThat(only(opening, PhaseChanged.class)).extracting(PhaseChanged::phase)
                .containsExactly(TradingPhase.PERIODIC_AUCTION);
        assertThat(only(periodic, AuctionResult.class)).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(AuctionKind.PERIODIC);
            assertThat(a.timeMs()).isEqualTo(at(0, 2, 10));
            assertThat(a.auctionId()).isEqualTo("EUA-26-A2");
        });
        assertThat(only(closing, AuctionResult.class)).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(AuctionKind.PERIODIC);
            assertThat(a.timeMs()).isEqualTo(at(0, 2, 20));
        });
        assertThat(only(closing, PhaseChanged.class)).extracting(PhaseChanged::phase)
                .containsExactly(TradingPhase.CLOSED);
    }

    @Test
    void periodicMode_finalUncrossAtTheCloseIsAClosingAuction() {
        long period = 7 * H;
        Scenario s = new Scenario(InstrumentRules.builder(Scenario.INSTRUMENT)
                .schedule(SessionSchedule.periodic(H, 2 * H, 21 * H, period)).build(), at(0, 20, 0));
        s.buy("B1", "bob", 101, 10);
        s.sell("S1", "alice", 100, 10);

        List<MatchEvent> events = s.advanceTo(at(0, 21, 0));

        assertThat(only(events, AuctionResult.class)).extracting(AuctionResult::kind)
                .containsExactly(AuctionKind.CLOSING);
    }

    @Test
    void auctionClearingPriceBecomesTheReferenceAndMovesTheBand() {
        Scenario s = new Scenario(InstrumentRules.builder(Scenario.INSTRUMENT)
                .schedule(SessionSchedule.daily(H, 2 * H, 20 * H, 21 * H)).priceBand(100, 1_000).build(),
                at(0, 1, 30));
        s.buy("B1", "bob", 108, 10);
        s.sell("S1", "alice", 108, 10);

        s.advanceTo(at(0, 2, 0));

        assertThat(s.engine.referencePrice()).isEqualTo(108);
        assertThat(s.engine.priceBand()).isEqualTo(new PriceBand(98, 118));
        assertThat(only(s.buy("B2", "bob", 118, 10), OrderAccepted.class)).hasSize(1);
        assertThat(only(s.buy("B3", "bob", 119, 10), OrderRejected.class)).extracting(OrderRejected::reason)
                .containsExactly(RejectReason.OUT_OF_BAND);
    }

    @Test
    void setReferencePriceMovesTheBand() {
        Scenario s = Scenario.with(InstrumentRules.builder(Scenario.INSTRUMENT).priceBand(100, 1_000).build());

        List<MatchEvent> events = s.submit(new SetReferencePrice(200, s.now));

        assertThat(events).contains(new ReferencePriceSet(Scenario.INSTRUMENT, 200, s.now));
        assertThat(s.engine.priceBand()).isEqualTo(new PriceBand(180, 220));
    }

    @Test
    void continuousOnlyInstrumentNeverChangesPhase() {
        Scenario s = Scenario.continuous();

        assertThat(s.advanceTo(100 * SessionSchedule.DAY_MS)).isEmpty();
        assertThat(s.engine.phase()).isEqualTo(TradingPhase.CONTINUOUS);
    }
}
