package io.carbonx.exchange.core.market;

import static io.carbonx.exchange.core.market.Inputs.accepted;
import static io.carbonx.exchange.core.market.Inputs.buy;
import static io.carbonx.exchange.core.market.Inputs.sell;
import static io.carbonx.exchange.core.market.Inputs.tick;
import static io.carbonx.exchange.core.market.MarketFixtures.CCER;
import static io.carbonx.exchange.core.market.MarketFixtures.DAY;
import static io.carbonx.exchange.core.market.MarketFixtures.cancels;
import static io.carbonx.exchange.core.market.MarketFixtures.expiries;
import static io.carbonx.exchange.core.market.MarketFixtures.of;
import static io.carbonx.exchange.core.market.MarketFixtures.trades;
import static org.assertj.core.api.Assertions.assertThat;

import io.carbonx.events.AuctionCleared;
import io.carbonx.events.AuctionFill;
import io.carbonx.events.AuctionKind;
import io.carbonx.events.CreditGrade;
import io.carbonx.events.OrderCancelled;
import io.carbonx.events.Side;
import io.carbonx.events.TimeInForce;
import io.carbonx.events.TradeExecuted;
import io.carbonx.events.TradeVenue;
import io.carbonx.exchange.core.matching.TradingPhase;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Call auctions and sessions as seen on the topics: ClockTicked drives time, uncrosses publish AuctionCleared. */
class AuctionAndSessionRulesTest {

    private static final long PRE_OPEN = DAY + 1_800_000;
    private static final long OPEN = DAY + 3_600_000;

    private final Markets markets = MarketFixtures.markets();

    @Test
    void ordersRestDuringTheCall_andTheTickAtTheOpenUncrossesThem_publishingTradesThenAuctionCleared() {
        assertThat(markets.apply(buy("B1", "ENT-B", CCER, 105, 30, PRE_OPEN))).isEmpty();
        assertThat(markets.apply(buy("B2", "ENT-C", CCER, 100, 30, PRE_OPEN + 1))).isEmpty();
        assertThat(markets.apply(sell("S1", "ENT-A", CCER, 95, 50, PRE_OPEN + 2))).isEmpty();
        assertThat(markets.depth(CCER, 5).orElseThrow().phase()).isEqualTo(TradingPhase.PRE_OPEN);

        List<MarketOutput> out = markets.apply(tick(CCER, 1, OPEN + 10));

        List<TradeExecuted> fills = trades(out);
        assertThat(fills).extracting(TradeExecuted::getVenue).containsOnly(TradeVenue.CALL_AUCTION);
        assertThat(fills).extracting(TradeExecuted::getAuctionId).containsOnly("CCER-OFFSET-A1");
        assertThat(fills).extracting(TradeExecuted::getAggressorSide).containsOnlyNulls();
        assertThat(fills).extracting(t -> t.getEnvelope().getLogicalTime()).containsOnly(OPEN);
        AuctionCleared cleared = of(out, AuctionCleared.class).get(0);
        assertThat(out.get(out.size() - 1).event()).isSameAs(cleared);
        assertThat(cleared.getKind()).isEqualTo(AuctionKind.OPENING);
        assertThat(cleared.getClearingPriceMinor()).isEqualTo(fills.get(0).getPriceMinor());
        assertThat(cleared.getExecutedQuantity()).isEqualTo(50);
        assertThat(cleared.getImbalanceQuantity()).isEqualTo(10);
        assertThat(cleared.getImbalanceSide()).isEqualTo(Side.BUY);
        assertThat(cleared.getFills()).extracting(AuctionFill::getOrderId, AuctionFill::getRequestedQuantity,
                AuctionFill::getFilledQuantity).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("B1", 30L, 30L),
                org.assertj.core.groups.Tuple.tuple("B2", 30L, 20L),
                org.assertj.core.groups.Tuple.tuple("S1", 50L, 50L));
        assertThat(markets.depth(CCER, 5).orElseThrow().phase()).isEqualTo(TradingPhase.PERIODIC_AUCTION);
    }

    @Test
    void periodicAuctionsUncrossEveryPeriod_drivenByTicks() {
        markets.apply(tick(CCER, 1, OPEN + 1));
        markets.apply(buy("B1", "ENT-B", CCER, 100, 10, OPEN + 1_000));
        markets.apply(sell("S1", "ENT-A", CCER, 100, 10, OPEN + 2_000));
        assertThat(markets.apply(tick(CCER, 2, OPEN + 59_999))).isEmpty();

        List<MarketOutput> out = markets.apply(tick(CCER, 3, OPEN + 60_000));

        assertThat(of(out, AuctionCleared.class)).extracting(AuctionCleared::getKind)
                .containsExactly(AuctionKind.PERIODIC);
        assertThat(trades(out)).hasSize(1);
    }

    @Test
    void iocOrdersAreRefusedDuringACallPhase() {
        List<MarketOutput> out = markets.apply(accepted("B1", "ENT-B", CCER, Side.BUY, 100, 10, CreditGrade.A,
                PRE_OPEN).setTimeInForce(TimeInForce.IOC).build());

        assertThat(cancels(out)).extracting(OrderCancelled::getReasonCode).containsExactly("NOT_ALLOWED_IN_CALL_PHASE");
    }

    @Test
    void dayOrdersExpireAtTheClose_asSessionClosed() {
        markets.apply(accepted("B1", "ENT-B", CCER, Side.BUY, 100, 10, CreditGrade.A, PRE_OPEN)
                .setTimeInForce(TimeInForce.DAY).build());

        List<MarketOutput> out = markets.apply(tick(CCER, 1, DAY + 82_800_000));

        assertThat(expiries(out)).singleElement().satisfies(x -> {
            assertThat(x.getOrderId()).isEqualTo("B1");
            assertThat(x.getReasonCode()).isEqualTo("SESSION_CLOSED");
        });
        assertThat(markets.depth(CCER, 5).orElseThrow().phase()).isEqualTo(TradingPhase.CLOSED);
    }

    @Test
    void aTickWhoseSequenceIsNotAboveTheLastIsIgnored() {
        markets.apply(tick(CCER, 5, PRE_OPEN));
        String before = markets.stateHashes().get(CCER);

        assertThat(markets.apply(tick(CCER, 5, OPEN + 5))).isEmpty();
        assertThat(markets.apply(tick(CCER, 4, OPEN + 6))).isEmpty();
        assertThat(markets.stateHashes().get(CCER)).isEqualTo(before);
        assertThat(markets.depth(CCER, 5).orElseThrow().phase()).isEqualTo(TradingPhase.PRE_OPEN);
    }
}
