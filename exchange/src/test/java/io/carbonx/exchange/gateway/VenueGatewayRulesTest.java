package io.carbonx.exchange.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.carbonx.events.AgreementSubmitted;
import io.carbonx.events.AuctionBidRequested;
import io.carbonx.events.AuctionScheduleRequested;
import io.carbonx.events.RequestRejected;
import io.carbonx.events.Role;
import io.carbonx.exchange.core.gateway.GatewayReason;
import io.carbonx.exchange.service.InstrumentConfig;
import io.carbonx.exchange.testing.Pki;
import io.carbonx.requests.AgreementTerms;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Agreement and primary-auction entry: forwarded to the instrument's partition, or refused with a reason. */
class VenueGatewayRulesTest {

    static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    static final Instant NOW = T0.plus(Duration.ofDays(2));

    @TempDir
    static Path caDir;
    static Pki pki;
    static Pki.Member buyer;
    static Pki.Member seller;
    static Pki.Member other;

    private MockProducer<byte[], byte[]> producer;
    private VenueGateway venues;

    @BeforeAll
    static void ca() {
        pki = new Pki(caDir, T0);
        buyer = pki.register("Buyer Steel", Role.ENTERPRISE, T0.plus(Duration.ofDays(1)));
        seller = pki.register("Seller Power", Role.ENTERPRISE, T0.plus(Duration.ofDays(1)));
        other = pki.register("Other Cement", Role.ENTERPRISE, T0.plus(Duration.ofDays(1)));
    }

    @BeforeEach
    void gateway() {
        producer = new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
        venues = new VenueGateway(GatewayHarness.CHAIN, InstrumentConfig.parse(InstrumentConfig.defaults()), producer,
                GatewayHarness.TOPICS, Clock.fixed(NOW, ZoneOffset.UTC));
        venues.attach(pki.directory());
    }

    @AfterEach
    void close() {
        venues.close();
    }

    private static AgreementTerms.Builder terms() {
        return AgreementTerms.newBuilder().setChainId(GatewayHarness.CHAIN).setAgreementId("AG-1")
                .setInstrumentId("EUA-2026").setBuyerId(buyer.participantId()).setSellerId(seller.participantId())
                .setPriceMinor(8_000).setQuantity(5_000).setSettlementDateMs(NOW.toEpochMilli() + 86_400_000)
                .setExpiresAtMs(NOW.toEpochMilli() + 3_600_000);
    }

    private static JsonObject signedByBoth(AgreementTerms t, Pki.Member buyerSigner, Pki.Member sellerSigner) {
        byte[] bytes = GatewayHarness.CODEC.encode(t);
        Base64.Encoder b64 = Base64.getEncoder();
        return new JsonObject().put("terms", b64.encodeToString(bytes))
                .put("buyerSignature", b64.encodeToString(buyerSigner.signer().sign(bytes)))
                .put("buyerCertificateSerial", buyer.serial())
                .put("sellerSignature", b64.encodeToString(sellerSigner.signer().sign(bytes)))
                .put("sellerCertificateSerial", seller.serial());
    }

    private List<SpecificRecord> sent(String topic) {
        return producer.history().stream().filter(r -> r.topic().equals(topic))
                .map(r -> GatewayHarness.CODEC.decode(r.value())).toList();
    }

    private void assertRefused(OrderGateway.Response r, GatewayReason reason) {
        assertThat(r.body().getString("reasonCode")).as(r.body().encode()).isEqualTo(reason.name());
        assertThat(r.status()).isEqualTo(reason.httpStatus());
        assertThat(sent(GatewayHarness.TOPICS.orders())).isEmpty();
        assertThat(sent(GatewayHarness.TOPICS.rejections())).singleElement()
                .satisfies(x -> assertThat(((RequestRejected) x).getReasonCode()).isEqualTo(reason.name()));
    }

