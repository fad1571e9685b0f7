package io.carbonx.exchange.core.marketdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.carbonx.events.AuctionKind;
import io.carbonx.events.Side;
import io.carbonx.events.TradeVenue;
import io.carbonx.exchange.core.market.DepthLevel;
import io.carbonx.exchange.core.market.Inputs;
import io.carbonx.exchange.core.market.MarketDefinition;
import io.carbonx.exchange.core.market.MarketOutput;
import io.carbonx.exchange.core.market.Markets;
import io.carbonx.exchange.service.InstrumentConfig;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

/** The read model fed as a follower of the topics would feed it: the orders topic's inputs and the outputs. */
class MarketDataTest {

    private static final String EUA = "EUA-2026";
    private static final String CCER = "CCER-OFFSET";
    private static final long DAY = 1_793_577_600_000L;

    private final List<MarketDefinition> definitions = InstrumentConfig.parse(InstrumentConfig.defaults());
    private final Markets matcher = new Markets("carbonx-test", definitions);
    private final MarketData data = new MarketData("carbonx-test", definitions, 3, 2);

    /** Publishes an input as the matcher would: input and order outcomes on the orders topic, fills on trades. */
    private void publish(SpecificRecord input) {
        data.applyOrderEvent(input);
        for (MarketOutput o : matcher.apply(input)) {
            switch (o.destination()) {
                case ORDERS -> data.applyOrderEvent(o.event());
                case TRADES -> data.applyTradeEvent(o.event());
                default -> { }
            }
        }
    }

    @Test
    void depthAggregatesRestingOrdersByPriceLevel_bestFirst() {
        publish(Inputs.buy("B1", "E1", EUA, 7_990, 10, DAY + 1));
        publish(Inputs.buy("B2", "E2", EUA, 7_990, 5, DAY + 2));
        publish(Inputs.buy("B3", "E3", EUA, 8_000, 7, DAY + 3));
        publish(Inputs.sell("S1", "E4", EUA, 8_010, 4, DAY + 4));
        publish(Inputs.sell("S2", "E5", EUA, 8_020, 6, DAY + 5));

        var depth = data.depth(EUA, 5).orElseThrow();

        assertThat(depth.bids()).containsExactly(new DepthLevel(8_000, 7, 1), new DepthLevel(7_990, 15, 2));
        assertThat(depth.asks()).containsExactly(new DepthLevel(8_010, 4, 1), new DepthLevel(8_020, 6, 1));
        assertThat(depth.bestBid().priceMinor()).isEqualTo(8_000);
        assertThat(depth.bestAsk().priceMinor()).isEqualTo(8_010);
        assertThat(data.depth(EUA, 1).orElseThrow().bids()).hasSize(1);
    }

    @Test
    void tradesAreKeptNewestFirst_uptoTheConfiguredNumber_andTheBookReflectsThem() {
        publish(Inputs.sell("S1", "E1", EUA, 8_000, 100, DAY + 1));
        for (int i = 0; i < 4; i++) {
            publish(Inputs.buy("B" + i, "E2", EUA, 8_000, 10, DAY + 10 + i));
        }

        List<TradePrint> trades = data.trades(EUA, 10);

        assertThat(trades).extracting(TradePrint::tradeId).containsExactly("EUA-2026-T4", "EUA-2026-T3",
                "EUA-2026-T2");
        assertThat(trades).extracting(TradePrint::aggressorSide).containsOnly(Side.BUY);
        assertThat(trades).extracting(TradePrint::venue).containsOnly(TradeVenue.CONTINUOUS);
        assertThat(data.depth(EUA, 5).orElseThrow().asks()).containsExactly(new DepthLevel(8_000, 60, 1));
    }

    @Test
    void ohlcBarsCombineSecondsIntoTheRequestedInterval() {
        publish(Inputs.sell("S1", "E1", EUA, 8_000, 10, DAY));
        publish(Inputs.sell("S2", "E1", EUA, 8_100, 10, DAY));
        publish(Inputs.sell("S3", "E1", EUA, 7_900, 10, DAY));
        publish(Inputs.buy("B1", "E2", EUA, 8_000, 5, DAY + 1_000));      // 7 900 x5
        publish(Inputs.buy("B2", "E2", EUA, 8_100, 10, DAY + 30_000));    // 7 900 x5, 8 000 x5
        publish(Inputs.buy("B3", "E2", EUA, 8_100, 5, DAY + 61_000));     // 8 000 x5

        List<Bar> minutes = data.ohlc(EUA, 60_000, DAY, DAY + 120_000);

        assertThat(minutes).containsExactly(new Bar(DAY, 60_000, 7_900, 8_000, 7_900, 8_000, 15, 3),
                new Bar(DAY + 60_000, 60_000, 8_000, 8_000, 8_000, 8_000, 5, 1));
        assertThat(data.ohlc(EUA, 1_000, DAY + 30_000, DAY + 31_000)).singleElement()
                .satisfies(b -> assertThat(b.trades()).isEqualTo(2));
        assertThatThrownBy(() -> data.ohlc(EUA, 1_500, DAY, DAY + 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void auctionResultsAreKept_newestFirst() {
        publish(Inputs.tick(CCER, 1, DAY + 1));
        publish(Inputs.buy("B1", "E1", CCER, 5_000, 10, DAY + 10));
        publish(Inputs.sell("S1", "E2", CCER, 5_000, 10, DAY + 20));
        publish(Inputs.tick(CCER, 2, DAY + 60_000));

        assertThat(data.auctions(CCER, 5)).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(AuctionKind.PERIODIC);
            assertThat(a.clearingPriceMinor()).isEqualTo(5_000);
            assertThat(a.executedQuantity()).isEqualTo(10);
        });
        assertThat(data.trades(CCER, 5)).extracting(TradePrint::venue).containsOnly(TradeVenue.CALL_AUCTION);
    }
}
