package io.carbonx.exchange.gateway;

import static io.carbonx.exchange.gateway.GatewayHarness.CHAIN;
import static io.carbonx.exchange.gateway.GatewayHarness.CODEC;
import static io.carbonx.exchange.gateway.GatewayHarness.EUA;
import static io.carbonx.exchange.gateway.GatewayHarness.body;
import static io.carbonx.exchange.gateway.GatewayHarness.order;
import static io.carbonx.exchange.gateway.GatewayHarness.signed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.carbonx.events.OrderCancelRequested;
import io.carbonx.events.OrderReplaceRequested;
import io.carbonx.events.OrderSubmitted;
import io.carbonx.events.OrderType;
import io.carbonx.events.RequestRejected;
import io.carbonx.events.Role;
import io.carbonx.events.Side;
import io.carbonx.exchange.core.gateway.GatewayReason;
import io.carbonx.exchange.gateway.OrderGateway.Kind;
import io.carbonx.exchange.testing.Pki;
import io.carbonx.requests.CancelRequest;
import io.carbonx.requests.ReplaceRequest;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signed order entry, rule by rule: every accepted request is published once with its exact signed bytes; every bad
 * input gets its reason code and status, and the only record published is its RequestRejected.
 */
class OrderGatewayRulesTest {

    static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    static final Instant NOW = T0.plus(Duration.ofDays(2));

    @TempDir
    static Path caDir;
    static Pki pki;
    static Pki.Member alice;
    static Pki.Member bob;
    static Pki.Member regulator;

    private GatewayHarness h;

    @BeforeAll
    static void ca() {
        pki = new Pki(caDir, T0);
        alice = pki.register("Alice Steel", Role.ENTERPRISE, T0.plus(Duration.ofDays(1)));
        bob = pki.register("Bob Cement", Role.ENTERPRISE, T0.plus(Duration.ofDays(1)));
        regulator = pki.register("Carbon Office", Role.REGULATOR, T0.plus(Duration.ofDays(1)));
    }

    @AfterEach
    void close() {
        if (h != null) {
            h.close();
        }
    }

    private GatewayHarness gateway() {
        h = new GatewayHarness(pki, NOW);
        return h;
    }

    /** Asserts the refusal: status, reason code, one rejection record and nothing submitted. */
    private void assertRefused(OrderGateway.Response r, GatewayReason reason) {
        assertThat(r.body().getString("reasonCode")).as(r.body().encode()).isEqualTo(reason.name());
        assertThat(r.status()).isEqualTo(reason.httpStatus());
        assertThat(h.submitted()).isEmpty();
        assertThat(h.rejections()).singleElement().satisfies(x -> {
            assertThat(x.getReasonCode()).isEqualTo(reason.name());
            assertThat(x.getParticipantId()).isNotBlank();
        });
    }

    @Test
    void aSignedOrderOfTheCaller_isPublishedAsOrderSubmitted_withTheExactSignedBytesAndSignature() {
        gateway();
        var request = order(alice.participantId(), 1, "c-1").build();
        byte[] bytes = CODEC.encode(request);
        JsonObject body = body(bytes, alice.signer().sign(bytes), alice.serial());

        OrderGateway.Response r = h.submit(Kind.ORDER, alice.participantId(), body);

        assertThat(r.status()).isEqualTo(202);
        assertThat(r.body().getString("orderId")).isEqualTo(alice.participantId() + "-1");
        assertThat(h.rejections()).isEmpty();
        assertThat(h.submitted()).singleElement().isInstanceOfSatisfying(OrderSubmitted.class, s -> {
            assertThat(s.getOrderId()).isEqualTo(alice.participantId() + "-1");
            assertThat(s.getClientOrderId()).isEqualTo("c-1");
            assertThat(s.getSequence()).isEqualTo(1);
            assertThat(s.getInstrumentId()).isEqualTo(EUA);
            assertThat(s.getPriceMinor()).isEqualTo(8_000L);
            assertThat(s.getRequestBytes().array()).isEqualTo(bytes);
            assertThat(s.getSignature().getSignerId()).isEqualTo(alice.participantId());
            assertThat(s.getSignature().getCertificateSerial()).isEqualTo(alice.serial());
            assertThat(s.getSignature().getAlgorithm()).isEqualTo("SHA256withECDSA");
            assertThat(s.getEnvelope().getLogicalTime()).isEqualTo(NOW.toEpochMilli());
            assertThat(s.getEnvelope().getActor()).isEqualTo(alice.participantId());
        });
        assertThat(h.producer.history().get(0).key()).isEqualTo(alice.participantId().getBytes());
    }

