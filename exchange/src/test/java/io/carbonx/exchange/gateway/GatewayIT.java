package io.carbonx.exchange.gateway;

import static io.carbonx.exchange.testing.ExchangeKafka.await;
import static io.carbonx.exchange.testing.ExchangeKafka.events;
import static org.assertj.core.api.Assertions.assertThat;

import io.carbonx.eventlog.KafkaClients;
import io.carbonx.eventlog.runtime.KafkaClientTracker;
import io.carbonx.events.OrderSubmitted;
import io.carbonx.events.RequestRejected;
import io.carbonx.events.Role;
import io.carbonx.exchange.core.gateway.GatewayReason;
import io.carbonx.exchange.service.ExchangeConfig;
import io.carbonx.exchange.service.ExchangeRuntime;
import io.carbonx.exchange.service.ExchangeTopics;
import io.carbonx.exchange.testing.ExchangeKafka;
import io.carbonx.exchange.testing.Pki;
import io.carbonx.registry.api.auth.ApiSecurity;
import io.carbonx.registry.api.auth.ChallengeStore;
import io.carbonx.registry.api.auth.SecureRouter;
import io.carbonx.registry.api.auth.TokenService;
import io.carbonx.registry.identity.SignatureVerifier;
import io.carbonx.schemas.EventCodec;
import io.carbonx.testkit.KafkaBroker;
import io.carbonx.testkit.KafkaBrokerExtension;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway over HTTP and Kafka: an enterprise with a CA-issued certificate signs an order, the gateway publishes
 * OrderSubmitted with the exact signed bytes; after a restart (state rebuilt from the topic) a replayed sequence is
 * refused.
 */
