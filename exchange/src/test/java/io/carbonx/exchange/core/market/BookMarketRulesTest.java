package io.carbonx.exchange.core.market;

import static io.carbonx.exchange.core.market.Inputs.accepted;
import static io.carbonx.exchange.core.market.Inputs.buy;
import static io.carbonx.exchange.core.market.Inputs.cancel;
import static io.carbonx.exchange.core.market.Inputs.sell;
import static io.carbonx.exchange.core.market.Inputs.tick;
import static io.carbonx.exchange.core.market.MarketFixtures.DAY;
import static io.carbonx.exchange.core.market.MarketFixtures.EUA;
import static io.carbonx.exchange.core.market.MarketFixtures.EUA_PT;
import static io.carbonx.exchange.core.market.MarketFixtures.cancels;
import static io.carbonx.exchange.core.market.MarketFixtures.expiries;
import static io.carbonx.exchange.core.market.MarketFixtures.rejections;
import static io.carbonx.exchange.core.market.MarketFixtures.trades;
import static org.assertj.core.api.Assertions.assertThat;

import io.carbonx.events.CreditGrade;
import io.carbonx.events.OrderAccepted;
import io.carbonx.events.OrderCancelled;
import io.carbonx.events.OrderExpired;
import io.carbonx.events.OrderType;
import io.carbonx.events.Side;
import io.carbonx.events.TimeInForce;
import io.carbonx.events.TradeExecuted;
import io.carbonx.events.TradeVenue;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The mapping between the order topic's events and the matching engine, rule by rule. */
class BookMarketRulesTest {

    private final Markets markets = MarketFixtures.markets();

    private List<MarketOutput> apply(org.apache.avro.specific.SpecificRecord input) {
        return markets.apply(input);
    }

    @Test
    void crossingOrdersTrade_atTheRestingPrice_withExchangeOrderIds_onTheTradesTopic() {
        apply(sell("S1", "ENT-A", EUA, 8_000, 100, DAY + 1));
        List<MarketOutput> out = apply(buy("B1", "ENT-B", EUA, 8_050, 40, DAY + 2));

        assertThat(out).singleElement().satisfies(o -> {
            assertThat(o.destination()).isEqualTo(Destination.TRADES);
            assertThat(o.key()).isEqualTo(EUA);
        });
        TradeExecuted t = trades(out).get(0);
        assertThat(t.getTradeId()).isEqualTo("EUA-2026-T1");
        assertThat(t.getPriceMinor()).isEqualTo(8_000);
        assertThat(t.getQuantity()).isEqualTo(40);
        assertThat(t.getBuyOrderId()).isEqualTo("B1");
        assertThat(t.getSellOrderId()).isEqualTo("S1");
        assertThat(t.getBuyerId()).isEqualTo("ENT-B");
        assertThat(t.getSellerId()).isEqualTo("ENT-A");
        assertThat(t.getAggressorSide()).isEqualTo(Side.BUY);
        assertThat(t.getVenue()).isEqualTo(TradeVenue.CONTINUOUS);
        assertThat(t.getAuctionId()).isNull();
        assertThat(t.getEnvelope().getLogicalTime()).isEqualTo(DAY + 2);
        assertThat(t.getEnvelope().getActor()).isEqualTo("exchange");
    }

    @Test
    void atEqualPrice_theBetterGradeAtArrivalMatchesFirst_evenIfItArrivedLater() {
        apply(accepted("S-BB", "ENT-1", EUA, Side.SELL, 8_000, 50, CreditGrade.BB, DAY + 1).build());
        apply(accepted("S-AAA", "ENT-2", EUA, Side.SELL, 8_000, 50, CreditGrade.AAA, DAY + 2).build());

        List<TradeExecuted> fills = trades(apply(buy("B", "ENT-3", EUA, 8_000, 60, DAY + 3)));

        assertThat(fills).extracting(TradeExecuted::getSellOrderId).containsExactly("S-AAA", "S-BB");
        assertThat(fills).extracting(TradeExecuted::getQuantity).containsExactly(50L, 10L);
    }

