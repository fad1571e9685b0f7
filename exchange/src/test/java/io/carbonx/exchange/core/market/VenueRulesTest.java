package io.carbonx.exchange.core.market;

import static io.carbonx.exchange.core.market.Inputs.agreement;
import static io.carbonx.exchange.core.market.Inputs.bid;
import static io.carbonx.exchange.core.market.Inputs.buy;
import static io.carbonx.exchange.core.market.Inputs.close;
import static io.carbonx.exchange.core.market.Inputs.schedule;
import static io.carbonx.exchange.core.market.Inputs.sell;
import static io.carbonx.exchange.core.market.MarketFixtures.CHAIN;
import static io.carbonx.exchange.core.market.MarketFixtures.DAY;
import static io.carbonx.exchange.core.market.MarketFixtures.ENERGY;
import static io.carbonx.exchange.core.market.MarketFixtures.EUA;
import static io.carbonx.exchange.core.market.MarketFixtures.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.carbonx.events.AgreementRegistered;
import io.carbonx.events.AuctionAllocated;
import io.carbonx.events.AuctionCleared;
import io.carbonx.events.AuctionFill;
import io.carbonx.events.AuctionKind;
import io.carbonx.events.RequestRejected;
import io.carbonx.events.Role;
import io.carbonx.requests.AgreementTerms;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Agreement trades and primary auctions on an instrument's partition. */
class VenueRulesTest {

    private static final long SETTLE = DAY + 5 * 86_400_000L;

    private final Markets markets = MarketFixtures.markets();

    private static AgreementTerms.Builder terms(String id, long price, long quantity) {
        return AgreementTerms.newBuilder().setChainId(CHAIN).setAgreementId(id).setInstrumentId(EUA)
                .setBuyerId("ENT-B").setSellerId("ENT-S").setPriceMinor(price).setQuantity(quantity)
                .setSettlementDateMs(SETTLE).setExpiresAtMs(DAY + 3_600_000);
    }

    private static List<RequestRejected> rejections(List<MarketOutput> out) {
        return of(out, RequestRejected.class);
    }

    @Test
    void agreementTermsSignedByBothParties_areRegistered_withTheSignedBytesAndBothSignatures() {
        var submitted = agreement(terms("AG-1", 8_500, 1_000).build(), "ENT-B", DAY + 10);

        List<MarketOutput> out = markets.apply(submitted);

        assertThat(out).singleElement().satisfies(o -> assertThat(o.destination()).isEqualTo(Destination.TRADES));
        assertThat(of(out, AgreementRegistered.class)).singleElement().satisfies(a -> {
            assertThat(a.getAgreementId()).isEqualTo("AG-1");
            assertThat(a.getPriceMinor()).isEqualTo(8_500);
            assertThat(a.getQuantity()).isEqualTo(1_000);
            assertThat(a.getSettlementDateMs()).isEqualTo(SETTLE);
            assertThat(a.getTermsBytes()).isEqualTo(submitted.getTermsBytes());
            assertThat(a.getBuyerSignature()).isEqualTo(submitted.getBuyerSignature());
            assertThat(a.getSellerSignature()).isEqualTo(submitted.getSellerSignature());
        });
    }

    @Test
    void theAgreementBandFollowsTheLastTradePrice() {
        markets.apply(sell("S1", "ENT-1", EUA, 7_200, 10, DAY + 1));
        markets.apply(buy("B1", "ENT-2", EUA, 7_200, 10, DAY + 2));

        assertThat(rejections(markets.apply(agreement(terms("AG-1", 10_000, 1_000).build(), "ENT-S", DAY + 3))))
                .extracting(RequestRejected::getReasonCode, RequestRejected::getParticipantId)
                .containsExactly(tuple("PRICE_OUTSIDE_BAND", "ENT-S"));
        assertThat(of(markets.apply(agreement(terms("AG-2", 9_360, 1_000).build(), "ENT-S", DAY + 4)),
                AgreementRegistered.class)).hasSize(1);
    }

    @Test
    void refusedAgreements_getTheDesksReason_andPublishOnlyTheRejection() {
        markets.apply(agreement(terms("AG-1", 8_000, 1_000).build(), "ENT-B", DAY + 1));

        assertThat(rejections(markets.apply(agreement(terms("AG-1", 8_000, 1_000).build(), "ENT-B", DAY + 2))))
                .extracting(RequestRejected::getReasonCode).containsExactly("DUPLICATE_AGREEMENT_ID");
        assertThat(rejections(markets.apply(agreement(terms("AG-2", 8_000, 50).build(), "ENT-B", DAY + 3))))
                .extracting(RequestRejected::getReasonCode).containsExactly("BELOW_MINIMUM_SIZE");
        assertThat(rejections(markets.apply(agreement(terms("AG-3", 8_000, 1_000).setChainId("other").build(),
                "ENT-B", DAY + 4)))).extracting(RequestRejected::getReasonCode).containsExactly("WRONG_CHAIN");
        List<MarketOutput> expired = markets.apply(agreement(terms("AG-4", 8_000, 1_000).build(), "ENT-B",
                DAY + 3_600_000));
        assertThat(rejections(expired)).extracting(RequestRejected::getReasonCode).containsExactly("TERMS_EXPIRED");
        assertThat(expired).allSatisfy(o -> assertThat(o.destination()).isEqualTo(Destination.REJECTIONS));
        var garbled = io.carbonx.events.AgreementSubmitted.newBuilder(agreement(terms("AG-5", 8_000, 1_000).build(),
                "ENT-B", DAY + 3_600_001)).setTermsBytes(ByteBuffer.wrap(new byte[] {1, 2, 3})).build();
        assertThat(rejections(markets.apply(garbled))).extracting(RequestRejected::getReasonCode)
                .containsExactly("MALFORMED");
    }

