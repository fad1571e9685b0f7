package io.carbonx.registry.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.carbonx.events.AccountFrozen;
import io.carbonx.events.DefaultKind;
import io.carbonx.events.DefaultRecorded;
import io.carbonx.events.DepositForfeited;
import io.carbonx.events.DepositLocked;
import io.carbonx.events.OrderAccepted;
import io.carbonx.events.OrderCancelled;
import io.carbonx.events.OrderRejected;
import io.carbonx.events.Role;
import io.carbonx.events.Side;
import io.carbonx.events.TradeSettled;
import io.carbonx.schemas.Topics;
import io.carbonx.testkit.KafkaBroker;
import io.carbonx.testkit.KafkaBrokerExtension;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The main paths end to end through Kafka: the other services' events (OrderSubmitted from the gateway,
 * TradeExecuted from the matcher, the clock's ticks) on their topics, the registry's decisions read back from the
 * catalogue topics and its read model through the API. Default rules: 20% deposit for UNRATED, 10 bps
 * commission from the seller's proceeds, one-second settlement windows; here two defaults freeze.
 */
@ExtendWith(KafkaBrokerExtension.class)
class OrderToSettlementIT {
    private static final String ALW = "EUA-2026";
    private static final AtomicLong SEQ = new AtomicLong();
    private static RegistryHarness h;
    private static Cast cast;
    private static TopicProbe probe;

    @BeforeAll
    static void start(KafkaBroker broker, @TempDir Path dir) {
        h = new RegistryHarness(broker, dir, "e2e" + UUID.randomUUID() + ".", new JsonObject().put("maxDefaults", 2));
        cast = new Cast(h);
        probe = new TopicProbe(broker.clients());
        ok(h.api.post("/api/v1/instruments", new JsonObject().put("instrumentId", ALW).put("kind", "ALLOWANCE")
                .put("vintage", 2026), cast.regulator));
    }

    @AfterAll
    static void stop() {
        probe.close();
        h.close();
    }

    @Test
    void givenAFundedBuyer_whenItsOrderTradesAndTheWindowCloses_thenCashAndQuotasMoveAndTheExchangeEarnsItsCommission() {
        Cast.Member buyer = cast.register("Buyer One Ltd", Role.ENTERPRISE);
        Cast.Member seller = cast.register("Seller One Ltd", Role.ENTERPRISE);
        deposit(buyer, 1_000_000);
        deposit(seller, 100_000);
        allocate(seller, 100);
        long t = System.currentTimeMillis();
        submit("b1-" + buyer.id(), buyer, Side.BUY, 50_00, 10, t);
        OrderAccepted accepted = probe.await(topic(Topics.ORDERS), OrderAccepted.class,
                o -> o.getOrderId().equals("b1-" + buyer.id()));
        assertThat(accepted.getDepositLockedMinor()).isEqualTo(10_000L); // 20% of 50,000
        assertThat(accepted.getDepositShareBps()).isEqualTo(2_000);
        DepositLocked lock = probe.await(topic(Topics.SETTLEMENT), DepositLocked.class,
                l -> l.getReferenceId().equals("b1-" + buyer.id()));
        assertThat(lock.getAmountMinor()).isEqualTo(10_000L);
        submit("s1-" + seller.id(), seller, Side.SELL, 50_00, 10, t);
        probe.await(topic(Topics.ORDERS), OrderAccepted.class, o -> o.getOrderId().equals("s1-" + seller.id()));
        submit("x1-" + seller.id(), seller, Side.SELL, 1_00, 200, t); // more than it holds unlocked
        OrderRejected rejected = probe.await(topic(Topics.ORDERS), OrderRejected.class,
                o -> o.getOrderId().equals("x1-" + seller.id()));
        assertThat(rejected.getReasonCode()).isEqualTo("INSUFFICIENT_HOLDINGS");

        String tradeId = "t1-" + buyer.id();
        probe.publish(topic(Topics.TRADES), ALW, Inputs.trade(tradeId, ALW, "b1-" + buyer.id(), "s1-" + seller.id(),
                buyer.id(), seller.id(), 50_00, 10, t + 1));
        probe.publish(h.topics.commands(), "tick", Inputs.tick(t + 3_000, SEQ.incrementAndGet()));
        TradeSettled settled = probe.await(topic(Topics.SETTLEMENT), TradeSettled.class,
                s -> s.getTradeId().equals(tradeId));
        assertThat(settled.getNotionalMinor()).isEqualTo(50_000L);
        assertThat(settled.getSellerCommissionMinor()).isEqualTo(50L);

        cast.awaitReadModel();
        assertThat(account(buyer.id()).getLong("cashMinor")).isEqualTo(950_000L);
        assertThat(account(seller.id()).getLong("cashMinor")).isEqualTo(100_000L + 50_000 - 50);
        assertThat(holding(buyer, ALW)).isEqualTo(10L);
        assertThat(holding(seller, ALW)).isEqualTo(90L);
        assertThat(account("EXCHANGE").getLong("cashMinor")).isGreaterThanOrEqualTo(50L);
        JsonArray mine = h.api.get("/api/v1/settlements", buyer.token()).body().getJsonArray("items");
        assertThat(mine).hasSize(1);
    }

