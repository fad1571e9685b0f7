package io.carbonx.exchange.core.matching;

import static io.carbonx.exchange.core.matching.Scenario.only;
import static org.assertj.core.api.Assertions.assertThat;

import io.carbonx.events.CreditGrade;
import io.carbonx.events.Side;
import io.carbonx.events.TimeInForce;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Market orders with protection: a MARKET order carrying a protection price trades like a limit at that price and
 * never rests; what it cannot fill within the protection is cancelled MARKET_REMAINDER. The registry sizes the
 * order's deposit from the protection and checks every fill against it, so no fill may cross it.
 */
class ProtectedMarketOrderTest {

    private final Scenario s = Scenario.continuous();

    private List<MatchEvent> protectedMarket(String id, Side side, TimeInForce tif, long qty, long protection) {
        return s.submit(PlaceOrder.protectedMarket(id, "bob", side, tif, qty, protection, CreditGrade.UNRATED,
                s.now));
    }

    @Test
    void aProtectedMarketBuy_neverTradesAboveItsProtection_andItsRemainderIsCancelledMarketRemainder() {
        s.sell("S1", "alice", 100, 10);
        s.sell("S2", "carol", 104, 10);
        s.sell("S3", "dave", 105, 10);

        List<MatchEvent> events = protectedMarket("M1", Side.BUY, TimeInForce.IOC, 35, 104);

        assertThat(only(events, TradeExecuted.class)).extracting(TradeExecuted::price).containsExactly(100L, 104L);
        assertThat(only(events, OrderCancelled.class)).singleElement().satisfies(c -> {
            assertThat(c.orderId()).isEqualTo("M1");
            assertThat(c.reason()).isEqualTo(CancelReason.MARKET_REMAINDER);
            assertThat(c.cancelledQuantity()).isEqualTo(15);
        });
        assertThat(s.queue(Side.SELL)).containsExactly("S3");
        assertThat(s.engine.order("M1")).isEmpty();
    }

    @Test
    void aProtectedMarketSell_neverTradesBelowItsProtection() {
        s.buy("B1", "alice", 100, 10);
        s.buy("B2", "carol", 96, 10);

        List<MatchEvent> events = protectedMarket("M1", Side.SELL, TimeInForce.GTC, 20, 97);

        assertThat(only(events, TradeExecuted.class)).singleElement().satisfies(t -> {
            assertThat(t.price()).isEqualTo(100);
            assertThat(t.aggressorSide()).isEqualTo(Side.SELL);
        });
        assertThat(only(events, OrderCancelled.class)).extracting(OrderCancelled::reason)
                .containsExactly(CancelReason.MARKET_REMAINDER);
        assertThat(s.queue(Side.BUY)).containsExactly("B2");
    }

    @Test
    void aProtectedMarketOrderWithNothingWithinItsProtection_tradesNothing_andNeverRests() {
        s.sell("S1", "alice", 110, 10);

        List<MatchEvent> events = protectedMarket("M1", Side.BUY, TimeInForce.GTC, 10, 105);

        assertThat(only(events, TradeExecuted.class)).isEmpty();
        assertThat(only(events, OrderCancelled.class)).singleElement()
                .satisfies(c -> assertThat(c.reason()).isEqualTo(CancelReason.MARKET_REMAINDER));
        assertThat(s.engine.orderCount()).isEqualTo(1);
    }

    @Test
    void aProtectedMarketFok_countsOnlyLiquidityWithinItsProtection() {
        s.sell("S1", "alice", 100, 10);
        s.sell("S2", "carol", 120, 10);

        List<MatchEvent> refused = protectedMarket("M1", Side.BUY, TimeInForce.FOK, 15, 110);
        List<MatchEvent> filled = protectedMarket("M2", Side.BUY, TimeInForce.FOK, 15, 120);

        assertThat(only(refused, TradeExecuted.class)).isEmpty();
        assertThat(only(refused, OrderCancelled.class)).extracting(OrderCancelled::reason)
                .containsExactly(CancelReason.FOK_NOT_FILLABLE);
        assertThat(only(filled, TradeExecuted.class)).extracting(TradeExecuted::quantity).containsExactly(10L, 5L);
    }

    @Test
    void aProtectionAtTheRestingPrice_stillTrades() {
        s.sell("S1", "alice", 100, 10);

        List<MatchEvent> events = protectedMarket("M1", Side.BUY, TimeInForce.IOC, 10, 100);

        assertThat(only(events, TradeExecuted.class)).singleElement()
                .satisfies(t -> assertThat(t.price()).isEqualTo(100));
        assertThat(only(events, OrderCancelled.class)).isEmpty();
    }

    @Test
    void theProtectionIsNotHeldToTheBand_itOnlyBoundsTheFills() {
        Scenario banded = Scenario.with(InstrumentRules.builder(Scenario.INSTRUMENT).priceBand(100, 1_000).build());
        banded.sell("S1", "alice", 108, 10);

        List<MatchEvent> events = banded.submit(PlaceOrder.protectedMarket("M1", "bob", Side.BUY, TimeInForce.IOC,
                10, 200, CreditGrade.UNRATED, banded.now));

        assertThat(only(events, TradeExecuted.class)).extracting(TradeExecuted::price).containsExactly(108L);
    }
}
