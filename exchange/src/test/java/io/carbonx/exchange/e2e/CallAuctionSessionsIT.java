package io.carbonx.exchange.e2e;

import static io.carbonx.exchange.e2e.Cast.WAIT;
import static io.carbonx.exchange.e2e.Cast.submitted;
import static io.carbonx.exchange.testing.ExchangeKafka.await;
import static io.carbonx.exchange.testing.ExchangeKafka.events;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.carbonx.eventlog.KafkaClients;
import io.carbonx.events.AuctionCleared;
import io.carbonx.events.AuctionKind;
import io.carbonx.events.OrderAccepted;
import io.carbonx.events.OrderCancelled;
import io.carbonx.events.OrderExpired;
import io.carbonx.events.OrderType;
import io.carbonx.events.Side;
import io.carbonx.events.TimeInForce;
import io.carbonx.events.TradeExecuted;
import io.carbonx.events.TradeSettled;
import io.carbonx.events.TradeVenue;
import io.carbonx.exchange.e2e.Cast.Member;
import io.carbonx.schemas.Topics;
import io.carbonx.testkit.KafkaBroker;
import io.carbonx.testkit.KafkaBrokerExtension;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Call auctions end to end, driven by logical time: signed orders collected in the opening call are uncrossed at
 * the open at one price (maximum volume, then minimum imbalance, then closest to the reference), the closing call
 * at the close (DAY orders then expire), and a periodic instrument every period; the auction trades settle in the
 * registry; market data shows the book in the call (top of book, depth), the auction results, the trades and the
 * bars. The books' time is this test's: the exchange's clock is off and the test writes the ticks, ten minutes and
 * more ahead of the wall clock, and moves the registry's settlement clock as far.
 */