    @Test
    void givenABuyerThatCannotPay_whenTheWindowCloses_thenItsDepositGoesToTheSellerAndTheSecondDefaultFreezesIt() {
        Cast.Member buyer = cast.register("Short Cash Ltd", Role.ENTERPRISE);
        Cast.Member seller = cast.register("Seller Two Ltd", Role.ENTERPRISE);
        deposit(buyer, 30_000);
        deposit(seller, 100_000);
        allocate(seller, 100);
        long t = System.currentTimeMillis();
        String p = buyer.id();
        submit("c1-" + p, buyer, Side.BUY, 50_00, 10, t);
        submit("c2-" + p, buyer, Side.BUY, 50_00, 10, t);
        submit("c3-" + p, buyer, Side.BUY, 20_00, 5, t); // stays open until the freeze
        submit("s2-" + p, seller, Side.SELL, 50_00, 10, t);
        submit("s3-" + p, seller, Side.SELL, 50_00, 10, t);
        probe.await(topic(Topics.ORDERS), OrderAccepted.class, o -> o.getOrderId().equals("s3-" + p));
        probe.publish(topic(Topics.TRADES), ALW, Inputs.trade("t2-" + p, ALW, "c1-" + p, "s2-" + p, p, seller.id(),
                50_00, 10, t + 1));
        probe.publish(topic(Topics.TRADES), ALW, Inputs.trade("t3-" + p, ALW, "c2-" + p, "s3-" + p, p, seller.id(),
                50_00, 10, t + 2));
        probe.publish(h.topics.commands(), "tick", Inputs.tick(t + 3_000, SEQ.incrementAndGet()));

        AccountFrozen frozen = probe.await(topic(Topics.SETTLEMENT), AccountFrozen.class,
                f -> f.getParticipantId().equals(p));
        assertThat(frozen.getReasonCode()).isEqualTo("REPEATED_DEFAULTS");
        assertThat(frozen.getCancelledOrderIds()).containsExactly("c3-" + p);
        DefaultRecorded first = probe.await(topic(Topics.SETTLEMENT), DefaultRecorded.class,
                d -> d.getTradeId() != null && d.getTradeId().equals("t2-" + p));
        assertThat(first.getKind()).isEqualTo(DefaultKind.PAYMENT);
        assertThat(first.getDefaulterId()).isEqualTo(p);
        assertThat(first.getCounterpartyId()).isEqualTo(seller.id());
        assertThat(probe.allOf(topic(Topics.SETTLEMENT), DepositForfeited.class).stream()
                .filter(f -> f.getFromParticipantId().equals(p)))
                .hasSize(2).allSatisfy(f -> {
                    assertThat(f.getToParticipantId()).isEqualTo(seller.id());
                    assertThat(f.getAmountMinor()).isEqualTo(10_000L);
                });
        // the freeze asks the book to cancel c3 (the book is the authority over what rests) ...
        io.carbonx.events.OrderCancelRequested request = probe.await(topic(Topics.ORDERS),
                io.carbonx.events.OrderCancelRequested.class, c -> c.getOrderId().equals("c3-" + p));
        assertThat(request.getEnvelope().getActor()).isEqualTo("carbonx-registry");
        assertThat(request.getEnvelope().getCauseId()).isEqualTo(frozen.getEnvelope().getEventId());
        assertThat(probe.allOf(topic(Topics.ORDERS), OrderCancelled.class))
                .as("no cancel before the book's").noneMatch(c -> c.getOrderId().equals("c3-" + p));
        // ... and the book's OrderCancelled releases c3's deposit
        probe.publish(topic(Topics.ORDERS), ALW, Inputs.bookCancelled("c3-" + p, p, ALW, 5, "ACCOUNT_FROZEN",
                t + 4_000));
        Cast.await(() -> {
            cast.awaitReadModel();
            return account(p).getJsonArray("openOrderIds").isEmpty();
        }, "c3 cancelled by the book");

        cast.awaitReadModel();
        JsonObject acc = account(p);
        assertThat(acc.getString("status")).isEqualTo("FROZEN");
        assertThat(acc.getLong("cashMinor")).isEqualTo(10_000L); // 30,000 - 2 x 10,000 forfeited; c3's 2,000 back
        assertThat(acc.getJsonArray("openOrderIds")).isEmpty();
        assertThat(account(seller.id()).getLong("cashMinor")).isEqualTo(100_000L + 20_000);
        assertThat(holding(seller, ALW)).isEqualTo(100L); // both sells unwound
        submit("c4-" + p, buyer, Side.BUY, 20_00, 1, System.currentTimeMillis());
        OrderRejected refused = probe.await(topic(Topics.ORDERS), OrderRejected.class,
                o -> o.getOrderId().equals("c4-" + p));
        assertThat(refused.getReasonCode()).isEqualTo("ACCOUNT_FROZEN");
        JsonArray defaults = h.api.get("/api/v1/defaults", buyer.token()).body().getJsonArray("items");
        assertThat(defaults).hasSize(2);
        assertThat(defaults.getJsonObject(0).getJsonObject("forfeit").getLong("amountMinor")).isEqualTo(10_000L);
    }