    @Test
    void aBodyThatIsNotASignedRequest_isRefusedMalformedBody() {
        gateway();
        assertRefused(h.submit(Kind.ORDER, alice.participantId(), null), GatewayReason.MALFORMED_BODY);
        h.producer.clear();
        assertRefused(h.submit(Kind.ORDER, alice.participantId(), new JsonObject().put("request", "AAAA")),
                GatewayReason.MALFORMED_BODY);
        h.producer.clear();
        assertRefused(h.submit(Kind.ORDER, alice.participantId(), signed(order(alice.participantId(), 1, "c")
                .build(), alice).put("signature", "%%%")), GatewayReason.MALFORMED_BODY);
        h.producer.clear();
        assertRefused(h.submit(Kind.ORDER, alice.participantId(), signed(order(alice.participantId(), 1, "c")
                .build(), alice).put("certificateSerial", "XYZ")), GatewayReason.MALFORMED_BODY);
    }

    @Test
    void bytesThatAreNotTheExpectedRequest_areRefusedMalformedRequest() {
        gateway();
        assertRefused(h.submit(Kind.ORDER, alice.participantId(), body(new byte[] {1, 2, 3}, new byte[] {1},
                alice.serial())), GatewayReason.MALFORMED_REQUEST);
        h.producer.clear();
        CancelRequest cancel = CancelRequest.newBuilder().setChainId(CHAIN).setParticipantId(alice.participantId())
                .setSequence(1).setOrderId("x").setInstrumentId(EUA).build();
        assertRefused(h.submit(Kind.ORDER, alice.participantId(), signed(cancel, alice)),
                GatewayReason.MALFORMED_REQUEST);
    }

    @Test
    void anEmptySignature_isRefusedUnsigned() {
        gateway();
        byte[] bytes = CODEC.encode(order(alice.participantId(), 1, "c").build());
        assertRefused(h.submit(Kind.ORDER, alice.participantId(), body(bytes, new byte[0], alice.serial())),
                GatewayReason.UNSIGNED);
        assertThat(h.rejections().get(0).getSequence()).isEqualTo(1L);
        assertThat(h.rejections().get(0).getClientRequestId()).isEqualTo("c");
        assertThat(h.rejections().get(0).getRequestSha256().remaining()).isEqualTo(32);
    }

    @Test
    void aRequestForAnotherParticipant_isRefusedSignerNotCaller_evenWhenThatParticipantSignedIt() {
        gateway();
        assertRefused(h.submit(Kind.ORDER, alice.participantId(), signed(order(bob.participantId(), 1, "c")
                .build(), bob)), GatewayReason.SIGNER_NOT_CALLER);
        assertThat(h.rejections().get(0).getParticipantId()).isEqualTo(alice.participantId());
    }

    @Test
    void aSerialThatIsNotTheSignersCurrentCertificate_isRefused() {
        gateway();
        assertRefused(h.submit(Kind.ORDER, alice.participantId(), signed(order(alice.participantId(), 1, "c")
                .build(), alice).put("certificateSerial", bob.serial())), GatewayReason.CERTIFICATE_NOT_CURRENT);
    }

    @Test
    void aSignatureByAnotherKey_orOverOtherBytes_isRefusedBadSignature() {
        gateway();
        byte[] bytes = CODEC.encode(order(alice.participantId(), 1, "c").build());
        assertRefused(h.submit(Kind.ORDER, alice.participantId(), body(bytes, bob.signer().sign(bytes),
                alice.serial())), GatewayReason.BAD_SIGNATURE);
        h.producer.clear();
        byte[] other = CODEC.encode(order(alice.participantId(), 1, "c").setQuantity(1_000).build());
        assertRefused(h.submit(Kind.ORDER, alice.participantId(), body(other, alice.signer().sign(bytes),
                alice.serial())), GatewayReason.BAD_SIGNATURE);
    }

