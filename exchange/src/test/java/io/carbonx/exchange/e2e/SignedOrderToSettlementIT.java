package io.carbonx.exchange.e2e;

import static io.carbonx.exchange.testing.ExchangeKafka.await;
import static io.carbonx.exchange.testing.ExchangeKafka.events;
import static org.assertj.core.api.Assertions.assertThat;

import io.carbonx.eventlog.KafkaClients;
import io.carbonx.events.OrderAccepted;
import io.carbonx.events.OrderSubmitted;
import io.carbonx.events.OrderType;
import io.carbonx.events.Role;
import io.carbonx.events.Side;
import io.carbonx.events.TimeInForce;
import io.carbonx.events.TradeExecuted;
import io.carbonx.events.TradeSettled;
import io.carbonx.registry.identity.ParticipantSigner;
import io.carbonx.requests.OrderRequest;
import io.carbonx.schemas.EventCodec;
import io.carbonx.schemas.Topics;
import io.carbonx.testkit.KafkaBroker;
import io.carbonx.testkit.KafkaBrokerExtension;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end through Kafka and HTTP, registry and exchange on one node: two enterprises register with the
 * registry's CA, are funded and (the seller) allocated allowances; each signs an order and posts it to the
 * exchange's gateway → OrderSubmitted → the registry accepts (locks deposits and quantity) → OrderAccepted → the
 * book matches → TradeExecuted → the registry settles in its next window → TradeSettled; holdings and cash moved.
 */
