package io.carbonx.exchange.core.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every rule of agreement (block) trades, each refusal with its reason and without effect. */
class AgreementDeskRulesTest {

    static final String CHAIN = "carbonx-test";
    static final long NOW = 1_000_000L;
    static final long DAY = 24L * 60 * 60 * 1000;

    static AgreementDesk desk() {
        return new AgreementDesk(CHAIN, List.of(AgreementInstrumentRules.of("EUA-2026", 1_000, 500),
                AgreementInstrumentRules.of("CCER", 400, 100).withLotAndTick(100, 5)));
    }

    static AgreementTerms terms(long price, long quantity) {
        return new AgreementTerms(CHAIN, "AG-1", "EUA-2026", "BUYER", "SELLER", price, quantity, NOW + DAY,
                NOW + 60_000);
    }

    static AgreementTerms with(AgreementTerms t, String field, Object value) {
        return new AgreementTerms(
                field.equals("chainId") ? (String) value : t.chainId(),
                field.equals("agreementId") ? (String) value : t.agreementId(),
                field.equals("instrumentId") ? (String) value : t.instrumentId(),
                field.equals("buyerId") ? (String) value : t.buyerId(),
                field.equals("sellerId") ? (String) value : t.sellerId(),
                t.priceMinor(), t.quantity(),
                field.equals("settlementDateMs") ? (Long) value : t.settlementDateMs(),
                field.equals("expiresAtMs") ? (Long) value : t.expiresAtMs());
    }

    @Test
    void agreementWithinBand_isRegistered_asAnAgreementRegisteredRecord() {
        AgreementDesk desk = desk();

        AgreementDecision d = desk.register(terms(1_100, 600), NOW);

        assertThat(d.isRegistered()).isTrue();
        assertThat(d.registration()).isEqualTo(new AgreementRegistration(1, "AG-1", "EUA-2026", "BUYER", "SELLER",
                1_100, 600, 660_000, NOW + DAY, NOW, 1_000, 3_000));
        assertThat(desk.registration("AG-1")).contains(d.registration());
    }

    @Test
    void bandBoundsAreInclusive_plusMinus30PercentByDefault() {
        assertThat(desk().register(terms(700, 500), NOW).isRegistered()).isTrue();
        assertThat(desk().register(terms(1_300, 500), NOW).isRegistered()).isTrue();
    }

    @Test
    void agreementPriceOutsideBand_isRejected() {
        AgreementDesk desk = desk();
        String before = desk.stateHash();

        AgreementDecision below = desk.register(terms(699, 500), NOW);
        AgreementDecision above = desk.register(terms(1_301, 500), NOW);

        assertThat(below.reason()).isEqualTo(AgreementRejectReason.PRICE_OUTSIDE_BAND);
        assertThat(above.reason()).isEqualTo(AgreementRejectReason.PRICE_OUTSIDE_BAND);
        assertThat(above.detail()).contains("1301").contains("3000").contains("1000");
        assertThat(desk.stateHash()).isEqualTo(before);
        assertThat(desk.registrations()).isEmpty();
    }

    @Test
    void bandIsConfigurable() {
        AgreementDesk desk = new AgreementDesk(CHAIN,
                List.of(AgreementInstrumentRules.of("EUA-2026", 1_000, 500).withBandBps(1_000)));

        assertThat(desk.register(terms(1_101, 500), NOW).reason()).isEqualTo(AgreementRejectReason.PRICE_OUTSIDE_BAND);
        assertThat(desk.register(terms(1_100, 500), NOW).isRegistered()).isTrue();
    }

