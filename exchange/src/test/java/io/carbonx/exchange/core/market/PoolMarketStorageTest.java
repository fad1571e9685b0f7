package io.carbonx.exchange.core.market;

import static io.carbonx.exchange.core.market.Inputs.accepted;
import static io.carbonx.exchange.core.market.Inputs.buy;
import static io.carbonx.exchange.core.market.Inputs.sell;
import static io.carbonx.exchange.core.market.Inputs.tick;
import static io.carbonx.exchange.core.market.MarketFixtures.DAY;
import static io.carbonx.exchange.core.market.MarketFixtures.ENERGY;
import static io.carbonx.exchange.core.market.MarketFixtures.cancels;
import static io.carbonx.exchange.core.market.MarketFixtures.expiries;
import static io.carbonx.exchange.core.market.MarketFixtures.trades;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.carbonx.events.CreditGrade;
import io.carbonx.events.OrderAccepted;
import io.carbonx.events.OrderCancelled;
import io.carbonx.events.OrderExpired;
import io.carbonx.events.Side;
import io.carbonx.events.TradeExecuted;
import io.carbonx.exchange.core.pool.PoolConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Storage offers in pool bidding: an accepted energy SELL whose quantity the registry locked (stored energy) joins
 * the open period as a storage offer; at the period end consumers with demand left buy from the pool and the
 * storage offers cheapest first (quantity × price), storage sales are paid to the operator against its offer, and
 * the unsold rest is returned (OrderExpired PERIOD_CLEARED).
 */
class PoolMarketStorageTest {

    private static final long P0 = DAY;
    private static final long P1 = DAY + PoolConfig.DEFAULT_PERIOD_MS;
    private static final long POOL = PoolConfig.DEFAULT_POOL_PRICE_MINOR_PER_KWH;

    private final Markets markets = MarketFixtures.markets();

    private static OrderAccepted storage(String id, String owner, long price, long quantity, long time) {
        return accepted(id, owner, ENERGY, Side.SELL, price, quantity, CreditGrade.UNRATED, time)
                .setQuantityLocked(quantity).build();
    }

    @Test
    void consumersBuyFromThePoolThenFromStorage_cheapestByQuantityTimesPrice_andTheUnsoldStorageIsReturned() {
        markets.apply(sell("S-dear", "GEN-1", ENERGY, 70, 50, P0 + 1)); // above every limit: the pool takes it
        markets.apply(storage("O1", "STORE-1", 44, 100, P0 + 2));      // 100 x 44 = 4400 > pool 50 x 43 = 2150
        markets.apply(buy("C1", "USE-1", ENERGY, 48, 60, P0 + 3));

        List<MarketOutput> out = markets.apply(tick(ENERGY, 1, P1));

        assertThat(trades(out)).extracting(TradeExecuted::getBuyerId, TradeExecuted::getSellerId,
                TradeExecuted::getBuyOrderId, TradeExecuted::getSellOrderId, TradeExecuted::getPriceMinor,
                TradeExecuted::getQuantity).containsExactly(
                tuple(PoolConfig.DEFAULT_PLATFORM_ID, "GEN-1", null, "S-dear", POOL, 50L),
                tuple("USE-1", PoolConfig.DEFAULT_PLATFORM_ID, "C1", null, POOL, 50L),
                tuple("USE-1", "STORE-1", "C1", "O1", 44L, 10L));
        assertThat(trades(out)).filteredOn(t -> "O1".equals(t.getSellOrderId()))
                .allSatisfy(t -> assertThat(t.getSellerCommissionBps() + t.getBuyerCommissionBps()).isZero());
        assertThat(expiries(out)).extracting(OrderExpired::getOrderId, OrderExpired::getRemainingQuantity,
                OrderExpired::getReasonCode).containsExactly(tuple("O1", 90L, "PERIOD_CLEARED"));
    }

    @Test
    void aCheaperStorageOfferIsSoldBeforeThePool() {
        markets.apply(sell("S-dear", "GEN-1", ENERGY, 70, 50, P0 + 1)); // pool 50 x 43 = 2150
        markets.apply(storage("O1", "STORE-1", 45, 20, P0 + 2));       // 20 x 45 = 900: first
        markets.apply(buy("C1", "USE-1", ENERGY, 48, 30, P0 + 3));

        List<TradeExecuted> sales = trades(markets.apply(tick(ENERGY, 1, P1))).stream()
                .filter(t -> "C1".equals(t.getBuyOrderId())).toList();

        assertThat(sales).extracting(TradeExecuted::getSellerId, TradeExecuted::getPriceMinor,
                TradeExecuted::getQuantity).containsExactly(tuple("STORE-1", 45L, 20L),
                tuple(PoolConfig.DEFAULT_PLATFORM_ID, POOL, 10L));
    }

    @Test
    void aStorageOfferIsWithdrawnByItsOwnersCancel_likeAnOrder() {
        markets.apply(storage("O1", "STORE-1", 44, 100, P0 + 1));

        assertThat(cancels(markets.apply(Inputs.cancel("O1", "STORE-1", ENERGY, P0 + 2))))
                .extracting(OrderCancelled::getOrderId, OrderCancelled::getRemainingQuantity)
                .containsExactly(tuple("O1", 100L));
        markets.apply(buy("C1", "USE-1", ENERGY, 48, 60, P0 + 3));
        assertThat(trades(markets.apply(tick(ENERGY, 1, P1)))).isEmpty();
    }
}