@ExtendWith(KafkaBrokerExtension.class)
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class CallAuctionSessionsIT {

    private static final String DAILY = "EUA-DAY";
    private static final String PERIODIC = "EUA-PER";
    private static final long MINUTE = 60_000;
    private static final long DAY_MS = 86_400_000;

    private KafkaClients clients;
    private String tradesTopic;

    private <T extends SpecificRecord> List<T> on(String topic, Class<T> type) {
        return events(clients, topic, type);
    }

    private static JsonObject book(String id, JsonObject session) {
        return new JsonObject().put("id", id).put("kind", "ALLOWANCE").put("vintage", 2026)
                .put("referencePriceMinor", 8_000).put("bandBps", 2_000).put("session", session);
    }

    @Test
    void openingAndClosingCalls_andPeriodicCalls_uncrossAtOnePrice_andTheirTradesSettle(KafkaBroker broker,
                                                                                      @TempDir Path dir)
            throws Exception {
        long now = System.currentTimeMillis();
        long dayStart = now / DAY_MS * DAY_MS;
        long msOfDay = now - dayStart;
        Assumptions.assumeTrue(msOfDay < DAY_MS - 60 * MINUTE, "needs an hour of the UTC day left");
        long open = msOfDay + 10 * MINUTE;
        long closingCall = msOfDay + 20 * MINUTE;
        long close = msOfDay + 30 * MINUTE;
        long period = 5 * MINUTE;
        JsonArray instruments = new JsonArray()
                .add(book(DAILY, new JsonObject().put("mode", "DAILY").put("preOpenMs", 0).put("openMs", open)
                        .put("closingAuctionMs", closingCall).put("closeMs", close)))
                .add(book(PERIODIC, new JsonObject().put("mode", "PERIODIC").put("preOpenMs", 0).put("openMs", open)
                        .put("closeMs", close).put("periodMs", period)));
        clients = broker.clients();
        String prefix = "calls" + UUID.randomUUID().toString().substring(0, 8) + ".";
        ShiftedClock registryClock = new ShiftedClock();
        try (TwoServiceNode node = new TwoServiceNode(clients, broker.bootstrapServers(), dir, prefix, registryClock,
                new JsonObject().put("tokenTtlMs", 4 * 3_600_000L), new JsonObject().put("clockTickMs", 0L)
                .put("instruments", instruments))) {
            tradesTopic = node.topics.trades();
            Cast cast = new Cast(node);
            cast.defineInstrument(DAILY, "ALLOWANCE", 2026);
            cast.defineInstrument(PERIODIC, "ALLOWANCE", 2026);
            Member seller = cast.enterprise("Call Seller Cement", 1_000_000);
            Member buyer = cast.enterprise("Call Buyer Steel", 1_000_000);
            cast.allocate(seller, DAILY, 100);
            cast.allocate(seller, PERIODIC, 100);

            // ---- opening call: the book collects crossing orders without trading
            List<String> opening = List.of(cast.limit(seller, DAILY, Side.SELL, 8_000, 10),
                    cast.limit(buyer, DAILY, Side.BUY, 8_100, 10));
            String market = submitted(node.api.post("/api/v1/orders", Cast.order(buyer, "mkt", DAILY, Side.BUY,
                    OrderType.MARKET, TimeInForce.IOC, null, 5), buyer.token()));
            awaitAccepted(node, opening);
            OrderCancelled refused = awaitOne(node.topics.orders(), OrderCancelled.class,
                    c -> c.getOrderId().equals(market));
            assertThat(refused.getReasonCode()).isEqualTo("NOT_ALLOWED_IN_CALL_PHASE");
            await("the crossed pre-open book in market data", WAIT, () -> {
                JsonObject b = node.api.get("/api/v1/market/" + DAILY + "/book?levels=5", buyer.token()).body();
                return "PRE_OPEN".equals(b.getString("phase")) && b.getJsonObject("bestBid") != null
                        && b.getJsonObject("bestBid").getLong("priceMinor") == 8_100
                        && b.getJsonObject("bestAsk").getLong("priceMinor") == 8_000;
            });
            assertThat(trades(DAILY)).isEmpty();

            // ---- the open: one uncross at the price closest to the reference among the best ones
            cast.tick(DAILY, dayStart + open);
            AuctionCleared openingAuction = awaitOne(node.topics.trades(), AuctionCleared.class,
                    a -> a.getInstrumentId().equals(DAILY) && a.getKind() == AuctionKind.OPENING);
            assertThat(openingAuction.getClearingPriceMinor()).isEqualTo(8_000L);
            assertThat(openingAuction.getExecutedQuantity()).isEqualTo(10);
            assertThat(trades(DAILY)).singleElement().satisfies(t -> {
                assertThat(t.getVenue()).isEqualTo(TradeVenue.CALL_AUCTION);
                assertThat(t.getAuctionId()).isEqualTo(openingAuction.getAuctionId());
                assertThat(t.getPriceMinor()).isEqualTo(8_000);
            });

            // ---- the closing call, then the close: uncross, DAY orders expire
            cast.tick(DAILY, dayStart + closingCall);
            List<String> closing = List.of(cast.limit(seller, DAILY, Side.SELL, 7_900, 5),
                    cast.limit(buyer, DAILY, Side.BUY, 8_200, 5));
            String dayOrder = submitted(node.api.post("/api/v1/orders", Cast.order(buyer, "day", DAILY, Side.BUY,
                    OrderType.LIMIT, TimeInForce.DAY, 7_000L, 5), buyer.token()));
            awaitAccepted(node, List.of(closing.get(0), closing.get(1), dayOrder));
            assertThat(trades(DAILY)).as("no continuous matching in the closing call").hasSize(1);
            cast.tick(DAILY, dayStart + close);
            AuctionCleared closingAuction = awaitOne(node.topics.trades(), AuctionCleared.class,
                    a -> a.getInstrumentId().equals(DAILY) && a.getKind() == AuctionKind.CLOSING);
            assertThat(closingAuction.getClearingPriceMinor()).as("7900 and 8200 both trade 5; 7900 is closer to"
                    + " the reference 8000").isEqualTo(7_900L);
            assertThat(closingAuction.getReferencePriceMinor()).isEqualTo(8_000L);
            OrderExpired expired = awaitOne(node.topics.orders(), OrderExpired.class,
                    x -> x.getOrderId().equals(dayOrder));
            assertThat(expired.getReasonCode()).isEqualTo("SESSION_CLOSED");

            // ---- periodic mode: an opening uncross, then one per period
            List<String> periodicOpen = List.of(cast.limit(seller, PERIODIC, Side.SELL, 8_000, 10),
                    cast.limit(buyer, PERIODIC, Side.BUY, 8_000, 4));
            awaitAccepted(node, periodicOpen);
            cast.tick(PERIODIC, dayStart + open);
            AuctionCleared periodicOpening = awaitOne(node.topics.trades(), AuctionCleared.class,
                    a -> a.getInstrumentId().equals(PERIODIC) && a.getKind() == AuctionKind.OPENING);
            assertThat(periodicOpening.getExecutedQuantity()).isEqualTo(4);
            assertThat(periodicOpening.getImbalanceQuantity()).isEqualTo(6);
            String late = cast.limit(buyer, PERIODIC, Side.BUY, 8_050, 6);
            awaitAccepted(node, List.of(late));
            assertThat(trades(PERIODIC)).as("the periodic phase is a call: nothing trades on arrival").hasSize(1);
            cast.tick(PERIODIC, dayStart + open + period);
            AuctionCleared periodic = awaitOne(node.topics.trades(), AuctionCleared.class,
                    a -> a.getInstrumentId().equals(PERIODIC) && a.getKind() == AuctionKind.PERIODIC);
            assertThat(periodic.getClearingPriceMinor()).isEqualTo(8_000L);
            assertThat(periodic.getExecutedQuantity()).isEqualTo(6);

            // ---- the registry settles the auction trades once its clock reaches them
            registryClock.advance(Duration.ofMinutes(45));
            List<TradeExecuted> all = new java.util.ArrayList<>(trades(DAILY));
            all.addAll(trades(PERIODIC));
            assertThat(all).hasSize(4).allMatch(t -> t.getVenue() == TradeVenue.CALL_AUCTION);
            await("every auction trade settled", WAIT, () -> on(prefix + Topics.SETTLEMENT, TradeSettled.class)
                    .stream().filter(s -> all.stream().anyMatch(t -> t.getTradeId().equals(s.getTradeId())))
                    .count() == 4);
            await("the buyer holds what the auctions gave it", WAIT, () -> cast.holding(buyer, DAILY) == 15
                    && cast.holding(buyer, PERIODIC) == 10);

            // ---- market data: auction results newest first, the auction trades, the bars
            JsonArray auctions = node.api.get("/api/v1/market/" + DAILY + "/auctions", buyer.token()).body()
                    .getJsonArray("auctions");
            assertThat(auctions.stream().map(JsonObject.class::cast).map(a -> tuple(a.getString("kind"),
                    a.getLong("clearingPriceMinor"), a.getLong("executedQuantity"))).toList())
                    .containsExactly(tuple("CLOSING", 7_900L, 5L), tuple("OPENING", 8_000L, 10L));
            assertThat(node.api.get("/api/v1/market/" + DAILY + "/trades", buyer.token()).body()
                    .getJsonArray("trades").stream().map(JsonObject.class::cast).map(t -> t.getString("venue"))
                    .toList()).containsExactly("CALL_AUCTION", "CALL_AUCTION");
            JsonArray bars = node.api.get("/api/v1/market/" + DAILY + "/ohlc?intervalMs=60000", buyer.token())
                    .body().getJsonArray("bars");
            assertThat(bars.stream().map(JsonObject.class::cast).mapToLong(b -> b.getLong("volume")).sum())
                    .isEqualTo(15);
            JsonObject closed = node.api.get("/api/v1/market/" + DAILY + "/book", buyer.token()).body();
            assertThat(closed.getString("phase")).isEqualTo("CLOSED");
            assertThat(closed.getJsonArray("bids")).isEmpty();
        }
    }

    private List<TradeExecuted> trades(String instrument) {
        return on(tradesTopic, TradeExecuted.class).stream().filter(t -> t.getInstrumentId().equals(instrument))
                .toList();
    }

    private void awaitAccepted(TwoServiceNode node, List<String> orderIds) {
        await("accepted " + orderIds, WAIT, () -> on(node.topics.orders(), OrderAccepted.class).stream()
                .filter(a -> orderIds.contains(a.getOrderId())).count() == orderIds.size());
    }

    private <T extends SpecificRecord> T awaitOne(String topic, Class<T> type, java.util.function.Predicate<T> m) {
        await(type.getSimpleName() + " on " + topic, WAIT, () -> on(topic, type).stream().anyMatch(m));
        return on(topic, type).stream().filter(m).findFirst().orElseThrow();
    }
}
