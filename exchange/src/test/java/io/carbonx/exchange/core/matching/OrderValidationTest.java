package io.carbonx.exchange.core.matching;

import static org.assertj.core.api.Assertions.assertThat;

import io.carbonx.events.CreditGrade;
import io.carbonx.events.OrderType;
import io.carbonx.events.Side;
import io.carbonx.events.TimeInForce;
import java.util.List;
import java.util.function.LongFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every rejection reason, and that a rejected command changes nothing. Tick 5, lot 10, band 9500..10500. */
class OrderValidationTest {

    private static final InstrumentRules RULES = InstrumentRules.builder(Scenario.INSTRUMENT)
            .tickSize(5).lotSize(10).quantityRange(20, 10_000).priceBand(10_000, 500).build();

    private final Scenario s = Scenario.with(RULES);

    private static PlaceOrder limit(String id, long price, long qty, long t) {
        return PlaceOrder.limit(id, "bob", Side.BUY, TimeInForce.GTC, price, qty, CreditGrade.A, t);
    }

    static Stream<Arguments> badCommands() {
        return Stream.of(
                bad(RejectReason.NON_POSITIVE_QUANTITY, t -> limit("N1", 10_000, 0, t)),
                bad(RejectReason.NON_POSITIVE_QUANTITY, t -> limit("N1", 10_000, -10, t)),
                bad(RejectReason.BELOW_MIN_QUANTITY, t -> limit("N1", 10_000, 10, t)),
                bad(RejectReason.ABOVE_MAX_QUANTITY, t -> limit("N1", 10_000, 10_010, t)),
                bad(RejectReason.OFF_LOT, t -> limit("N1", 10_000, 25, t)),
                bad(RejectReason.NON_POSITIVE_PRICE, t -> limit("N1", 0, 20, t)),
                bad(RejectReason.OFF_TICK, t -> limit("N1", 10_001, 20, t)),
                bad(RejectReason.OUT_OF_BAND, t -> limit("N1", 9_495, 20, t)),
                bad(RejectReason.OUT_OF_BAND, t -> limit("N1", 10_505, 20, t)),
                bad(RejectReason.PRICE_NOT_ALLOWED_FOR_MARKET, t -> new PlaceOrder("N1", "bob", Side.BUY,
                        OrderType.MARKET, TimeInForce.IOC, 10_000, 20, CreditGrade.A, t)),
                bad(RejectReason.NON_POSITIVE_PRICE, t -> PlaceOrder.protectedMarket("N1", "bob", Side.BUY,
                        TimeInForce.IOC, 20, -5, CreditGrade.A, t)),
                bad(RejectReason.OFF_TICK, t -> PlaceOrder.protectedMarket("N1", "bob", Side.BUY,
                        TimeInForce.IOC, 20, 10_001, CreditGrade.A, t)),
                bad(RejectReason.NOTIONAL_OVERFLOW, t -> PlaceOrder.protectedMarket("N1", "bob", Side.BUY,
                        TimeInForce.IOC, 10_000, Long.MAX_VALUE / 5 * 5, CreditGrade.A, t)),
                bad(RejectReason.PROTECTION_NOT_ALLOWED_FOR_LIMIT, t -> new PlaceOrder("N1", "bob", Side.BUY,
                        OrderType.LIMIT, TimeInForce.GTC, 10_000, 20, CreditGrade.A, t, 10_500)),
                bad(RejectReason.MISSING_FIELD, t -> new PlaceOrder("N1", "bob", null, OrderType.LIMIT,
                        TimeInForce.GTC, 10_000, 20, CreditGrade.A, t)),
                bad(RejectReason.MISSING_FIELD, t -> new PlaceOrder("N1", "bob", Side.BUY, OrderType.LIMIT,
                        TimeInForce.GTC, 10_000, 20, null, t)),
                bad(RejectReason.INVALID_ORDER_ID, t -> PlaceOrder.limit(" ", "bob", Side.BUY, TimeInForce.GTC,
                        10_000, 20, CreditGrade.A, t)),
                bad(RejectReason.INVALID_PARTICIPANT, t -> PlaceOrder.limit("N1", "", Side.BUY, TimeInForce.GTC,
                        10_000, 20, CreditGrade.A, t)),
                bad(RejectReason.GRADE_NOT_PERMITTED, t -> PlaceOrder.limit("N1", "bob", Side.BUY,
                        TimeInForce.GTC, 10_000, 20, CreditGrade.D, t)),
                bad(RejectReason.DUPLICATE_ORDER_ID, t -> limit("B1", 10_000, 20, t)),
                bad(RejectReason.UNKNOWN_ORDER, t -> new CancelOrder("nope", "bob", t)),
                bad(RejectReason.NOT_ORDER_OWNER, t -> new CancelOrder("B1", "mallory", t)),
                bad(RejectReason.UNKNOWN_ORDER, t -> new ReplaceOrder("nope", "bob", 10_000, 20, t)),
                bad(RejectReason.NOT_ORDER_OWNER, t -> new ReplaceOrder("B1", "mallory", 10_000, 20, t)),
                bad(RejectReason.OFF_TICK, t -> new ReplaceOrder("B1", "bob", 10_002, 20, t)),
                bad(RejectReason.OUT_OF_BAND, t -> new ReplaceOrder("B1", "bob", 11_000, 20, t)),
                bad(RejectReason.OFF_LOT, t -> new ReplaceOrder("B1", "bob", 10_000, 21, t)),
                bad(RejectReason.NON_POSITIVE_QUANTITY, t -> new ReplaceOrder("B1", "bob", 10_000, 0, t)),
                bad(RejectReason.ABOVE_MAX_QUANTITY, t -> new ReplaceOrder("B1", "bob", 10_000, 20_000, t)),
                bad(RejectReason.INVALID_PARTICIPANT, t -> new CancelParticipantOrders(" ", t)),
                bad(RejectReason.OFF_TICK, t -> new SetReferencePrice(10_001, t)),
                bad(RejectReason.NON_POSITIVE_PRICE, t -> new SetReferencePrice(0, t)),
                bad(RejectReason.TIME_WENT_BACKWARDS, t -> limit("N1", 10_000, 20, t - 1)),
                bad(RejectReason.TIME_WENT_BACKWARDS, t -> new AdvanceTime(t - 1)));
    }