    @Test
    void aSignerWithoutTheEnterpriseRole_isRefused() {
        gateway();
        assertRefused(h.submit(Kind.ORDER, regulator.participantId(), signed(order(regulator.participantId(), 1,
                "c").build(), regulator)), GatewayReason.ROLE_NOT_ENTERPRISE);
    }

    @Test
    void aCertificateOutsideItsValidity_isRefusedExpired() {
        h = new GatewayHarness(pki, NOW.plus(Duration.ofDays(4_000)));
        assertRefused(h.submit(Kind.ORDER, alice.participantId(), signed(order(alice.participantId(), 1, "c")
                .build(), alice)), GatewayReason.CERTIFICATE_EXPIRED);
    }

    @Test
    void anotherChainId_isRefusedWrongChain() {
        gateway();
        assertRefused(h.submit(Kind.ORDER, alice.participantId(), signed(order(alice.participantId(), 1, "c")
                .setChainId("other-chain").build(), alice)), GatewayReason.WRONG_CHAIN);
    }

    @Test
    void aSequenceNotAboveTheLastOne_isRefusedAsReplayed() {
        gateway();
        assertThat(h.submit(Kind.ORDER, alice.participantId(), signed(order(alice.participantId(), 5, "c-5")
                .build(), alice)).status()).isEqualTo(202);
        h.producer.clear();
        assertRefused(h.submit(Kind.ORDER, alice.participantId(), signed(order(alice.participantId(), 5, "c-6")
                .build(), alice)), GatewayReason.REPLAYED_SEQUENCE);
        h.producer.clear();
        assertRefused(h.submit(Kind.ORDER, alice.participantId(), signed(order(alice.participantId(), 4, "c-7")
                .build(), alice)), GatewayReason.REPLAYED_SEQUENCE);
        h.producer.clear();
        assertThat(h.submit(Kind.ORDER, bob.participantId(), signed(order(bob.participantId(), 1, "c-1")
                .build(), bob)).status()).as("sequences are per participant").isEqualTo(202);
    }