    @Test
    void referencePriceUpdate_movesTheBand() {
        AgreementDesk desk = desk();

        assertThat(desk.updateReferencePrice("EUA-2026", 2_000)).isEmpty();
        assertThat(desk.register(terms(1_300, 500), NOW).reason()).isEqualTo(AgreementRejectReason.PRICE_OUTSIDE_BAND);
        assertThat(desk.register(terms(1_400, 500), NOW).registration().referencePriceMinor()).isEqualTo(2_000);
        assertThat(desk.updateReferencePrice("NOPE", 5)).contains(AgreementRejectReason.UNKNOWN_INSTRUMENT);
        assertThat(desk.updateReferencePrice("EUA-2026", 0)).contains(AgreementRejectReason.PRICE_NOT_POSITIVE);
        assertThat(desk.rules("EUA-2026")).hasValueSatisfying(r -> assertThat(r.referencePriceMinor()).isEqualTo(2_000));
    }

    @Test
    void agreementBelowMinimumSize_isRejected() {
        assertThat(desk().register(terms(1_000, 499), NOW).reason()).isEqualTo(AgreementRejectReason.BELOW_MINIMUM_SIZE);
        assertThat(desk().register(terms(1_000, 500), NOW).isRegistered()).isTrue();
    }

    @Test
    void settlementDateMustBeInTheFuture() {
        AgreementTerms t = terms(1_000, 500);

        assertThat(desk().register(with(t, "settlementDateMs", NOW), NOW).reason())
                .isEqualTo(AgreementRejectReason.SETTLEMENT_NOT_IN_FUTURE);
        assertThat(desk().register(with(t, "settlementDateMs", NOW - 1), NOW).reason())
                .isEqualTo(AgreementRejectReason.SETTLEMENT_NOT_IN_FUTURE);
        assertThat(desk().register(with(t, "settlementDateMs", NOW + 1), NOW).isRegistered()).isTrue();
    }

    @Test
    void settlementDateBeyondTheHorizon_isRejected() {
        AgreementTerms t = terms(1_000, 500);
        long horizon = AgreementDesk.DEFAULT_MAX_SETTLEMENT_HORIZON_MS;

        assertThat(desk().register(with(t, "settlementDateMs", NOW + horizon), NOW).isRegistered()).isTrue();
        assertThat(desk().register(with(t, "settlementDateMs", NOW + horizon + 1), NOW).reason())
                .isEqualTo(AgreementRejectReason.SETTLEMENT_TOO_FAR);
        assertThat(desk().register(with(t, "settlementDateMs", Long.MAX_VALUE), Long.MIN_VALUE + 1).reason())
                .as("settlement - now overflows a long: still refused").isEqualTo(
                        AgreementRejectReason.SETTLEMENT_TOO_FAR);
    }

    @Test
    void buyerAndSellerMustDiffer() {
        assertThat(desk().register(with(terms(1_000, 500), "sellerId", "BUYER"), NOW).reason())
                .isEqualTo(AgreementRejectReason.SAME_PARTY);
    }

    @Test
    void instrumentMustBeKnown() {
        assertThat(desk().register(with(terms(1_000, 500), "instrumentId", "EUA-1999"), NOW).reason())
                .isEqualTo(AgreementRejectReason.UNKNOWN_INSTRUMENT);
    }

    @Test
    void termsForAnotherChain_areRejected() {
        assertThat(desk().register(with(terms(1_000, 500), "chainId", "other-chain"), NOW).reason())
                .isEqualTo(AgreementRejectReason.WRONG_CHAIN);
    }

    @Test
    void expiredTerms_areRejected() {
        AgreementTerms t = terms(1_000, 500);

        assertThat(desk().register(t, t.expiresAtMs()).reason()).isEqualTo(AgreementRejectReason.TERMS_EXPIRED);
        assertThat(desk().register(t, t.expiresAtMs() - 1).isRegistered()).isTrue();
    }

    @Test
    void anAgreementIdIsRegisteredOnlyOnce_evenWithOtherTerms() {
        AgreementDesk desk = desk();
        AgreementRegistration first = desk.register(terms(1_000, 500), NOW).registration();
        String hash = desk.stateHash();

        assertThat(desk.register(terms(1_000, 500), NOW).reason()).isEqualTo(AgreementRejectReason.DUPLICATE_AGREEMENT_ID);
        assertThat(desk.register(terms(900, 700), NOW + DAY * 2).reason())
                .as("duplicate is reported before any other failure").isEqualTo(
                        AgreementRejectReason.DUPLICATE_AGREEMENT_ID);
        assertThat(desk.stateHash()).isEqualTo(hash);
        assertThat(desk.registrations()).containsExactly(first);
    }