    @Test
    void onAPriceTimeInstrument_timeBeatsGrade() {
        apply(accepted("S-BB", "ENT-1", EUA_PT, Side.SELL, 100, 50, CreditGrade.BB, DAY + 1).build());
        apply(accepted("S-AAA", "ENT-2", EUA_PT, Side.SELL, 100, 50, CreditGrade.AAA, DAY + 2).build());

        List<TradeExecuted> fills = trades(apply(buy("B", "ENT-3", EUA_PT, 100, 60, DAY + 3)));

        assertThat(fills).extracting(TradeExecuted::getSellOrderId).containsExactly("S-BB", "S-AAA");
    }

    @Test
    void everyOutputIdIsTheInputIdPlusItsIndex_soIdsDependOnTheInputAlone() {
        apply(sell("S1", "ENT-A", EUA, 8_000, 10, DAY + 1));
        apply(sell("S2", "ENT-A", EUA, 8_005, 10, DAY + 1));
        OrderAccepted incoming = accepted("B1", "ENT-B", EUA, Side.BUY, 8_010, 30, CreditGrade.A, DAY + 2)
                .setTimeInForce(TimeInForce.IOC).build();

        List<MarketOutput> out = apply(incoming);

        String cause = incoming.getEnvelope().getEventId();
        assertThat(out).extracting(o -> EventIds.of(o).getEventId())
                .containsExactly(cause + "/0", cause + "/1", cause + "/2");
        assertThat(out).extracting(o -> EventIds.of(o).getCauseId()).containsOnly(cause);
        assertThat(cancels(out)).singleElement().satisfies(c -> {
            assertThat(c.getReasonCode()).isEqualTo("IOC_REMAINDER");
            assertThat(c.getRemainingQuantity()).isEqualTo(10);
        });
    }

    @Test
    void anOrderTheBookRefuses_isPublishedAsOrderCancelledWithTheReason_soTheRegistryReleasesItsLocks() {
        assertThat(cancels(apply(buy("B-BAND", "ENT-A", EUA, 9_000, 10, DAY + 1))))
                .singleElement().satisfies(c -> {
                    assertThat(c.getReasonCode()).isEqualTo("OUT_OF_BAND");
                    assertThat(c.getRemainingQuantity()).isEqualTo(10);
                    assertThat(c.getOrderId()).isEqualTo("B-BAND");
                });
        assertThat(cancels(apply(buy("B-TICK", "ENT-A", EUA, 8_001, 10, DAY + 2))))
                .extracting(OrderCancelled::getReasonCode).containsExactly("OFF_TICK");
        assertThat(cancels(apply(buy("B-LOT", "ENT-A", EUA, 8_000, 15, DAY + 3))))
                .extracting(OrderCancelled::getReasonCode).containsExactly("OFF_LOT");
        assertThat(cancels(apply(accepted("B-D", "ENT-A", EUA, Side.BUY, 8_000, 10, CreditGrade.D, DAY + 4)
                .build()))).extracting(OrderCancelled::getReasonCode).containsExactly("GRADE_NOT_PERMITTED");
        assertThat(markets.depth(EUA, 5).orElseThrow().bids()).isEmpty();
    }

    @Test
    void aSecondAcceptanceWithALiveOrderId_isCancelledAsDuplicate_andTheLiveOrderStays() {
        apply(buy("B1", "ENT-A", EUA, 8_000, 10, DAY + 1));

        assertThat(cancels(apply(buy("B1", "ENT-A", EUA, 8_000, 20, DAY + 2))))
                .extracting(OrderCancelled::getReasonCode).containsExactly("DUPLICATE_ORDER_ID");
        assertThat(markets.depth(EUA, 5).orElseThrow().bids()).containsExactly(new DepthLevel(8_000, 10, 1));
    }

