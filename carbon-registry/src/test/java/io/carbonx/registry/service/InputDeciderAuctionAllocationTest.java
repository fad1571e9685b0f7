package io.carbonx.registry.service;

import static io.carbonx.registry.service.RegistryInputs.T0;
import static io.carbonx.registry.service.RegistryInputs.envelope;
import static io.carbonx.registry.service.RegistryInputs.of;
import static org.assertj.core.api.Assertions.assertThat;

import io.carbonx.events.AllocationSource;
import io.carbonx.events.AuctionAllocated;
import io.carbonx.events.InstrumentKind;
import io.carbonx.events.QuotaAllocated;
import io.carbonx.events.RequestRejected;
import io.carbonx.registry.core.state.Account;
import io.carbonx.schemas.Topics;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The results of the regulator's primary allocation auction become allocations in the registry: every
 * AuctionAllocated the exchange publishes credits the winner with the allowances and takes quantity x clearing
 * price from its cash for the regulator's escrow account, once; an allocation that cannot be made credits nothing
 * and is published as a rejection to the winner.
 */
class InputDeciderAuctionAllocationTest {

    private static final String EUA = "EUA-2026";

    @TempDir
    Path caDir;

    private RegistryInputs registry() {
        RegistryInputs r = new RegistryInputs(caDir);
        r.instrument(EUA, InstrumentKind.ALLOWANCE, 2026);
        r.instrument("CCER", InstrumentKind.OFFSET, 2025);
        r.enterprise("WINNER", 100_000);
        return r;
    }

    private static AuctionAllocated allocated(String bidder, String instrument, int vintage, long quantity,
                                              long price, long amount) {
        String auction = "AUC-1";
        return AuctionAllocated.newBuilder().setEnvelope(envelope("auc/" + bidder + "/" + instrument,
                        "AuctionAllocated", "exchange", T0 + 10)).setAllocationId(auction + "/" + bidder).setAuctionId(auction)
                .setInstrumentId(instrument).setVintage(vintage).setParticipantId(bidder).setQuantity(quantity)
                .setPriceMinor(price).setAmountMinor(amount).build();
    }

    private static Account account(RegistryInputs r, String id) {
        return r.state.ledger().state().account(id).orElseThrow();
    }

    @Test
    void anAuctionWin_creditsTheAllowances_andPaysTheClearingPriceToTheRegulatorsEscrow() {
        RegistryInputs r = registry();
        String escrow = r.state.ledger().config().escrowAccountId();

        Decision d = r.decide(allocated("WINNER", EUA, 2026, 10, 7_000, 70_000));

        QuotaAllocated q = of(d, QuotaAllocated.class).get(0);
        assertThat(q.getSource()).isEqualTo(AllocationSource.PRIMARY_AUCTION);
        assertThat(q.getReferenceId()).isEqualTo("AUC-1");
        assertThat(q.getQuantity()).isEqualTo(10);
        assertThat(q.getPaidMinor()).isEqualTo(70_000);
        assertThat(PublicProjection.of(d, r.state.ledger().state())).extracting(Decision.Published::catalogueTopic).contains(Topics.QUOTAS);
        assertThat(account(r, "WINNER").holding(EUA)).isEqualTo(10);
        assertThat(account(r, "WINNER").cashMinor()).isEqualTo(30_000);
        assertThat(account(r, escrow).cashMinor()).isEqualTo(70_000);
        r.assertReplayMatches();
    }

    @Test
    void theSameAllocationTwice_isCreditedOnce() {
        RegistryInputs r = registry();
        r.decide(allocated("WINNER", EUA, 2026, 10, 7_000, 70_000));

        Decision again = r.decide(allocated("WINNER", EUA, 2026, 10, 7_000, 70_000));

        assertThat(again.reason).isEqualTo("DUPLICATE_REFERENCE");
        assertThat(account(r, "WINNER").holding(EUA)).isEqualTo(10);
    }

    @Test
    void aWinnerThatCannotPay_getsNothing_andARejectionRecord() {
        RegistryInputs r = registry();
        String before = r.state.ledger().stateHash();

        Decision d = r.decide(allocated("WINNER", EUA, 2026, 20, 7_000, 140_000));

        assertThat(d.reason).isEqualTo("INSUFFICIENT_AVAILABLE_CASH");
        assertThat(r.state.ledger().stateHash()).isEqualTo(before);
        assertThat(r.published(d, RequestRejected.class)).singleElement().satisfies(j -> {
            assertThat(j.getRequestType()).isEqualTo("AUCTION_ALLOCATION");
            assertThat(j.getParticipantId()).isEqualTo("WINNER");
            assertThat(j.getClientRequestId()).isEqualTo("AUC-1/WINNER");
            assertThat(j.getReasonCode()).isEqualTo("INSUFFICIENT_AVAILABLE_CASH");
        });
    }

    @Test
    void badAllocations_areRefusedWithTheirReason_andChangeNothing() {
        RegistryInputs r = registry();
        String before = r.state.ledger().stateHash();

        assertThat(r.decide(allocated("WINNER", EUA, 2026, 10, 7_000, 69_999)).reason).isEqualTo("AMOUNT_MISMATCH");
        assertThat(r.decide(allocated("WINNER", EUA, 2027, 10, 7_000, 70_000)).reason)
                .isEqualTo("INSTRUMENT_MISMATCH");
        assertThat(r.decide(allocated("WINNER", "CCER", 2025, 10, 7_000, 70_000)).reason)
                .isEqualTo("INSTRUMENT_KIND_MISMATCH");
        assertThat(r.decide(allocated("NOBODY", EUA, 2026, 10, 7_000, 70_000)).reason).isEqualTo("UNKNOWN_ACCOUNT");
        assertThat(r.decide(allocated("WINNER", EUA, 2026, 0, 7_000, 0)).reason)
                .isEqualTo("NON_POSITIVE_QUANTITY");
        assertThat(r.state.ledger().stateHash()).isEqualTo(before);
    }
}