    private static String topic(String name) {
        return h.topics.name(name);
    }

    private static void submit(String orderId, Cast.Member who, Side side, long price, long qty, long t) {
        probe.publish(topic(Topics.ORDERS_SUBMITTED), who.id(), Inputs.order(orderId, who.id(), ALW, side, price, qty,
                t));
    }

    private static void deposit(Cast.Member who, long amount) {
        ok(h.api.post("/api/v1/accounts/" + who.id() + "/deposits", new JsonObject()
                .put("transferId", "dep-" + UUID.randomUUID()).put("amountMinor", amount), who.token()));
    }

    private static void allocate(Cast.Member who, long qty) {
        ok(h.api.post("/api/v1/allocations", new JsonObject().put("allocationId", "alloc-" + UUID.randomUUID())
                .put("participantId", who.id()).put("instrumentId", ALW).put("quantity", qty), cast.regulator));
    }

    private static JsonObject account(String id) {
        ApiClient.Response r = h.api.get("/api/v1/accounts/" + id, cast.regulator);
        assertThat(r.status()).as(r.body().encode()).isEqualTo(200);
        return r.body();
    }

    private static long holding(Cast.Member who, String instrument) {
        JsonArray items = h.api.get("/api/v1/accounts/" + who.id() + "/holdings", who.token()).body()
                .getJsonArray("items");
        for (int i = 0; i < items.size(); i++) {
            if (items.getJsonObject(i).getString("instrumentId").equals(instrument)) {
                return items.getJsonObject(i).getLong("available");
            }
        }
        return 0;
    }

    private static void ok(ApiClient.Response r) {
        assertThat(r.status()).as(r.body().encode()).isEqualTo(200);
    }
}