    @Test
    void anInstrumentTheExchangeDoesNotTrade_cancelsTheAcceptance_andRefusesTheCancel() {
        assertThat(cancels(apply(buy("X1", "ENT-A", "NOPE", 100, 10, DAY))))
                .extracting(OrderCancelled::getReasonCode).containsExactly(Markets.UNKNOWN_INSTRUMENT);
        assertThat(rejections(apply(cancel("X1", "ENT-A", "NOPE", DAY))))
                .extracting(r -> r.getReasonCode()).containsExactly(Markets.UNKNOWN_INSTRUMENT);
        assertThat(markets.stateHashes()).doesNotContainKey("NOPE");
    }

    @Test
    void aForwardedCancelRemovesTheOrder_andACancelOfAFilledOrderIsRefused() {
        apply(sell("S1", "ENT-A", EUA, 8_000, 20, DAY + 1));
        apply(sell("S2", "ENT-A", EUA, 8_000, 20, DAY + 1));

        assertThat(cancels(apply(cancel("S1", "ENT-A", EUA, DAY + 2)))).singleElement().satisfies(c -> {
            assertThat(c.getReasonCode()).isEqualTo("CLIENT_REQUEST");
            assertThat(c.getRemainingQuantity()).isEqualTo(20);
        });
        apply(buy("B", "ENT-B", EUA, 8_000, 20, DAY + 3));
        assertThat(rejections(apply(cancel("S2", "ENT-A", EUA, DAY + 4))))
                .extracting(r -> r.getReasonCode()).containsExactly("UNKNOWN_ORDER");
    }

    @Test
    void aReplaceThatOnlyReducesQuantity_keepsPriority_andTheOrderTradesUnderItsNewId() {
        apply(sell("S1", "ENT-A", EUA, 8_000, 50, DAY + 1));
        apply(sell("S2", "ENT-B", EUA, 8_000, 50, DAY + 2));

        List<MarketOutput> out = apply(accepted("S1-R", "ENT-A", EUA, Side.SELL, 8_000, 30, CreditGrade.UNRATED,
                DAY + 3).setReplacesOrderId("S1").build());

        assertThat(cancels(out)).singleElement().satisfies(c -> {
            assertThat(c.getOrderId()).isEqualTo("S1");
            assertThat(c.getReasonCode()).isEqualTo("REPLACED");
            assertThat(c.getRemainingQuantity()).isEqualTo(50);
        });
        assertThat(trades(apply(buy("B", "ENT-C", EUA, 8_000, 40, DAY + 4))))
                .extracting(TradeExecuted::getSellOrderId, TradeExecuted::getQuantity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("S1-R", 30L),
                        org.assertj.core.groups.Tuple.tuple("S2", 10L));
    }

    @Test
    void aReplaceToANewPrice_losesPriority() {
        apply(sell("S1", "ENT-A", EUA, 8_000, 50, DAY + 1));
        apply(sell("S2", "ENT-B", EUA, 8_005, 50, DAY + 2));
        apply(accepted("S2-R", "ENT-B", EUA, Side.SELL, 8_000, 50, CreditGrade.UNRATED, DAY + 3)
                .setReplacesOrderId("S2").build());

        assertThat(trades(apply(buy("B", "ENT-C", EUA, 8_000, 60, DAY + 4))))
                .extracting(TradeExecuted::getSellOrderId).containsExactly("S1", "S2-R");
    }