    @Test
    void aPrimaryAuctionClearsAtOneUniformPrice_andPublishesAuctionClearedThenOneAllocationPerWinner() {
        long open = DAY + 1_000;
        long closeAt = DAY + 60_000;
        assertThat(markets.apply(schedule("PA-1", EUA, "REG", Role.REGULATOR, 1_000, 6_000, open, closeAt, DAY)))
                .isEmpty();
        assertThat(markets.apply(bid("PA-1", EUA, "ENT-1", "b1", "SUBMIT", 7_000, 600, open + 1))).isEmpty();
        assertThat(markets.apply(bid("PA-1", EUA, "ENT-2", "b1", "SUBMIT", 6_500, 600, open + 2))).isEmpty();
        assertThat(markets.apply(bid("PA-1", EUA, "ENT-3", "b1", "SUBMIT", 5_000, 600, open + 3))).isEmpty();
        assertThat(rejections(markets.apply(close("PA-1", EUA, "REG", closeAt - 1))))
                .extracting(RequestRejected::getReasonCode).containsExactly("TOO_EARLY_TO_CLOSE");
        assertThat(rejections(markets.apply(close("PA-1", EUA, "ENT-1", closeAt))))
                .extracting(RequestRejected::getReasonCode).containsExactly("NOT_AUCTION_REGULATOR");

        List<MarketOutput> out = markets.apply(close("PA-1", EUA, "REG", closeAt));

        AuctionCleared cleared = of(out, AuctionCleared.class).get(0);
        assertThat(out.get(0).event()).isSameAs(cleared);
        assertThat(cleared.getKind()).isEqualTo(AuctionKind.PRIMARY);
        assertThat(cleared.getClearingPriceMinor()).isEqualTo(6_500);
        assertThat(cleared.getReferencePriceMinor()).isEqualTo(6_000);
        assertThat(cleared.getExecutedQuantity()).isEqualTo(1_000);
        assertThat(cleared.getFills()).extracting(AuctionFill::getParticipantId, AuctionFill::getFilledQuantity)
                .containsExactly(tuple("ENT-1", 600L), tuple("ENT-2", 400L), tuple("ENT-3", 0L));
        assertThat(of(out, AuctionAllocated.class)).extracting(AuctionAllocated::getParticipantId,
                AuctionAllocated::getQuantity, AuctionAllocated::getAmountMinor, AuctionAllocated::getAllocationId)
                .containsExactly(tuple("ENT-1", 600L, 600L * 6_500, "PA-1/ENT-1"),
                        tuple("ENT-2", 400L, 400L * 6_500, "PA-1/ENT-2"));
        assertThat(rejections(markets.apply(close("PA-1", EUA, "REG", closeAt + 1))))
                .extracting(RequestRejected::getReasonCode).containsExactly("ALREADY_CLOSED");
    }

    @Test
    void refusedAuctionRequests_getTheHousesReason() {
        assertThat(rejections(markets.apply(schedule("PA-1", EUA, "ENT-9", Role.ENTERPRISE, 1_000, 6_000,
                DAY + 1_000, DAY + 2_000, DAY)))).extracting(RequestRejected::getReasonCode)
                .containsExactly("NOT_REGULATOR");
        markets.apply(schedule("PA-2", EUA, "REG", Role.REGULATOR, 1_000, 6_000, DAY + 1_000, DAY + 2_000, DAY));
        assertThat(rejections(markets.apply(bid("PA-2", EUA, "ENT-1", "b1", "SUBMIT", 7_000, 10, DAY + 500))))
                .extracting(RequestRejected::getReasonCode).containsExactly("AUCTION_NOT_OPEN");
        assertThat(rejections(markets.apply(bid("PA-2", EUA, "REG", "b1", "SUBMIT", 7_000, 10, DAY + 1_000))))
                .extracting(RequestRejected::getReasonCode).containsExactly("REGULATOR_CANNOT_BID");
        assertThat(rejections(markets.apply(bid("PA-2", EUA, "ENT-1", "b1", "BUY", 7_000, 10, DAY + 1_001))))
                .extracting(RequestRejected::getReasonCode).containsExactly("MALFORMED");
        assertThat(rejections(markets.apply(bid("PA-2", EUA, "ENT-1", "b1", "SUBMIT", 7_000, 10, DAY + 2_000))))
                .extracting(RequestRejected::getReasonCode).containsExactly("AUCTION_CLOSED");
    }

    @Test
    void energyInstrumentsTakeNeitherAgreementsNorPrimaryAuctions() {
        assertThat(rejections(markets.apply(schedule("PA-1", ENERGY, "REG", Role.REGULATOR, 1_000, 6_000,
                DAY + 1_000, DAY + 2_000, DAY)))).extracting(RequestRejected::getReasonCode)
                .containsExactly("UNSUPPORTED_FOR_INSTRUMENT");
    }
}