@ExtendWith(KafkaBrokerExtension.class)
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class SignedOrderToSettlementIT {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String EUA = "EUA-2026";

    /** A registered enterprise: id, signing key, certificate serial, API token. */
    private record Member(String id, ParticipantSigner signer, String serial, String token) {
    }

    @Test
    void aSignedOrderIsAcceptedMatchedAndSettled(KafkaBroker broker, @TempDir Path dir) throws Exception {
        KafkaClients clients = broker.clients();
        String prefix = "e2e" + UUID.randomUUID().toString().substring(0, 8) + ".";
        try (TwoServiceNode node = new TwoServiceNode(clients, broker.bootstrapServers(), dir, prefix)) {
            String regulatorId = node.bootstrapId();
            awaitKnown(node, regulatorId);
            String regulator = node.api.login(regulatorId, node.bootstrapSigner());
            ok(node.api.post("/api/v1/instruments", new JsonObject().put("instrumentId", EUA).put("kind", "ALLOWANCE")
                    .put("vintage", 2026), regulator));
            Member buyer = register(node, regulator, "E2E Buyer Steel");
            Member seller = register(node, regulator, "E2E Seller Power");
            ok(node.api.post("/api/v1/accounts/" + buyer.id() + "/deposits", new JsonObject()
                    .put("transferId", "dep-b").put("amountMinor", 1_000_000), buyer.token()));
            ok(node.api.post("/api/v1/accounts/" + seller.id() + "/deposits", new JsonObject()
                    .put("transferId", "dep-s").put("amountMinor", 200_000), seller.token()));
            ok(node.api.post("/api/v1/allocations", new JsonObject().put("allocationId", "alloc-1")
                    .put("participantId", seller.id()).put("instrumentId", EUA).put("quantity", 100), regulator));

            Api.Response sell = node.api.post("/api/v1/orders", signed(seller, 1, "s-1", Side.SELL), seller.token());
            assertThat(sell.status()).as(sell.body().encode()).isEqualTo(202);
            String sellId = sell.body().getString("orderId");
            await("the sell accepted by the registry", WAIT, () -> events(clients, node.topics.orders(),
                    OrderAccepted.class).stream().anyMatch(a -> a.getOrderId().equals(sellId)));
            Api.Response buy = node.api.post("/api/v1/orders", signed(buyer, 1, "b-1", Side.BUY), buyer.token());
            assertThat(buy.status()).as(buy.body().encode()).isEqualTo(202);
            String buyId = buy.body().getString("orderId");

            await("a trade", WAIT, () -> !events(clients, node.topics.trades(), TradeExecuted.class).isEmpty());
            TradeExecuted trade = events(clients, node.topics.trades(), TradeExecuted.class).get(0);
            assertThat(trade.getBuyOrderId()).isEqualTo(buyId);
            assertThat(trade.getSellOrderId()).isEqualTo(sellId);
            assertThat(trade.getPriceMinor()).isEqualTo(8_000);
            assertThat(trade.getQuantity()).isEqualTo(10);
            String settlement = prefix + Topics.SETTLEMENT;
            await("the trade settled", WAIT, () -> events(clients, settlement, TradeSettled.class).stream()
                    .anyMatch(s -> s.getTradeId().equals(trade.getTradeId())));
            TradeSettled settled = events(clients, settlement, TradeSettled.class).stream()
                    .filter(s -> s.getTradeId().equals(trade.getTradeId())).findFirst().orElseThrow();
            assertThat(settled.getNotionalMinor()).isEqualTo(80_000L);
            assertThat(events(clients, node.topics.submitted(), OrderSubmitted.class)).hasSize(2);
            await("the buyer holds the allowances", WAIT, () -> holding(node, buyer) == 10);
            await("market data shows the trade", WAIT, () -> node.api.get("/api/v1/market/" + EUA
                    + "/trades?limit=5", buyer.token()).body().getJsonArray("trades").size() == 1);
            JsonObject printed = node.api.get("/api/v1/market/" + EUA + "/trades", buyer.token()).body()
                    .getJsonArray("trades").getJsonObject(0);
            assertThat(printed.getString("tradeId")).isEqualTo(trade.getTradeId());
            assertThat(printed.getString("venue")).isEqualTo("CONTINUOUS");
            assertThat(printed.containsKey("buyerId")).as("no participant ids in market data").isFalse();
            Api.Response book = node.api.get("/api/v1/market/" + EUA + "/book", seller.token());
            assertThat(book.body().getString("phase")).isEqualTo("CONTINUOUS");
            assertThat(book.body().getJsonArray("bids")).isEmpty();
            assertThat(node.api.get("/api/v1/market/" + EUA + "/ohlc?intervalMs=60000", buyer.token()).body()
                    .getJsonArray("bars")).singleElement().satisfies(bar ->
                    assertThat(((JsonObject) bar).getLong("volume")).isEqualTo(10L));
            assertThat(node.api.get("/api/v1/market/NOPE/book", buyer.token()).body().getString("reasonCode"))
                    .isEqualTo("UNKNOWN_INSTRUMENT");
            assertThat(node.api.get("/api/v1/market/" + EUA + "/ohlc?intervalMs=1500", buyer.token()).status())
                    .isEqualTo(400);
            assertThat(node.api.get("/api/v1/market/" + EUA + "/book", null).status()).isEqualTo(401);
            var health = TwoServiceNode.await(node.exchange.health());
            assertThat(health.isUp()).as(health.toJson().encode()).isTrue();
            assertThat(health.toJson().encode()).contains(EUA).contains("\"gatewayReady\":true");
        }
    }

    private static JsonObject signed(Member who, long sequence, String clientOrderId, Side side) {
        OrderRequest request = OrderRequest.newBuilder().setChainId("carbonx-local").setParticipantId(who.id())
                .setSequence(sequence).setClientOrderId(clientOrderId).setInstrumentId(EUA).setSide(side)
                .setOrderType(OrderType.LIMIT).setTimeInForce(TimeInForce.GTC).setPriceMinor(8_000L)
                .setQuantity(10).setExpiresAtMs(null).build();
        byte[] bytes = EventCodec.standard().encode(request);
        return new JsonObject().put("request", Base64.getEncoder().encodeToString(bytes))
                .put("signature", Base64.getEncoder().encodeToString(who.signer().sign(bytes)))
                .put("certificateSerial", who.serial());
    }

    private static Member register(TwoServiceNode node, String regulator, String legalName) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair kp = g.generateKeyPair();
        byte[] csr = new JcaPKCS10CertificationRequestBuilder(new X500Principal("CN=e2e"), kp.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(kp.getPrivate())).getEncoded();
        Api.Response r = node.api.post("/api/v1/registrations", new JsonObject().put("legalName", legalName)
                .put("role", Role.ENTERPRISE.name()).put("csr", Base64.getEncoder().encodeToString(csr)), null);
        ok(r);
        String id = r.body().getJsonArray("events").getJsonObject(0).getString("participantId");
        ok(node.api.post("/api/v1/registrations/" + id + "/approve", null, regulator));
        awaitKnown(node, id);
        ParticipantSigner signer = ParticipantSigner.forKey(kp.getPrivate(), kp.getPublic());
        String serial = node.registry.components().directory().participant(id).orElseThrow().certificateSerial();
        return new Member(id, signer, serial, node.api.login(id, signer));
    }

    private static void awaitKnown(TwoServiceNode node, String participantId) {
        await("the directory knows " + participantId, WAIT,
                () -> node.registry.components().directory().participant(participantId).isPresent());
    }

    private static long holding(TwoServiceNode node, Member who) {
        JsonArray items = node.api.get("/api/v1/accounts/" + who.id() + "/holdings", who.token()).body()
                .getJsonArray("items");
        for (int i = 0; items != null && i < items.size(); i++) {
            if (items.getJsonObject(i).getString("instrumentId").equals(EUA)) {
                return items.getJsonObject(i).getLong("available");
            }
        }
        return 0;
    }

    private static void ok(Api.Response r) {
        assertThat(r.status()).as(r.body().encode()).isEqualTo(200);
    }

}