    @Test
    void aReplaceOfAnOrderNoLongerLive_cancelsTheReplacement() {
        apply(sell("S1", "ENT-A", EUA, 8_000, 10, DAY + 1));
        apply(buy("B", "ENT-B", EUA, 8_000, 10, DAY + 2));

        List<MarketOutput> out = apply(accepted("S1-R", "ENT-A", EUA, Side.SELL, 8_000, 5, CreditGrade.UNRATED,
                DAY + 3).setReplacesOrderId("S1").build());

        assertThat(cancels(out)).extracting(OrderCancelled::getOrderId, OrderCancelled::getReasonCode)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("S1-R", "REPLACED_ORDER_NOT_LIVE"));
    }

    @Test
    void aReplaceTheBookRefuses_cancelsBothTheReplacementAndTheOldOrder() {
        apply(sell("S1", "ENT-A", EUA, 8_000, 10, DAY + 1));

        List<MarketOutput> out = apply(accepted("S1-R", "ENT-A", EUA, Side.SELL, 9_500, 10, CreditGrade.UNRATED,
                DAY + 2).setReplacesOrderId("S1").build());

        assertThat(cancels(out)).extracting(OrderCancelled::getOrderId, OrderCancelled::getReasonCode)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("S1-R", "OUT_OF_BAND"),
                        org.assertj.core.groups.Tuple.tuple("S1", "REPLACED"));
        assertThat(markets.depth(EUA, 5).orElseThrow().asks()).isEmpty();
    }

    @Test
    void aGtcOrderExpiresAtItsExpiryTime_onTheFirstInputAtOrAfterIt() {
        apply(accepted("S1", "ENT-A", EUA, Side.SELL, 8_000, 10, CreditGrade.A, DAY + 1)
                .setExpiresAtMs(DAY + 1_000).build());

        assertThat(expiries(apply(tick(EUA, 1, DAY + 999)))).isEmpty();
        List<OrderExpired> expired = expiries(apply(tick(EUA, 2, DAY + 5_000)));

        assertThat(expired).singleElement().satisfies(x -> {
            assertThat(x.getOrderId()).isEqualTo("S1");
            assertThat(x.getReasonCode()).isEqualTo("EXPIRY_TIME");
            assertThat(x.getRemainingQuantity()).isEqualTo(10);
            assertThat(x.getEnvelope().getLogicalTime()).isEqualTo(DAY + 1_000);
        });
        assertThat(trades(apply(buy("B", "ENT-B", EUA, 8_000, 10, DAY + 6_000)))).isEmpty();
    }

    @Test
    void anOrderArrivingAfterItsExpiry_expiresAtOnce() {
        List<MarketOutput> out = apply(accepted("S1", "ENT-A", EUA, Side.SELL, 8_000, 10, CreditGrade.A, DAY + 10)
                .setExpiresAtMs(DAY + 10).build());

        assertThat(expiries(out)).extracting(OrderExpired::getReasonCode).containsExactly("EXPIRY_TIME");
        assertThat(markets.depth(EUA, 5).orElseThrow().asks()).isEmpty();
    }

    @Test
    void anInputWithAnEarlierTime_takesEffectAtTheLatestTime_insteadOfBeingRejected() {
        apply(Inputs.tick(EUA, 1, DAY + 10_000));
        List<MarketOutput> out = apply(sell("S1", "ENT-A", EUA, 8_000, 10, DAY + 5));

        assertThat(out).isEmpty();
        assertThat(trades(apply(buy("B", "ENT-B", EUA, 8_000, 10, DAY + 6)))).singleElement()
                .satisfies(t -> assertThat(t.getEnvelope().getLogicalTime()).isEqualTo(DAY + 10_000));
    }

    @Test
    void aMarketOrderTakesLiquidity_andItsRemainderIsCancelled() {
        apply(sell("S1", "ENT-A", EUA, 8_000, 10, DAY + 1));
        List<MarketOutput> out = apply(accepted("M1", "ENT-B", EUA, Side.BUY, 0, 30, CreditGrade.A, DAY + 2)
                .setOrderType(OrderType.MARKET).setPriceMinor(null).setTimeInForce(TimeInForce.IOC).build());

        assertThat(trades(out)).extracting(TradeExecuted::getQuantity).containsExactly(10L);
        assertThat(cancels(out)).extracting(OrderCancelled::getReasonCode).containsExactly("MARKET_REMAINDER");
    }

    @Test
    void aMarketOrderWithProtection_neverTradesBeyondIt_soTheRegistrysFillCheckHolds() {
        apply(sell("S1", "ENT-A", EUA, 8_000, 10, DAY + 1));
        apply(sell("S2", "ENT-C", EUA, 8_400, 10, DAY + 2));
        List<MarketOutput> out = apply(accepted("M1", "ENT-B", EUA, Side.BUY, 0, 30, CreditGrade.A, DAY + 3)
                .setOrderType(OrderType.MARKET).setPriceMinor(null).setProtectionPriceMinor(8_200L)
                .setTimeInForce(TimeInForce.IOC).build());

        assertThat(trades(out)).extracting(TradeExecuted::getPriceMinor).containsExactly(8_000L);
        assertThat(cancels(out)).singleElement().satisfies(c -> {
            assertThat(c.getOrderId()).isEqualTo("M1");
            assertThat(c.getReasonCode()).isEqualTo("MARKET_REMAINDER");
            assertThat(c.getRemainingQuantity()).isEqualTo(20);
        });
        assertThat(markets.depth(EUA, 5).orElseThrow().asks()).extracting(DepthLevel::priceMinor)
                .containsExactly(8_400L);
    }

    @Test
    void theExchangesOwnOutputsComingBackOnTheTopic_areIgnored() {
        apply(sell("S1", "ENT-A", EUA, 8_000, 10, DAY + 1));
        List<MarketOutput> out = apply(buy("B1", "ENT-B", EUA, 9_500, 10, DAY + 2));
        String before = markets.stateHashes().get(EUA);

        for (MarketOutput o : out) {
            assertThat(apply(o.event())).isEmpty();
        }
        assertThat(markets.stateHashes().get(EUA)).isEqualTo(before);
    }

    @Test
    void aSelfTradeCancelsTheRestingOrder() {
        apply(sell("S1", "ENT-A", EUA, 8_000, 10, DAY + 1));
        List<MarketOutput> out = apply(buy("B1", "ENT-A", EUA, 8_000, 10, DAY + 2));

        assertThat(trades(out)).isEmpty();
        assertThat(cancels(out)).extracting(OrderCancelled::getOrderId, OrderCancelled::getReasonCode)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("S1", "SELF_TRADE_PREVENTION"));
    }

    @Test
    void anOrderTheRegistryCancelled_leavesTheBookWithoutASecondOutcome() {
        apply(sell("S1", "ENT-A", EUA, 8_000, 10, DAY + 1));
        io.carbonx.events.OrderCancelled byRegistry = io.carbonx.events.OrderCancelled.newBuilder()
                .setEnvelope(Inputs.envelope("frz-1", "OrderCancelled", DAY + 2, "carbonx-registry"))
                .setOrderId("S1").setParticipantId("ENT-A").setInstrumentId(EUA).setRemainingQuantity(10)
                .setReasonCode("ACCOUNT_FROZEN").build();

        assertThat(apply(byRegistry)).isEmpty();
        assertThat(markets.depth(EUA, 5).orElseThrow().asks()).isEmpty();
        assertThat(trades(apply(buy("B1", "ENT-B", EUA, 8_000, 10, DAY + 3)))).isEmpty();
    }

    @Test
    void theRegistrysCancelRequestAfterAFreeze_cancelsWhatStillRests_asAccountFrozen_andEarlierFillsStand() {
        apply(sell("S1", "ENT-A", EUA, 8_000, 100, DAY + 1));
        List<MarketOutput> fill = apply(buy("B1", "ENT-B", EUA, 8_000, 40, DAY + 2));
        io.carbonx.events.OrderCancelRequested byRegistry = io.carbonx.events.OrderCancelRequested.newBuilder(
                Inputs.cancel("S1", "ENT-A", EUA, DAY + 3))
                .setEnvelope(Inputs.envelope("frz-1#cancel/S1", "OrderCancelRequested", DAY + 3, "carbonx-registry"))
                .build();

        List<MarketOutput> out = apply(byRegistry);

        assertThat(trades(fill)).extracting(TradeExecuted::getQuantity).containsExactly(40L);
        assertThat(cancels(out)).extracting(OrderCancelled::getOrderId, OrderCancelled::getRemainingQuantity,
                OrderCancelled::getReasonCode).containsExactly(org.assertj.core.groups.Tuple.tuple("S1", 60L,
                "ACCOUNT_FROZEN"));
        assertThat(markets.depth(EUA, 5).orElseThrow().asks()).isEmpty();
        assertThat(cancels(apply(Inputs.cancel("S1", "ENT-A", EUA, DAY + 4)))).as("nothing rests any more")
                .isEmpty();
    }
}
