package io.carbonx.exchange.gateway;

import static io.carbonx.exchange.gateway.GatewayHarness.order;
import static io.carbonx.exchange.gateway.GatewayHarness.signed;
import static org.assertj.core.api.Assertions.assertThat;

import io.carbonx.events.OrderSubmitted;
import io.carbonx.events.OrderType;
import io.carbonx.events.RequestRejected;
import io.carbonx.events.Role;
import io.carbonx.events.Side;
import io.carbonx.exchange.core.gateway.GatewayReason;
import io.carbonx.exchange.service.InstrumentConfig;
import io.carbonx.exchange.testing.Pki;
import io.carbonx.requests.OrderRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The storage-offer route: an OrderRequest signed with {@code storage = true}, a SELL LIMIT of stored energy on an
 * ENERGY instrument, published as an OrderSubmitted with {@code storage = true} under the participant's sequence; the
 * route must match what was signed; every other rule of an energy order applies. A refusal publishes only a
 * RequestRejected STORAGE_OFFER.
 */
class StorageOfferEntryRulesTest {

    static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    static final Instant NOW = T0.plus(Duration.ofDays(2));
    static final String ENERGY = "ENERGY-PEAK";

    @TempDir
    static Path caDir;
    static Pki pki;
    static Pki.Member alice;

    @BeforeAll
    static void ca() {
        pki = new Pki(caDir, T0);
        alice = pki.register("Alice Battery", Role.ENTERPRISE, T0.plus(Duration.ofDays(1)));
    }

    private static OrderRequest.Builder offer() {
        return order(alice.participantId(), 1, "o-1").setInstrumentId(ENERGY).setSide(Side.SELL).setPriceMinor(44L)
                .setQuantity(100).setStorage(true);
    }

    @Test
    void aStorageOffer_isPublishedAsAStorageOrderSubmitted() {
        try (GatewayHarness h = new GatewayHarness(pki, NOW, InstrumentConfig.parse(InstrumentConfig.defaults()))) {
            OrderGateway.Response r = h.submit(OrderGateway.Kind.STORAGE_OFFER, alice.participantId(),
                    signed(offer().build(), alice));

            assertThat(r.status()).as(r.body().encode()).isEqualTo(202);
            assertThat(h.submitted()).singleElement().satisfies(e -> {
                OrderSubmitted s = (OrderSubmitted) e;
                assertThat(s.getStorage()).isTrue();
                assertThat(s.getSide()).isEqualTo(Side.SELL);
                assertThat(s.getQuantity()).isEqualTo(100);
                assertThat(s.getOrderId()).isEqualTo(r.body().getString("orderId"));
            });
        }
    }

    static Stream<Arguments> badOffers() {
        return Stream.of(
                Arguments.of("not signed as a storage offer", (UnaryOperator<OrderRequest.Builder>) b -> b
                        .setStorage(false), GatewayReason.STORAGE_FLAG_MISMATCH),
                Arguments.of("an allowance", (UnaryOperator<OrderRequest.Builder>) b -> b.setInstrumentId("EUA-2026")
                        .setPriceMinor(8_000L).setQuantity(10), GatewayReason.STORAGE_NOT_ENERGY),
                Arguments.of("an unknown instrument", (UnaryOperator<OrderRequest.Builder>) b -> b
                        .setInstrumentId("NOPE"), GatewayReason.UNKNOWN_INSTRUMENT),
                Arguments.of("a buy", (UnaryOperator<OrderRequest.Builder>) b -> b.setSide(Side.BUY),
                        GatewayReason.STORAGE_MUST_SELL),
                Arguments.of("a market offer", (UnaryOperator<OrderRequest.Builder>) b -> b
                        .setOrderType(OrderType.MARKET).setPriceMinor(null), GatewayReason.MARKET_NOT_ALLOWED),
                Arguments.of("no price", (UnaryOperator<OrderRequest.Builder>) b -> b.setPriceMinor(null),
                        GatewayReason.PRICE_REQUIRED),
                Arguments.of("zero quantity", (UnaryOperator<OrderRequest.Builder>) b -> b.setQuantity(0),
                        GatewayReason.NON_POSITIVE_QUANTITY),
                Arguments.of("another chain", (UnaryOperator<OrderRequest.Builder>) b -> b.setChainId("other"),
                        GatewayReason.WRONG_CHAIN));
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("badOffers")
    void aBadStorageOffer_isRefusedWithItsReason_andOnlyTheRejectionIsPublished(
            String name, UnaryOperator<OrderRequest.Builder> change, GatewayReason reason) {
        try (GatewayHarness h = new GatewayHarness(pki, NOW, InstrumentConfig.parse(InstrumentConfig.defaults()))) {
            OrderGateway.Response r = h.submit(OrderGateway.Kind.STORAGE_OFFER, alice.participantId(),
                    signed(change.apply(offer()).build(), alice));

            assertThat(r.status()).as(r.body().encode()).isEqualTo(reason.httpStatus());
            assertThat(r.body().getString("reasonCode")).isEqualTo(reason.name());
            assertThat(h.submitted()).isEmpty();
            assertThat(h.rejections()).singleElement().satisfies(x -> {
                assertThat(x.getReasonCode()).isEqualTo(reason.name());
                assertThat(x.getRequestType()).isEqualTo("STORAGE_OFFER");
            });
        }
    }

    @Test
    void aRequestSignedAsAStorageOffer_isRefusedOnTheOrderRoute() {
        try (GatewayHarness h = new GatewayHarness(pki, NOW, InstrumentConfig.parse(InstrumentConfig.defaults()))) {
            OrderGateway.Response r = h.submit(OrderGateway.Kind.ORDER, alice.participantId(),
                    signed(offer().build(), alice));

            assertThat(r.body().getString("reasonCode")).isEqualTo("STORAGE_FLAG_MISMATCH");
            assertThat(h.submitted()).isEmpty();
            assertThat(h.rejections()).extracting(RequestRejected::getRequestType).containsExactly("ORDER");
        }
    }
}