    @Test
    void sequenceNumbersFollowRegistrations() {
        AgreementDesk desk = desk();
        desk.register(terms(1_000, 500), NOW);
        desk.register(terms(10, 500), NOW); // refused: takes no number

        AgreementRegistration second = desk.register(with(terms(1_000, 500), "agreementId", "AG-2"), NOW)
                .registration();

        assertThat(second.sequence()).isEqualTo(2);
    }

    static Stream<Arguments> refusals() {
        AgreementTerms ok = terms(1_000, 500);
        AgreementTerms ccer = new AgreementTerms(CHAIN, "AG-1", "CCER", "B", "S", 400, 100, NOW + DAY, NOW + 1);
        return Stream.of(
                Arguments.of("null terms", null, AgreementRejectReason.MALFORMED),
                Arguments.of("blank agreement id", with(ok, "agreementId", " "), AgreementRejectReason.INVALID_ID),
                Arguments.of("null buyer", with(ok, "buyerId", null), AgreementRejectReason.INVALID_ID),
                Arguments.of("control char", with(ok, "sellerId", "S\u0007"), AgreementRejectReason.INVALID_ID),
                Arguments.of("null chain", with(ok, "chainId", null), AgreementRejectReason.INVALID_ID),
                Arguments.of("zero quantity", terms(1_000, 0), AgreementRejectReason.QUANTITY_NOT_POSITIVE),
                Arguments.of("negative quantity", terms(1_000, -500), AgreementRejectReason.QUANTITY_NOT_POSITIVE),
                Arguments.of("off lot", new AgreementTerms(CHAIN, "AG-1", "CCER", "B", "S", 400, 150, NOW + DAY,
                        NOW + 1), AgreementRejectReason.OFF_LOT),
                Arguments.of("zero price", terms(0, 500), AgreementRejectReason.PRICE_NOT_POSITIVE),
                Arguments.of("negative price", terms(-1_000, 500), AgreementRejectReason.PRICE_NOT_POSITIVE),
                Arguments.of("off tick", new AgreementTerms(CHAIN, "AG-1", "CCER", "B", "S", 401, 100, NOW + DAY,
                        NOW + 1), AgreementRejectReason.OFF_TICK),
                Arguments.of("notional overflow", new AgreementTerms(CHAIN, "AG-1", "EUA-2026", "B", "S", 1_000,
                        Long.MAX_VALUE / 100, NOW + DAY, NOW + 1), AgreementRejectReason.NOTIONAL_OVERFLOW),
                Arguments.of("valid terms on lot and tick pass", ccer, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void badTerms_getAPreciseReason_andChangeNothing(String name, AgreementTerms t, AgreementRejectReason reason) {
        AgreementDesk desk = desk();
        String before = desk.stateHash();

        AgreementDecision d = desk.register(t, NOW);

        if (reason == null) {
            assertThat(d.reason()).as(d.detail()).isNull();
            return;
        }
        assertThat(d.reason()).isEqualTo(reason);
        assertThat(d.registration()).isNull();
        assertThat(d.detail()).isNotBlank();
        assertThat(desk.stateHash()).isEqualTo(before);
    }

    @Test
    void badDeskConfiguration_isRefused() {
        assertThatThrownBy(() -> new AgreementDesk(" ", List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AgreementDesk(CHAIN, 0, List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AgreementDesk(CHAIN, List.of(AgreementInstrumentRules.of("X", 1, 1),
                AgreementInstrumentRules.of("X", 2, 1)))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AgreementInstrumentRules.of("X", 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AgreementInstrumentRules.of("X", 1, 1).withBandBps(10_001))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
