package io.carbonx.exchange.core.market;

import static io.carbonx.exchange.core.market.Inputs.accepted;
import static io.carbonx.exchange.core.market.Inputs.buy;
import static io.carbonx.exchange.core.market.Inputs.cancel;
import static io.carbonx.exchange.core.market.Inputs.sell;
import static io.carbonx.exchange.core.market.Inputs.tick;
import static io.carbonx.exchange.core.market.MarketFixtures.DAY;
import static io.carbonx.exchange.core.market.MarketFixtures.ENERGY;
import static io.carbonx.exchange.core.market.MarketFixtures.cancels;
import static io.carbonx.exchange.core.market.MarketFixtures.expiries;
import static io.carbonx.exchange.core.market.MarketFixtures.rejections;
import static io.carbonx.exchange.core.market.MarketFixtures.trades;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.carbonx.events.CreditGrade;
import io.carbonx.events.OrderCancelled;
import io.carbonx.events.OrderExpired;
import io.carbonx.events.OrderType;
import io.carbonx.events.Side;
import io.carbonx.events.TradeExecuted;
import io.carbonx.events.TradeVenue;
import io.carbonx.exchange.core.pool.PoolConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Energy instruments: accepted orders join the open pool period; ticks clear it. */
class PoolMarketRulesTest {

    /** A 30 s period starting at DAY (a multiple of 30 s). */
    private static final long P0 = DAY;
    private static final long P1 = DAY + PoolConfig.DEFAULT_PERIOD_MS;

    private final Markets markets = MarketFixtures.markets();

    @Test
    void aClearedPeriodPublishesPeerTrades_poolTrades_andExpiresWhatIsLeft_atThePeriodEnd() {
        markets.apply(sell("S1", "GEN-1", ENERGY, 30, 100, P0 + 1));
        markets.apply(sell("S2", "GEN-2", ENERGY, 70, 80, P0 + 2));
        markets.apply(buy("C1", "USE-1", ENERGY, 48, 60, P0 + 3));
        markets.apply(buy("C2", "USE-2", ENERGY, 40, 150, P0 + 4));
        assertThat(markets.apply(tick(ENERGY, 1, P1 - 1))).isEmpty();

        List<MarketOutput> out = markets.apply(tick(ENERGY, 2, P1 + 5));

        List<TradeExecuted> trades = trades(out);
        assertThat(trades).extracting(TradeExecuted::getVenue).containsOnly(TradeVenue.POOL);
        assertThat(trades).extracting(TradeExecuted::getAuctionId).containsOnly(ENERGY + "-P" + (P0 / 30_000));
        assertThat(trades).extracting(t -> t.getEnvelope().getLogicalTime()).containsOnly(P1);
        assertThat(trades).filteredOn(t -> t.getSellOrderId() != null && t.getBuyOrderId() != null)
                .extracting(TradeExecuted::getSellOrderId, TradeExecuted::getBuyOrderId, TradeExecuted::getPriceMinor)
                .isNotEmpty().allSatisfy(t -> assertThat((Long) t.toArray()[2]).isLessThanOrEqualTo(48L));
        assertThat(trades).filteredOn(t -> t.getBuyOrderId() != null && t.getSellOrderId() != null)
                .allSatisfy(t -> assertThat(t.getBuyerCommissionBps()).isPositive());
        assertThat(trades).filteredOn(t -> t.getBuyOrderId() == null)
                .extracting(TradeExecuted::getBuyerId, TradeExecuted::getSellOrderId, TradeExecuted::getPriceMinor)
                .containsExactly(tuple(PoolConfig.DEFAULT_PLATFORM_ID, "S2", PoolConfig.DEFAULT_POOL_PRICE_MINOR_PER_KWH));
        long bought = trades.stream().filter(t -> t.getBuyOrderId() != null).mapToLong(TradeExecuted::getQuantity).sum();
        long unfilled = expiries(out).stream().filter(x -> x.getOrderId().startsWith("C"))
                .mapToLong(OrderExpired::getRemainingQuantity).sum();
        assertThat(bought + unfilled).isEqualTo(60 + 150);
        assertThat(expiries(out)).extracting(OrderExpired::getReasonCode).containsOnly("PERIOD_CLEARED");
    }

    @Test
    void aCancelWithdrawsTheOrderFromTheOpenPeriod() {
        markets.apply(sell("S1", "GEN-1", ENERGY, 30, 100, P0 + 1));

        assertThat(cancels(markets.apply(cancel("S1", "GEN-1", ENERGY, P0 + 2))))
                .extracting(OrderCancelled::getOrderId, OrderCancelled::getReasonCode, OrderCancelled::getRemainingQuantity)
                .containsExactly(tuple("S1", "CLIENT_REQUEST", 100L));
        assertThat(markets.apply(buy("C1", "USE-1", ENERGY, 48, 60, P0 + 3))).isEmpty();
        assertThat(trades(markets.apply(tick(ENERGY, 1, P1)))).isEmpty();
    }

    @Test
    void aCancelOfAnotherParticipantsOrder_orOfAClearedPeriod_isRefused() {
        markets.apply(sell("S1", "GEN-1", ENERGY, 30, 100, P0 + 1));

        assertThat(rejections(markets.apply(cancel("S1", "GEN-2", ENERGY, P0 + 2))))
                .extracting(r -> r.getReasonCode()).containsExactly("NOT_ORDER_OWNER");
        markets.apply(tick(ENERGY, 1, P1));
        assertThat(rejections(markets.apply(cancel("S1", "GEN-1", ENERGY, P1 + 1))))
                .extracting(r -> r.getReasonCode()).containsExactly("UNKNOWN_ORDER");
    }

    @Test
    void aReplaceWithdrawsTheOldOrder_andSubmitsTheNewOne() {
        markets.apply(sell("S1", "GEN-1", ENERGY, 30, 100, P0 + 1));

        List<MarketOutput> out = markets.apply(accepted("S1-R", "GEN-1", ENERGY, Side.SELL, 25, 90,
                CreditGrade.UNRATED, P0 + 2).setReplacesOrderId("S1").build());

        assertThat(cancels(out)).extracting(OrderCancelled::getOrderId, OrderCancelled::getReasonCode)
                .containsExactly(tuple("S1", "REPLACED"));
        markets.apply(buy("C1", "USE-1", ENERGY, 48, 90, P0 + 3));
        assertThat(trades(markets.apply(tick(ENERGY, 1, P1))))
                .extracting(TradeExecuted::getSellOrderId, TradeExecuted::getQuantity, TradeExecuted::getPriceMinor)
                .containsExactly(tuple("S1-R", 90L, 25L));
    }

    @Test
    void anOrderWithoutAPrice_isCancelledWithThePoolsReason() {
        List<MarketOutput> out = markets.apply(accepted("C1", "USE-1", ENERGY, Side.BUY, 0, 10, CreditGrade.A,
                P0 + 1).setOrderType(OrderType.MARKET).setPriceMinor(null).build());

        assertThat(cancels(out)).extracting(OrderCancelled::getReasonCode).containsExactly("PRICE_NOT_POSITIVE");
    }
}