    @Test
    void theSameClientOrderIdTwice_getsTheFirstResult_andNothingNewIsPublished() {
        gateway();
        OrderGateway.Response first = h.submit(Kind.ORDER, alice.participantId(),
                signed(order(alice.participantId(), 1, "c-1").build(), alice));
        OrderGateway.Response again = h.submit(Kind.ORDER, alice.participantId(),
                signed(order(alice.participantId(), 2, "c-1").setQuantity(5).build(), alice));
        OrderGateway.Response replayed = h.submit(Kind.ORDER, alice.participantId(),
                signed(order(alice.participantId(), 1, "c-1").build(), alice));

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().getString("status")).isEqualTo("DUPLICATE");
        assertThat(again.body().getString("orderId")).isEqualTo(first.body().getString("orderId"));
        assertThat(again.body().getLong("sequence")).isEqualTo(1);
        assertThat(replayed.body().getString("orderId")).isEqualTo(first.body().getString("orderId"));
        assertThat(h.submitted()).hasSize(1);
        assertThat(h.rejections()).isEmpty();
    }

    @Test
    void aSignedCancel_isPublishedAsOrderCancelRequested() {
        gateway();
        CancelRequest cancel = CancelRequest.newBuilder().setChainId(CHAIN).setParticipantId(alice.participantId())
                .setSequence(3).setOrderId(alice.participantId() + "-1").setInstrumentId(EUA).build();

        OrderGateway.Response r = h.submit(Kind.CANCEL, alice.participantId(), signed(cancel, alice));

        assertThat(r.status()).isEqualTo(202);
        assertThat(h.submitted()).singleElement().isInstanceOfSatisfying(OrderCancelRequested.class, c -> {
            assertThat(c.getOrderId()).isEqualTo(alice.participantId() + "-1");
            assertThat(c.getSequence()).isEqualTo(3);
            assertThat(c.getRequestBytes().array()).isEqualTo(CODEC.encode(cancel));
        });
    }

    @Test
    void aSignedReplace_isPublishedWithANewOrderId_andChecksTheInstrumentRules() {
        gateway();
        ReplaceRequest.Builder replace = ReplaceRequest.newBuilder().setChainId(CHAIN)
                .setParticipantId(alice.participantId()).setSequence(7).setOrderId(alice.participantId() + "-1")
                .setClientOrderId("c-r").setInstrumentId(EUA).setPriceMinor(8_100).setQuantity(50)
                .setExpiresAtMs(null);

        assertThat(h.submit(Kind.REPLACE, alice.participantId(), signed(replace.build(), alice)).status())
                .isEqualTo(202);
        assertThat(h.submitted()).singleElement().isInstanceOfSatisfying(OrderReplaceRequested.class, r -> {
            assertThat(r.getNewOrderId()).isEqualTo(alice.participantId() + "-7");
            assertThat(r.getOrderId()).isEqualTo(alice.participantId() + "-1");
        });
        h.producer.clear();
        assertRefused(h.submit(Kind.REPLACE, alice.participantId(), signed(replace.setSequence(8)
                .setClientOrderId("c-r2").setInstrumentId("EUA-2027").setPriceMinor(8_501).build(), alice)),
                GatewayReason.OFF_TICK);
    }

    @Test
    void beforeTheStateIsCaughtUp_requestsAreRefused503_andNothingIsPublished() {
        h = new GatewayHarness(pki, NOW);
        OrderGateway fresh = new OrderGateway(new io.carbonx.exchange.core.gateway.OrderEntry(CHAIN, java.util.List.of()),
                h.producer, GatewayHarness.TOPICS, java.time.Clock.systemUTC(), 1);
        try {
            OrderGateway.Response r = fresh.submit(Kind.ORDER, alice.participantId(),
                    signed(order(alice.participantId(), 1, "c").build(), alice)).join();
            assertThat(r.status()).isEqualTo(503);
            assertThat(r.body().getString("reasonCode")).isEqualTo("GATEWAY_NOT_READY");
            assertThat(h.producer.history()).isEmpty();
        } finally {
            fresh.close();
        }
    }

    @Test
    void aRevokedCertificate_isRefused() {
        Pki.Member carol = pki.register("Carol Glass", Role.ENTERPRISE, T0.plus(Duration.ofDays(1)));
        pki.revoke(carol.participantId(), NOW.minus(Duration.ofHours(1)));
        gateway();
        assertRefused(h.submit(Kind.ORDER, carol.participantId(), signed(order(carol.participantId(), 1, "c")
                .build(), carol)), GatewayReason.CERTIFICATE_REVOKED);
    }

    @Test
    void aMarketOrder_isPublishedWithTheBandLimitOfItsSideAsProtectionPrice() {
        gateway();
        // EUA-2026: reference 8000, band 2000 bps -> 6400..9600; EUA-2027: reference 8500, tick 5 -> 6800..10200
        assertThat(h.submit(Kind.ORDER, alice.participantId(), signed(order(alice.participantId(), 1, "m-buy")
                .setOrderType(OrderType.MARKET).setPriceMinor(null).build(), alice)).status()).isEqualTo(202);
        assertThat(h.submit(Kind.ORDER, alice.participantId(), signed(order(alice.participantId(), 2, "m-sell")
                .setSide(Side.SELL).setOrderType(OrderType.MARKET).setPriceMinor(null).build(), alice)).status())
                .isEqualTo(202);
        assertThat(h.submit(Kind.ORDER, alice.participantId(), signed(order(alice.participantId(), 3, "limit")
                .build(), alice)).status()).isEqualTo(202);

        assertThat(h.submitted()).map(OrderSubmitted.class::cast).extracting(OrderSubmitted::getClientOrderId,
                OrderSubmitted::getPriceMinor, OrderSubmitted::getProtectionPriceMinor).containsExactly(
                tuple("m-buy", null, 9_600L), tuple("m-sell", null, 6_400L), tuple("limit", 8_000L, null));
        assertThat(h.rejections()).extracting(RequestRejected::getReasonCode).isEmpty();
    }
}
