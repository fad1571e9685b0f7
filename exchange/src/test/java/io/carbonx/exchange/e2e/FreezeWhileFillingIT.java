package io.carbonx.exchange.e2e;

import static io.carbonx.exchange.e2e.Cast.WAIT;
import static io.carbonx.exchange.e2e.Cast.ok;
import static io.carbonx.exchange.testing.ExchangeKafka.await;
import static io.carbonx.exchange.testing.ExchangeKafka.events;
import static org.assertj.core.api.Assertions.assertThat;

import io.carbonx.eventlog.KafkaClients;
import io.carbonx.events.AccountFrozen;
import io.carbonx.events.OrderAccepted;
import io.carbonx.events.OrderCancelRequested;
import io.carbonx.events.OrderCancelled;
import io.carbonx.events.Side;
import io.carbonx.events.TradeExecuted;
import io.carbonx.events.TradeSettled;
import io.carbonx.exchange.e2e.Cast.Member;
import io.carbonx.schemas.Topics;
import io.carbonx.testkit.KafkaBroker;
import io.carbonx.testkit.KafkaBrokerExtension;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A freeze racing a fill, end to end through Kafka (registry and exchange on one node). The seller's order rests;
 * a buy crossing it is accepted, so the book fills it; the regulator freezes the seller right then, while the
 * fill may still be on its way to the registry. The registry leaves the order open and asks the book to cancel it
 * (OrderCancelRequested after the buy's acceptance on the same partition, so the book fills first): the book
 * cancels the rest (OrderCancelled ACCOUNT_FROZEN), the fill settles, and no lock remains, whichever of the trade
 * and the cancel the registry reads first.
 */
@ExtendWith(KafkaBrokerExtension.class)
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class FreezeWhileFillingIT {

    private static final String EUA = "EUA-2026";

    @Test
    void givenAFreezeWhileTheBookFillsTheFrozenAccountsOrder_thenTheFillSettles_theBookCancelsTheRest_noLockRemains(
            KafkaBroker broker, @TempDir Path dir) throws Exception {
        KafkaClients clients = broker.clients();
        String prefix = "freeze" + UUID.randomUUID().toString().substring(0, 8) + ".";
        try (TwoServiceNode node = new TwoServiceNode(clients, broker.bootstrapServers(), dir, prefix)) {
            Cast cast = new Cast(node);
            cast.defineInstrument(EUA, "ALLOWANCE", 2026);
            Member seller = cast.enterprise("Frozen Seller Cement", 200_000);
            Member buyer = cast.enterprise("Racing Buyer Steel", 1_000_000);
            cast.allocate(seller, EUA, 100);
            await("the seller's allowances", WAIT, () -> cast.holding(seller, EUA) == 100);

            String sell = cast.limit(seller, EUA, Side.SELL, 8_000, 30);
            await("the sell accepted", WAIT, () -> accepted(clients, node, sell));
            String buy = cast.limit(buyer, EUA, Side.BUY, 8_000, 5);
            await("the buy accepted", WAIT, () -> accepted(clients, node, buy));
            ok(node.api.post("/api/v1/accounts/" + seller.id() + "/freeze", new JsonObject(), cast.regulator));

            await("the seller frozen", WAIT, () -> events(clients, node.topics.name(Topics.SETTLEMENT),
                    AccountFrozen.class).stream().anyMatch(f -> f.getParticipantId().equals(seller.id())));
            OrderCancelRequested request = awaitOne(clients, node.topics.orders(), OrderCancelRequested.class,
                    r -> r.getOrderId().equals(sell));
            assertThat(request.getEnvelope().getActor()).isEqualTo("carbonx-registry");
            TradeExecuted fill = awaitOne(clients, node.topics.trades(), TradeExecuted.class,
                    t -> sell.equals(t.getSellOrderId()));
            assertThat(fill.getBuyOrderId()).isEqualTo(buy);
            assertThat(fill.getQuantity()).isEqualTo(5);
            OrderCancelled cancelled = awaitOne(clients, node.topics.orders(), OrderCancelled.class,
                    c -> c.getOrderId().equals(sell));
            assertThat(cancelled.getReasonCode()).isEqualTo("ACCOUNT_FROZEN");
            assertThat(cancelled.getRemainingQuantity()).as("the book cancels only what still rests").isEqualTo(25);
            awaitOne(clients, node.topics.name(Topics.SETTLEMENT), TradeSettled.class,
                    s -> s.getTradeId().equals(fill.getTradeId()));

            await("no lock left on the frozen seller", WAIT, () -> {
                JsonObject a = node.api.get("/api/v1/accounts/" + seller.id(), cast.regulator).body();
                return a.getJsonArray("openOrderIds").isEmpty() && a.getJsonArray("pendingTradeIds").isEmpty()
                        && a.getJsonArray("locks").isEmpty() && a.getLong("lockedCashMinor") == 0;
            });
            JsonObject account = node.api.get("/api/v1/accounts/" + seller.id(), cast.regulator).body();
            assertThat(account.getString("status")).isEqualTo("FROZEN");
            assertThat(account.getLong("cashMinor")).as("paid for the 5 it sold (less any fee)")
                    .isGreaterThan(200_000 + 5 * 8_000 - 5 * 8_000 / 10);
            assertThat(cast.holding(seller, EUA)).as("the 25 not sold are free again").isEqualTo(95);
            await("the buyer received its 5", WAIT, () -> cast.holding(buyer, EUA) == 5);
        }
    }

    private static boolean accepted(KafkaClients clients, TwoServiceNode node, String orderId) {
        return events(clients, node.topics.orders(), OrderAccepted.class).stream()
                .anyMatch(a -> a.getOrderId().equals(orderId));
    }

    private static <T extends org.apache.avro.specific.SpecificRecord> T awaitOne(
            KafkaClients clients, String topic, Class<T> type, java.util.function.Predicate<T> match) {
        await(type.getSimpleName() + " on " + topic, WAIT, () -> events(clients, topic, type).stream().anyMatch(match));
        List<T> all = events(clients, topic, type).stream().filter(match).toList();
        assertThat(all).as("exactly one " + type.getSimpleName()).hasSize(1);
        return all.get(0);
    }
}
