package io.carbonx.exchange.gateway;

import static io.carbonx.exchange.gateway.GatewayHarness.order;
import static io.carbonx.exchange.gateway.GatewayHarness.signed;
import static org.assertj.core.api.Assertions.assertThat;

import io.carbonx.events.InstrumentKind;
import io.carbonx.events.OrderType;
import io.carbonx.events.RequestRejected;
import io.carbonx.events.Role;
import io.carbonx.exchange.core.gateway.GatewayReason;
import io.carbonx.exchange.core.market.MarketDefinition;
import io.carbonx.exchange.core.matching.InstrumentRules;
import io.carbonx.exchange.service.InstrumentConfig;
import io.carbonx.exchange.testing.Pki;
import io.carbonx.requests.OrderRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every instrument rule the gateway checks, each with its reason code; only the rejection is published. */
class OrderEntryInstrumentRulesTest {

    static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    static final Instant NOW = T0.plus(Duration.ofDays(2));

    @TempDir
    static Path caDir;
    static Pki pki;
    static Pki.Member alice;

    @BeforeAll
    static void ca() {
        pki = new Pki(caDir, T0);
        alice = pki.register("Alice Steel", Role.ENTERPRISE, T0.plus(Duration.ofDays(1)));
    }

    static Stream<Arguments> badOrders() {
        return Stream.of(
                bad("unknown instrument", b -> b.setInstrumentId("NOPE"), GatewayReason.UNKNOWN_INSTRUMENT),
                bad("zero quantity", b -> b.setQuantity(0), GatewayReason.NON_POSITIVE_QUANTITY),
                bad("negative quantity", b -> b.setQuantity(-10), GatewayReason.NON_POSITIVE_QUANTITY),
                bad("overflowing quantity", b -> b.setQuantity(Long.MAX_VALUE), GatewayReason.ABOVE_MAX_QUANTITY),
                bad("off lot", b -> b.setInstrumentId("EUA-2027").setPriceMinor(8_500L).setQuantity(15),
                        GatewayReason.OFF_LOT),
                bad("off tick", b -> b.setInstrumentId("EUA-2027").setPriceMinor(8_501L).setQuantity(10),
                        GatewayReason.OFF_TICK),
                bad("above the band", b -> b.setPriceMinor(9_601L), GatewayReason.OUT_OF_BAND),
                bad("below the band", b -> b.setPriceMinor(6_399L), GatewayReason.OUT_OF_BAND),
                bad("limit without price", b -> b.setPriceMinor(null), GatewayReason.PRICE_REQUIRED),
                bad("market with price", b -> b.setOrderType(OrderType.MARKET), GatewayReason.PRICE_NOT_ALLOWED_FOR_MARKET),
                bad("zero price", b -> b.setInstrumentId("BIG").setPriceMinor(0L), GatewayReason.NON_POSITIVE_PRICE),
                bad("negative price", b -> b.setInstrumentId("BIG").setPriceMinor(-5L),
                        GatewayReason.NON_POSITIVE_PRICE),
                bad("overflowing notional", b -> b.setInstrumentId("BIG").setPriceMinor(10_000_000_000L)
                        .setQuantity(10_000_000_000L), GatewayReason.NOTIONAL_OVERFLOW),
                bad("expiry in the past", b -> b.setExpiresAtMs(NOW.toEpochMilli()), GatewayReason.EXPIRY_IN_PAST),
                bad("market order for energy", b -> b.setInstrumentId("ENERGY-PEAK").setOrderType(OrderType.MARKET)
                        .setPriceMinor(null), GatewayReason.MARKET_NOT_ALLOWED),
                bad("market order without a price band to protect it", b -> b.setInstrumentId("BIG")
                        .setOrderType(OrderType.MARKET).setPriceMinor(null), GatewayReason.MARKET_NOT_ALLOWED),
                bad("market order whose protection notional overflows", b -> b.setInstrumentId("WIDE")
                        .setOrderType(OrderType.MARKET).setPriceMinor(null).setQuantity(100_000_000L),
                        GatewayReason.NOTIONAL_OVERFLOW));
    }

    private static Arguments bad(String name, UnaryOperator<OrderRequest.Builder> change, GatewayReason reason) {
        return Arguments.of(name, change, reason);
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("badOrders")
    void anOrderBreakingAnInstrumentRule_isRefusedWithItsReason_andOnlyTheRejectionIsPublished(
            String name, UnaryOperator<OrderRequest.Builder> change, GatewayReason reason) {
        List<MarketDefinition> instruments = new ArrayList<>(InstrumentConfig.parse(InstrumentConfig.defaults()));
        instruments.add(MarketDefinition.book(InstrumentKind.ALLOWANCE, 2030, InstrumentRules.builder("BIG")
                .quantityRange(1, Long.MAX_VALUE).build(), null));
        instruments.add(MarketDefinition.book(InstrumentKind.ALLOWANCE, 2030, InstrumentRules.builder("WIDE")
                .quantityRange(1, Long.MAX_VALUE).priceBand(1_000_000_000_000L, 1_000).build(), null));
        try (GatewayHarness h = new GatewayHarness(pki, NOW, instruments)) {
            OrderRequest request = change.apply(order(alice.participantId(), 1, "c-1")).build();

            OrderGateway.Response r = h.submit(OrderGateway.Kind.ORDER, alice.participantId(),
                    signed(request, alice));

            assertThat(r.status()).isEqualTo(reason.httpStatus()).isBetween(400, 499);
            assertThat(r.body().getString("reasonCode")).isEqualTo(reason.name());
            assertThat(r.body().getString("type")).isEqualTo("urn:carbonx:problem:" + reason.name());
            assertThat(h.submitted()).isEmpty();
            assertThat(h.rejections()).extracting(RequestRejected::getReasonCode).containsExactly(reason.name());
            assertThat(h.rejections().get(0).getRequestType()).isEqualTo("ORDER");
        }
    }
}
