package io.carbonx.loadgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.carbonx.events.Side;
import io.carbonx.requests.OrderRequest;
import io.carbonx.schemas.EventCodec;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class OrderPlanTest {

    private static final OrderPlan.Market MARKET = new OrderPlan.Market("EUA-LOAD", 8_500, 5, 10);

    private static OrderPlan plan(int traders, int orders) {
        List<Trader> list = new ArrayList<>();
        for (int t = 0; t < traders; t++) {
            String id = "p-" + t;
            list.add(new Trader(id, "chain", "token", "ab" + t, 7, bytes -> ("sig:" + id).getBytes(
                    StandardCharsets.UTF_8)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            return OrderPlan.build("run1", list, orders, MARKET, pool);
        } finally {
            pool.shutdownNow();
        }
    }

    private static OrderRequest request(OrderPlan plan, int i) {
        JsonObject body = new JsonObject(new String(plan.body(i), StandardCharsets.UTF_8));
        return EventCodec.standard().decode(Base64.getDecoder().decode(body.getString("request")), OrderRequest.class);
    }

    @Test
    void noTraderEverHasBothSides_soSelfTradePreventionCannotCancelAnOrderHoweverTheyAreBatched() {
        OrderPlan plan = plan(6, 120);
        Map<String, Set<Side>> sides = new HashMap<>();
        for (int i = 0; i < plan.size(); i++) {
            OrderRequest r = request(plan, i);
            sides.computeIfAbsent(r.getParticipantId(), p -> EnumSet.noneOf(Side.class)).add(r.getSide());
        }
        assertThat(sides).hasSize(6);
        assertThat(sides.values()).allSatisfy(s -> assertThat(s).hasSize(1));
    }

    @Test
    void refusesAnOddNumberOfTraders() {
        assertThatThrownBy(() -> plan(3, 40))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("even number of traders");
    }

    @Test
    void pairsASellWithACrossingBuyOfAnotherTrader() {
        OrderPlan plan = plan(4, 40);
        for (int i = 0; i < plan.size(); i += 2) {
            OrderRequest sell = request(plan, i);
            OrderRequest buy = request(plan, i + 1);
            assertThat(sell.getSide()).isEqualTo(Side.SELL);
            assertThat(buy.getSide()).isEqualTo(Side.BUY);
            assertThat(buy.getParticipantId()).isNotEqualTo(sell.getParticipantId());
            assertThat(buy.getPriceMinor()).isGreaterThanOrEqualTo(8_500L);
            assertThat(sell.getPriceMinor()).isLessThanOrEqualTo(8_500L);
            assertThat(sell.getPriceMinor() % 5).isZero();
        }
    }

    @Test
    void numbersEachTradersOrdersUpwardsFromItsFirstSequence() {
        OrderPlan plan = plan(4, 64);
        long[] last = {6, 6, 6, 6};
        for (int i = 0; i < plan.size(); i++) {
            OrderRequest r = request(plan, i);
            int t = plan.traderOf(i);
            assertThat(r.getParticipantId()).isEqualTo("p-" + t);
            assertThat(r.getSequence()).isEqualTo(last[t] + 1);
            last[t] = r.getSequence();
            assertThat(plan.orderId(i)).isEqualTo("p-" + t + "-" + r.getSequence());
        }
        for (int t = 0; t < 4; t++) {
            assertThat(plan.lastSequence(t)).isEqualTo(last[t]);
        }
    }

    @Test
    void mapsIdsBackToPlanIndexesAndRejectsForeignOnes() {
        OrderPlan plan = plan(2, 10);
        for (int i = 0; i < plan.size(); i++) {
            assertThat(plan.indexOfClientOrderId(request(plan, i).getClientOrderId())).isEqualTo(i);
            assertThat(plan.indexOfOrderId(plan.orderId(i))).isEqualTo(i);
        }
        assertThat(plan.indexOfClientOrderId("run2-1")).isEqualTo(-1);
        assertThat(plan.indexOfClientOrderId("run1-10")).isEqualTo(-1);
        assertThat(plan.indexOfClientOrderId("run1-x")).isEqualTo(-1);
        assertThat(plan.indexOfClientOrderId("run11-1")).isEqualTo(-1);
        assertThat(plan.indexOfClientOrderId(null)).isEqualTo(-1);
        assertThat(plan.indexOfOrderId("p-9-1")).isEqualTo(-1);
    }

    @Test
    void signsTheExactRequestBytes() {
        OrderPlan plan = plan(2, 2);
        JsonObject body = new JsonObject(new String(plan.body(0), StandardCharsets.UTF_8));
        assertThat(new String(Base64.getDecoder().decode(body.getString("signature")), StandardCharsets.UTF_8))
                .isEqualTo("sig:p-0");
        assertThat(body.getString("certificateSerial")).isEqualTo("ab0");
    }
}