    private static Arguments bad(RejectReason reason, LongFunction<Command> command) {
        return Arguments.of(reason, command);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badCommands")
    void rejectsWithPreciseReasonAndChangesNothing(RejectReason reason, LongFunction<Command> badCommand) {
        s.buy("B1", "bob", 10_000, 100);
        s.sell("S1", "alice", 10_050, 100);
        String before = s.stateHashHex();
        Command command = badCommand.apply(s.now);

        List<MatchEvent> events = s.submit(command);

        assertThat(events).singleElement().isInstanceOfSatisfying(OrderRejected.class, r -> {
            assertThat(r.reason()).isEqualTo(reason);
            assertThat(r.command()).isEqualTo(command.kind());
            assertThat(r.timeMs()).isEqualTo(command.timeMs());
        });
        assertThat(s.stateHashHex()).isEqualTo(before);
        assertThat(s.queue(Side.BUY)).containsExactly("B1");
        assertThat(s.engine.order("B1")).hasValueSatisfying(o -> assertThat(o.remaining()).isEqualTo(100));
    }

    @Test
    void bandEdgesAreInclusive() {
        assertThat(s.submit(limit("L", 9_500, 20, s.now))).first().isInstanceOf(OrderAccepted.class);
        assertThat(s.submit(limit("H", 10_500, 20, s.now))).first().isInstanceOf(OrderAccepted.class);
    }

    @Test
    void firstBrokenRuleDeterminesTheReason() {
        // off lot and off tick and out of band: the quantity is checked first
        List<MatchEvent> events = s.submit(limit("N1", 20_001, 25, s.now));

        assertThat(events).singleElement().extracting(e -> ((OrderRejected) e).reason())
                .isEqualTo(RejectReason.OFF_LOT);
    }

    @Test
    void rejectsNotionalOverflow() {
        Scenario wide = Scenario.with(InstrumentRules.builder("X").quantityRange(1, Long.MAX_VALUE).build());

        List<MatchEvent> events = wide.buy("B1", "bob", Long.MAX_VALUE / 2, 3);

        assertThat(events).singleElement().extracting(e -> ((OrderRejected) e).reason())
                .isEqualTo(RejectReason.NOTIONAL_OVERFLOW);
    }

    @Test
    void rejectsQuantityThatWouldOverflowTheSideTotal() {
        Scenario wide = Scenario.with(InstrumentRules.builder("X").quantityRange(1, Long.MAX_VALUE).build());
        wide.sell("S1", "alice", 1, Long.MAX_VALUE - 5);
        String before = wide.stateHashHex();

        List<MatchEvent> events = wide.sell("S2", "carol", 1, 10);

        assertThat(events).singleElement().extracting(e -> ((OrderRejected) e).reason())
                .isEqualTo(RejectReason.QUANTITY_OVERFLOW);
        assertThat(wide.stateHashHex()).isEqualTo(before);
    }

    @Test
    void replaceMayNotOverflowTheSideTotal() {
        Scenario wide = Scenario.with(InstrumentRules.builder("X").quantityRange(1, Long.MAX_VALUE).build());
        wide.sell("S1", "alice", 1, Long.MAX_VALUE - 5);
        wide.sell("S2", "carol", 2, 5);

        List<MatchEvent> events = wide.replace("S2", "carol", 2, 6);

        assertThat(events).singleElement().extracting(e -> ((OrderRejected) e).reason())
                .isEqualTo(RejectReason.QUANTITY_OVERFLOW);
    }

    @Test
    void rejectionNamesTheCommandsOrderAndParticipant() {
        List<MatchEvent> events = s.submit(new CancelOrder("nope", "bob", s.now));

        assertThat(events).containsExactly(new OrderRejected(Scenario.INSTRUMENT, CommandKind.CANCEL, "nope", "bob",
                RejectReason.UNKNOWN_ORDER, s.now));
    }

    @Test
    void finishedOrderIdMayBeReusedBecauseUniquenessOverTimeIsTheOrderEntryLayersJob() {
        s.buy("B1", "bob", 10_000, 20);
        s.cancel("B1", "bob");

        assertThat(s.buy("B1", "bob", 10_000, 20)).first().isInstanceOf(OrderAccepted.class);
    }
}
