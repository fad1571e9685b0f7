package io.carbonx.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.carbonx.chain.BlockHeader;
import io.carbonx.events.OrderAccepted;
import io.carbonx.requests.OrderRequest;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

class EventTypesTest {

    private static final List<String> DESIGN_CATALOGUE = List.of(
            "ParticipantRegistered", "CertificateRevoked", "QuotaAllocated", "OffsetIssued", "FundsDeposited",
            "FundsWithdrawn", "OrderSubmitted", "OrderAccepted", "OrderRejected", "OrderCancelled", "OrderExpired",
            "TradeExecuted", "AuctionCleared", "AgreementRegistered", "DepositLocked", "DepositReleased",
            "TradeSettled", "DefaultRecorded", "DepositForfeited", "AccountFrozen", "AccountUnfrozen",
            "AccountCancelled", "EmissionsVerified", "AllowancesSurrendered", "ComplianceSettled", "PenaltyApplied",
            "CreditRatingChanged", "BlockCommitted", "ViewChanged");

    @Test
    void eventsHoldTheWholeDesignCatalogueFirstThenTheAdditions() {
        List<String> names = EventTypes.events().stream().map(EventTypes::typeName).toList();

        assertThat(names.subList(0, DESIGN_CATALOGUE.size())).isEqualTo(DESIGN_CATALOGUE);
        assertThat(names).contains("OrderCancelRequested", "OrderReplaceRequested", "DefaultReported")
                .doesNotHaveDuplicates();
    }

    @Test
    void allIsEventsThenCommandsThenRequestsThenChainRecordsWithoutDuplicates() {
        assertThat(EventTypes.all()).hasSize(EventTypes.events().size() + EventTypes.commands().size()
                + EventTypes.requests().size() + EventTypes.chainRecords().size()).doesNotHaveDuplicates();
        assertThat(EventTypes.commands()).allMatch(EventTypes::hasEnvelope).noneMatch(EventTypes::isEvent);
        assertThat(EventTypes.requests()).extracting(EventTypes::typeName).containsExactly(
                "OrderRequest", "CancelRequest", "ReplaceRequest", "AgreementTerms", "SurrenderRequest");
        assertThat(EventTypes.chainRecords()).containsExactly(BlockHeader.class);
    }

    @Test
    void everyEventIsFoundByItsEnvelopeTypeAndNothingElseIs() {
        for (Class<? extends SpecificRecord> type : EventTypes.events()) {
            assertThat(EventTypes.eventByType(EventTypes.typeName(type))).contains(type);
            assertThat(EventTypes.isEvent(type)).isTrue();
        }
        assertThat(EventTypes.eventByType("OrderRequest")).isEmpty();
        assertThat(EventTypes.eventByType("orderaccepted")).isEmpty();
        assertThat(EventTypes.isEvent(OrderRequest.class)).isFalse();
    }

    @Test
    void envelopeOfReturnsTheFirstFieldOfAnEventAndRefusesOtherRecords() {
        OrderAccepted order = RandomDatum.record(OrderAccepted.class, 1);

        assertThat(EventTypes.envelopeOf(order)).isSameAs(order.getEnvelope());
        assertThat(EventTypes.envelopeOf(order).getType()).isEqualTo("OrderAccepted");
        assertThatThrownBy(() -> EventTypes.envelopeOf(RandomDatum.record(OrderRequest.class, 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
