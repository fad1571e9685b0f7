package io.carbonx.exchange.gateway;

import static io.carbonx.exchange.gateway.GatewayHarness.order;
import static io.carbonx.exchange.gateway.GatewayHarness.signed;
import static org.assertj.core.api.Assertions.assertThat;

import io.carbonx.events.OrderSubmitted;
import io.carbonx.events.RequestRejected;
import io.carbonx.events.Role;
import io.carbonx.exchange.core.gateway.GatewayReason;
import io.carbonx.exchange.testing.Pki;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mass order entry: every order of a batch is decided as if submitted alone, in array order; a bad batch changes
 * nothing.
 */
class OrderBatchTest {

    static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    static final Instant NOW = T0.plus(Duration.ofDays(2));

    @TempDir
    static Path caDir;
    static Pki pki;
    static Pki.Member alice;
    static Pki.Member bob;

    @BeforeAll
    static void ca() {
        pki = new Pki(caDir, T0);
        alice = pki.register("Alice Batch", Role.ENTERPRISE, T0.plus(Duration.ofDays(1)));
        bob = pki.register("Bob Batch", Role.ENTERPRISE, T0.plus(Duration.ofDays(1)));
    }

    private static JsonObject orderOf(Pki.Member who, long sequence) {
        return signed(order(who.participantId(), sequence, "b-" + sequence).build(), who);
    }

    private static JsonObject batch(JsonObject... orders) {
        return new JsonObject().put("orders", new JsonArray(List.of((Object[]) orders)));
    }

    @Test
    void aBatchPublishesItsOrdersInArrayOrder_andAnswersEachAsIfSubmittedAlone() {
        try (GatewayHarness h = new GatewayHarness(pki, NOW)) {
            OrderGateway.Response r = h.gateway.submitBatch(alice.participantId(),
                    batch(orderOf(alice, 1), orderOf(alice, 2), orderOf(alice, 3))).join();

            assertThat(r.status()).isEqualTo(200);
            JsonArray results = r.body().getJsonArray("results");
            assertThat(results).hasSize(3);
            for (int i = 0; i < 3; i++) {
                assertThat(results.getJsonObject(i).getInteger("status")).isEqualTo(202);
                assertThat(results.getJsonObject(i).getJsonObject("body").getLong("sequence")).isEqualTo(i + 1L);
            }
            assertThat(h.submitted()).extracting(e -> ((OrderSubmitted) e).getSequence()).containsExactly(1L, 2L, 3L);
        }
    }

    @Test
    void aBadOrderInABatchIsRefusedAlone_theOthersStand_andALaterRepeatOfOneIsADuplicate() {
        try (GatewayHarness h = new GatewayHarness(pki, NOW)) {
            JsonObject forged = orderOf(alice, 2).put("signature", orderOf(alice, 9).getString("signature"));
            JsonArray results = h.gateway.submitBatch(alice.participantId(),
                    batch(orderOf(alice, 1), forged, orderOf(alice, 3), orderOf(alice, 3))).join().body()
                    .getJsonArray("results");

            assertThat(results.stream().map(o -> ((JsonObject) o).getInteger("status")))
                    .containsExactly(202, 400, 202, 200);
            assertThat(results.getJsonObject(1).getJsonObject("body").getString("reasonCode"))
                    .isEqualTo(GatewayReason.BAD_SIGNATURE.name());
            assertThat(results.getJsonObject(3).getJsonObject("body").getString("status")).isEqualTo("DUPLICATE");
            assertThat(h.submitted()).extracting(e -> ((OrderSubmitted) e).getSequence()).containsExactly(1L, 3L);
            assertThat(h.rejections()).extracting(RequestRejected::getReasonCode)
                    .containsExactly(GatewayReason.BAD_SIGNATURE.name());
        }
    }

    @Test
    void sequencesMustIncreaseAlongTheArray() {
        try (GatewayHarness h = new GatewayHarness(pki, NOW)) {
            JsonArray results = h.gateway.submitBatch(alice.participantId(),
                    batch(orderOf(alice, 5), orderOf(alice, 4))).join().body().getJsonArray("results");

            assertThat(results.getJsonObject(0).getInteger("status")).isEqualTo(202);
            assertThat(results.getJsonObject(1).getJsonObject("body").getString("reasonCode"))
                    .isEqualTo(GatewayReason.REPLAYED_SEQUENCE.name());
        }
    }

    @Test
    void anotherParticipantsOrderInTheCallersBatchIsRefusedAsNotTheCaller() {
        try (GatewayHarness h = new GatewayHarness(pki, NOW)) {
            JsonArray results = h.gateway.submitBatch(alice.participantId(), batch(orderOf(bob, 1)))
                    .join().body().getJsonArray("results");

            assertThat(results.getJsonObject(0).getJsonObject("body").getString("reasonCode"))
                    .isEqualTo(GatewayReason.SIGNER_NOT_CALLER.name());
            assertThat(h.submitted()).isEmpty();
        }
    }

    @Test
    void aBodyThatIsNotAListOfOneToAHundredOrders_isRefusedWholeAndChangesNothing() {
        JsonObject one = orderOf(alice, 1);
        JsonArray tooMany = new JsonArray();
        for (int i = 0; i <= OrderGateway.MAX_BATCH_ORDERS; i++) {
            tooMany.add(orderOf(alice, i + 1));
        }
        List<JsonObject> bad = List.of(new JsonObject(), batch(), new JsonObject().put("orders", one),
                new JsonObject().put("orders", new JsonArray().add(one).add("x")),
                new JsonObject().put("orders", tooMany));
        try (GatewayHarness h = new GatewayHarness(pki, NOW)) {
            assertThat(h.gateway.submitBatch(alice.participantId(), null).join().status()).isEqualTo(400);
            for (JsonObject body : bad) {
                OrderGateway.Response r = h.gateway.submitBatch(alice.participantId(), body).join();
                assertThat(r.status()).as(body.encode()).isEqualTo(400);
                assertThat(r.body().getString("reasonCode")).isEqualTo(GatewayReason.MALFORMED_BODY.name());
            }
            assertThat(h.producer.history()).isEmpty();
        }
    }
}