@ExtendWith(KafkaBrokerExtension.class)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class GatewayIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path caDir;

    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void closeVertx() {
        vertx.close().await();
    }

    /** One gateway incarnation: the exchange runtime (gateway only) behind an HTTP server. */
    private final class Node implements AutoCloseable {
        final ExchangeRuntime runtime;
        final HttpServer server;

        Node(KafkaClients clients, ExchangeTopics topics, ApiSecurity security) {
            ExchangeConfig config = ExchangeConfig.of(new JsonObject().put("topicPrefix", topics.prefix())
                    .put("chainId", "it-chain").put("clockTickMs", 0).put("marketData", false)
                    .put("groupId", "exchange-" + System.nanoTime()));
            runtime = vertx.executeBlocking(() -> ExchangeRuntime.start(vertx, config, clients, "it",
                    KafkaClientTracker.NONE)).await();
            Router router = Router.router(vertx);
            router.route("/api/*").handler(BodyHandler.create(false));
            runtime.gateway().attach(security.directory());
            runtime.venues().attach(security.directory());
            GatewayRoutes.mount(new SecureRouter(router, security), runtime.gateway(), runtime.venues());
            server = vertx.createHttpServer().requestHandler(router).listen(0).await();
            await("gateway ready", WAIT, runtime.gateway()::isReady);
        }

        HttpResponse<String> post(String path, String token, JsonObject body) throws Exception {
            return postRaw(path, token, body.encode());
        }

        HttpResponse<String> postRaw(String path, String token, String body) throws Exception {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.actualPort() + path))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            if (token != null) {
                b.header("Authorization", "Bearer " + token);
            }
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        }

        @Override
        public void close() {
            server.close().await();
            vertx.executeBlocking(() -> {
                runtime.close();
                return null;
            }).await();
        }
    }

    @Test
    void aRealSignatureIsPublishedWithItsBytes_andAReplayedSequenceIsRefusedAfterARestart(KafkaBroker broker)
            throws Exception {
        KafkaClients clients = broker.clients();
        ExchangeTopics topics = ExchangeKafka.freshTopics(clients, "gateway");
        Instant now = Instant.now();
        Pki pki = new Pki(caDir, now.minus(Duration.ofDays(2)));
        Pki.Member alice = pki.register("Alice Steel", Role.ENTERPRISE, now.minus(Duration.ofHours(2)));
        Pki.Member regulator = pki.register("Carbon Office", Role.REGULATOR, now.minus(Duration.ofHours(2)));
        TokenService tokens = TokenService.withRandomKey(600_000, new SecureRandom());
        ApiSecurity security = new ApiSecurity(pki.directory(), tokens, new ChallengeStore(60_000, 100,
                new SecureRandom()), "it-chain", Clock.systemUTC());
        String aliceToken = tokens.issue(alice.participantId(), Role.ENTERPRISE, alice.serial(),
                System.currentTimeMillis()).token();
        String regulatorToken = tokens.issue(regulator.participantId(), Role.REGULATOR, regulator.serial(),
                System.currentTimeMillis()).token();
        var first = GatewayHarness.order(alice.participantId(), 1, "c-1").setChainId("it-chain").build();
        byte[] firstBytes = EventCodec.standard().encode(first);

        try (Node node = new Node(clients, topics, security)) {
            assertThat(node.post("/api/v1/orders", null, GatewayHarness.signed(first, alice)).statusCode())
                    .isEqualTo(401);
            assertThat(node.post("/api/v1/orders", regulatorToken, GatewayHarness.signed(first, alice))
                    .statusCode()).isEqualTo(403);

            HttpResponse<String> accepted = node.post("/api/v1/orders", aliceToken, GatewayHarness.signed(first,
                    alice));

            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
            assertThat(new JsonObject(accepted.body()).getString("orderId")).isEqualTo(alice.participantId() + "-1");
        }
        await("OrderSubmitted", WAIT, () -> events(clients, topics.submitted(), OrderSubmitted.class).size() == 1);
        OrderSubmitted published = events(clients, topics.submitted(), OrderSubmitted.class).get(0);
        assertThat(published.getRequestBytes().array()).isEqualTo(firstBytes);
        X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(
                new ByteArrayInputStream(pki.directory().participant(alice.participantId()).orElseThrow()
                        .certificateDer()));
        assertThat(SignatureVerifier.verify(cert, published.getRequestBytes().array(),
                published.getSignature().getValue().array())).as("the stored evidence verifies").isTrue();

        try (Node restarted = new Node(clients, topics, security)) {
            var replay = GatewayHarness.order(alice.participantId(), 1, "c-2").setChainId("it-chain").build();
            HttpResponse<String> refused = restarted.post("/api/v1/orders", aliceToken,
                    GatewayHarness.signed(replay, alice));
            HttpResponse<String> repeat = restarted.post("/api/v1/orders", aliceToken,
                    GatewayHarness.signed(first, alice));

            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
            assertThat(new JsonObject(refused.body()).getString("reasonCode")).isEqualTo("REPLAYED_SEQUENCE");
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(repeat.statusCode()).isEqualTo(200);
            assertThat(new JsonObject(repeat.body()).getString("status")).isEqualTo("DUPLICATE");
        }
        assertThat(events(clients, topics.submitted(), OrderSubmitted.class)).hasSize(1);
        assertThat(events(clients, topics.rejections(), RequestRejected.class))
                .extracting(RequestRejected::getReasonCode).containsExactly("REPLAYED_SEQUENCE");
    }

    /** A signed order of alice on the IT chain (sequence, client id, the rest as the harness's default order). */
    private static io.carbonx.requests.OrderRequest.Builder aliceOrder(Pki.Member alice, long sequence, String id) {
        return GatewayHarness.order(alice.participantId(), sequence, id).setChainId("it-chain");
    }

    @Test
    void everyKindOfBadInput_getsAPrecise4xxWithItsReasonCode_andLeavesNothingButARejectionRecord(
            KafkaBroker broker) throws Exception {
        KafkaClients clients = broker.clients();
        ExchangeTopics topics = ExchangeKafka.freshTopics(clients, "gateway-bad");
        Instant now = Instant.now();
        Pki pki = new Pki(caDir, now.minus(Duration.ofDays(2)));
        Pki.Member alice = pki.register("Alice Steel", Role.ENTERPRISE, now.minus(Duration.ofHours(2)));
        Pki.Member bob = pki.register("Bob Cement", Role.ENTERPRISE, now.minus(Duration.ofHours(2)));
        TokenService tokens = TokenService.withRandomKey(600_000, new SecureRandom());
        ApiSecurity security = new ApiSecurity(pki.directory(), tokens, new ChallengeStore(60_000, 100,
                new SecureRandom()), "it-chain", Clock.systemUTC());
        String token = tokens.issue(alice.participantId(), Role.ENTERPRISE, alice.serial(),
                System.currentTimeMillis()).token();
        byte[] valid = EventCodec.standard().encode(aliceOrder(alice, 2, "c-2").build());
        java.util.Map<String, String> expected = new java.util.LinkedHashMap<>();

        try (Node node = new Node(clients, topics, security)) {
            HttpResponse<String> first = node.post("/api/v1/orders", token, GatewayHarness.signed(aliceOrder(alice,
                    1, "c-1").build(), alice));
            assertThat(first.statusCode()).as(first.body()).isEqualTo(202);

            java.util.Map<String, HttpResponse<String>> answers = new java.util.LinkedHashMap<>();
            answers.put("MALFORMED_BODY", node.postRaw("/api/v1/orders", token, "{not json"));
            answers.put("MALFORMED_REQUEST", node.post("/api/v1/orders", token, GatewayHarness.body(
                    new byte[] {(byte) 0xC3, 1, 7, 7}, alice.signer().sign(new byte[] {1}), alice.serial())));
            answers.put("UNSIGNED", node.post("/api/v1/orders", token, GatewayHarness.body(valid, new byte[0],
                    alice.serial())));
            answers.put("BAD_SIGNATURE", node.post("/api/v1/orders", token, GatewayHarness.body(valid,
                    bob.signer().sign(valid), alice.serial())));
            answers.put("REPLAYED_SEQUENCE", node.post("/api/v1/orders", token, GatewayHarness.signed(
                    aliceOrder(alice, 1, "c-replay").build(), alice)));
            answers.put("WRONG_CHAIN", node.post("/api/v1/orders", token, GatewayHarness.signed(
                    aliceOrder(alice, 3, "c-chain").setChainId("carbonx-other").build(), alice)));
            answers.put("OUT_OF_BAND", node.post("/api/v1/orders", token, GatewayHarness.signed(
                    aliceOrder(alice, 4, "c-band").setPriceMinor(9_601L).build(), alice)));
            answers.put("OFF_TICK", node.post("/api/v1/orders", token, GatewayHarness.signed(
                    aliceOrder(alice, 5, "c-tick").setInstrumentId("EUA-2027").setPriceMinor(8_501L)
                            .setQuantity(10).build(), alice)));
            answers.put("NON_POSITIVE_QUANTITY", node.post("/api/v1/orders", token, GatewayHarness.signed(
                    aliceOrder(alice, 6, "c-zero").setQuantity(0).build(), alice)));
            answers.put("NON_POSITIVE_QUANTITY (negative)", node.post("/api/v1/orders", token,
                    GatewayHarness.signed(aliceOrder(alice, 7, "c-neg").setQuantity(-10).build(), alice)));
            answers.put("ABOVE_MAX_QUANTITY", node.post("/api/v1/orders", token, GatewayHarness.signed(
                    aliceOrder(alice, 8, "c-huge").setQuantity(Long.MAX_VALUE).build(), alice)));
            answers.put("UNKNOWN_INSTRUMENT", node.post("/api/v1/orders", token, GatewayHarness.signed(
                    aliceOrder(alice, 9, "c-nope").setInstrumentId("NOPE-2026").build(), alice)));

            for (var e : answers.entrySet()) {
                String reason = e.getKey().split(" ")[0];
                GatewayReason r = GatewayReason.valueOf(reason);
                HttpResponse<String> answer = e.getValue();
                assertThat(answer.statusCode()).as(e.getKey() + ": " + answer.body()).isEqualTo(r.httpStatus())
                        .isBetween(400, 499);
                assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
                assertThat(new JsonObject(answer.body()).getString("reasonCode")).as(e.getKey()).isEqualTo(reason);
                expected.put(e.getKey(), reason);
            }
        }
        await("every rejection recorded", WAIT, () -> events(clients, topics.rejections(), RequestRejected.class)
                .size() == expected.size());
        assertThat(events(clients, topics.rejections(), RequestRejected.class))
                .extracting(RequestRejected::getReasonCode).containsExactlyElementsOf(expected.values());
        assertThat(events(clients, topics.rejections(), RequestRejected.class))
                .allSatisfy(j -> assertThat(j.getParticipantId()).isEqualTo(alice.participantId()));
        assertThat(events(clients, topics.submitted(), OrderSubmitted.class)).as("only the one good order")
                .extracting(OrderSubmitted::getClientOrderId).containsExactly("c-1");
        assertThat(events(clients, topics.orders(), org.apache.avro.specific.SpecificRecord.class)).isEmpty();
    }
}
