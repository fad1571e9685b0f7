package io.carbonx.chain.evidence.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.carbonx.events.DefaultKind;
import io.carbonx.events.DefaultRecorded;
import io.carbonx.events.EventEnvelope;
import io.carbonx.events.Side;
import io.carbonx.events.TradeExecuted;
import io.carbonx.events.TradeVenue;
import org.junit.jupiter.api.Test;

class EventKeysTest {

    private static final String BUYER = "p-0123456789abcdef0123";
    private static final String SELLER = "p-fedcba9876543210fedc";

    private static EventEnvelope envelope(String actor) {
        return EventEnvelope.newBuilder().setEventId("e-1").setType("X").setCauseId(null).setLogicalTime(5)
                .setActor(actor).build();
    }

    @Test
    void aTradeIsKeyedByItsTradeIdItsOrdersAndItsParties() {
        TradeExecuted t = TradeExecuted.newBuilder().setEnvelope(envelope("exchange")).setTradeId("T-1")
                .setInstrumentId("EUA-2026").setPriceMinor(1).setQuantity(1).setBuyOrderId("O-1").setSellOrderId("O-2")
                .setBuyerId(BUYER).setSellerId(SELLER).setAggressorSide(Side.SELL).setVenue(TradeVenue.CONTINUOUS)
                .setAuctionId(null).setBuyerCommissionBps(null).setSellerCommissionBps(null).build();

        assertThat(EventKeys.of(t)).containsExactly("order:O-1", "order:O-2", "participant:" + BUYER,
                "participant:" + SELLER, "trade:T-1");
    }

    @Test
    void participantsAreStringsOfTheRegistryIdFormAnywhere_includingTheEnvelope() {
        DefaultRecorded d = DefaultRecorded.newBuilder().setEnvelope(envelope(SELLER)).setDefaultId("D-1")
                .setDefaulterId(SELLER).setCounterpartyId("p-NOT-AN-ID").setTradeId("T-1").setAgreementId(null)
                .setAmountMinor(1).setKind(DefaultKind.DELIVERY).setReportedBy("p-0123456789abcdef01234")
                .setReportId(null).build();

        assertThat(EventKeys.of(d)).containsExactly("default:D-1", "participant:" + SELLER, "trade:T-1");
    }
}