    @Test
    void termsSignedByBothParties_areForwardedToTheInstrumentsPartition_withTheBytesAndBothSignatures() {
        AgreementTerms t = terms().build();

        OrderGateway.Response r = venues.agreement(seller.participantId(), signedByBoth(t, buyer, seller)).join();

        assertThat(r.status()).isEqualTo(202);
        assertThat(producer.history().get(0).key()).isEqualTo("EUA-2026".getBytes());
        assertThat(sent(GatewayHarness.TOPICS.orders())).singleElement()
                .isInstanceOfSatisfying(AgreementSubmitted.class, a -> {
                    assertThat(a.getTermsBytes().array()).isEqualTo(GatewayHarness.CODEC.encode(t));
                    assertThat(a.getSubmittedBy()).isEqualTo(seller.participantId());
                    assertThat(a.getBuyerSignature().getSignerId()).isEqualTo(buyer.participantId());
                    assertThat(a.getSellerSignature().getCertificateSerial()).isEqualTo(seller.serial());
                });
    }

    @Test
    void aSubmitterThatIsNotAParty_isRefused() {
        assertRefused(venues.agreement(other.participantId(), signedByBoth(terms().build(), buyer, seller)).join(),
                GatewayReason.NOT_A_PARTY);
    }

    @Test
    void aPartysSignatureByAnotherKey_isRefusedBadSignature_namingTheParty() {
        OrderGateway.Response r = venues.agreement(buyer.participantId(), signedByBoth(terms().build(), buyer,
                other)).join();

        assertRefused(r, GatewayReason.BAD_SIGNATURE);
        assertThat(r.body().getString("detail")).startsWith("seller:");
    }

    @Test
    void badTerms_areRefusedWithTheirReason() {
        assertRefused(venues.agreement(buyer.participantId(), signedByBoth(terms().setChainId("x").build(), buyer,
                seller)).join(), GatewayReason.WRONG_CHAIN);
        producer.clear();
        assertRefused(venues.agreement(buyer.participantId(), signedByBoth(terms().setInstrumentId("NOPE").build(),
                buyer, seller)).join(), GatewayReason.UNKNOWN_INSTRUMENT);
        producer.clear();
        assertRefused(venues.agreement(buyer.participantId(), new JsonObject().put("terms", "AAEC")).join(),
                GatewayReason.MALFORMED_REQUEST);
        producer.clear();
        assertRefused(venues.agreement(buyer.participantId(), null).join(), GatewayReason.MALFORMED_BODY);
    }

    @Test
    void auctionRequestsAreForwardedWithTheCallerAsRegulatorOrBidder() {
        JsonObject spec = new JsonObject().put("auctionId", "PA-1").put("instrumentId", "EUA-2026")
                .put("vintage", 2026).put("totalQuantity", 1_000).put("reservePriceMinor", 6_000)
                .put("openAtMs", NOW.toEpochMilli()).put("closeAtMs", NOW.toEpochMilli() + 60_000);

        assertThat(venues.schedule("REG-1", Role.REGULATOR, spec).join().status()).isEqualTo(202);
        assertThat(venues.bid(buyer.participantId(), "PA-1", new JsonObject().put("instrumentId", "EUA-2026")
                .put("bidId", "b1").put("action", "SUBMIT").put("priceMinor", 7_000).put("quantity", 10)).join()
                .status()).isEqualTo(202);

        List<SpecificRecord> forwarded = sent(GatewayHarness.TOPICS.orders());
        assertThat(forwarded.get(0)).isInstanceOfSatisfying(AuctionScheduleRequested.class, s -> {
            assertThat(s.getRegulatorId()).isEqualTo("REG-1");
            assertThat(s.getActorRole()).isEqualTo(Role.REGULATOR);
            assertThat(s.getLotSize()).isEqualTo(1);
        });
        assertThat(forwarded.get(1)).isInstanceOfSatisfying(AuctionBidRequested.class,
                b -> assertThat(b.getBidderId()).isEqualTo(buyer.participantId()));
        producer.clear();
        assertRefused(venues.schedule("REG-1", Role.REGULATOR, spec.copy().put("totalQuantity", "many")).join(),
                GatewayReason.MALFORMED_BODY);
    }
}
