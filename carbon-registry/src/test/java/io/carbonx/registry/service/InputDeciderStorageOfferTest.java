package io.carbonx.registry.service;

import static io.carbonx.registry.service.RegistryInputs.T0;
import static io.carbonx.registry.service.RegistryInputs.envelope;
import static io.carbonx.registry.service.RegistryInputs.of;
import static io.carbonx.registry.service.RegistryInputs.submitted;
import static org.assertj.core.api.Assertions.assertThat;

import io.carbonx.events.InstrumentKind;
import io.carbonx.events.OrderAccepted;
import io.carbonx.events.OrderExpired;
import io.carbonx.events.OrderRejected;
import io.carbonx.events.Side;
import io.carbonx.events.TradeExecuted;
import io.carbonx.events.TradeVenue;
import io.carbonx.registry.core.Outcome;
import io.carbonx.registry.core.audit.LedgerAudit;
import io.carbonx.registry.core.command.LedgerCommand;
import io.carbonx.registry.core.event.LedgerEvent;
import io.carbonx.registry.core.state.Account;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Storage offers (pool bidding, {@code 003} §4.2 scenario 2): stored energy is the only energy held here — the
 * regulator's allocation of an ENERGY instrument records what a storage operator's device holds. A storage offer
 * locks that energy like an allowance sell; a sale from storage moves it into the trade and settlement delivers it
 * out of the registry (to the grid) against the consumer's cash; the unsold rest comes back with the period's
 * OrderExpired. Bad storage offers are rejected with a reason and change nothing.
 */
class InputDeciderStorageOfferTest {

    private static final String ENERGY = "ENERGY-PEAK";
    private static final String EUA = "EUA-2026";

    @TempDir
    Path caDir;

    private RegistryInputs registry() {
        RegistryInputs r = new RegistryInputs(caDir);
        r.instrument(ENERGY, InstrumentKind.ENERGY, 2026);
        r.instrument(EUA, InstrumentKind.ALLOWANCE, 2026);
        r.enterprise("STO", 10_000);
        r.enterprise("CON", 10_000);
        r.ok(new LedgerCommand.AllocateAllowances("stored-1", RegistryInputs.REG, "STO", ENERGY, 100, T0));
        return r;
    }

    private static Account account(RegistryInputs r, String id) {
        return r.state.ledger().state().account(id).orElseThrow();
    }

    @Test
    void aStorageOffer_locksTheStoredEnergy_aSaleDeliversIt_andTheUnsoldRestComesBack() {
        RegistryInputs r = registry();
        Decision offer = r.decide(submitted("STO-1", "STO", ENERGY, Side.SELL, 60, T0 + 1).setPriceMinor(44L)
                .setStorage(true).build());
        r.decide(submitted("CON-1", "CON", ENERGY, Side.BUY, 10, T0 + 2).setPriceMinor(48L).build());
        OrderAccepted a = of(offer, OrderAccepted.class).get(0);
        assertThat(a.getQuantityLocked()).isEqualTo(60);
        assertThat(account(r, "STO").holding(ENERGY)).isEqualTo(40);

        Decision sale = r.decide(TradeExecuted.newBuilder().setEnvelope(envelope("trade/P0-1", "TradeExecuted",
                        "exchange", T0 + 30_000)).setTradeId("P0-1").setInstrumentId(ENERGY).setPriceMinor(44)
                .setQuantity(10).setBuyOrderId("CON-1").setSellOrderId("STO-1").setBuyerId("CON").setSellerId("STO")
                .setAggressorSide(null).setVenue(TradeVenue.POOL).setAuctionId(ENERGY + "-P0")
                .setBuyerCommissionBps(0).setSellerCommissionBps(0).build());
        r.decide(OrderExpired.newBuilder().setEnvelope(envelope("exp/STO-1", "OrderExpired", "exchange", T0 + 30_000))
                .setOrderId("STO-1").setParticipantId("STO").setInstrumentId(ENERGY).setRemainingQuantity(50)
                .setReasonCode("PERIOD_CLEARED").setReleasedDepositMinor(0).setReleasedQuantity(0).build());
        assertThat(sale.accepted()).as(sale.detail).isTrue();
        assertThat(account(r, "STO").holding(ENERGY)).as("the unsold 50 back in storage").isEqualTo(90);
        r.assertReplayMatches(); // the journal of the decisions rebuilds the same state

        Outcome closed = r.state.ledger().handle(new LedgerCommand.CloseSettlementWindow(T0 + 60_000));

        assertThat(closed.events()).filteredOn(LedgerEvent.TradeSettled.class::isInstance).hasSize(1);
        assertThat(account(r, "STO").holding(ENERGY)).isEqualTo(90);
        assertThat(account(r, "CON").holdings()).as("consumed through the grid, never held").isEmpty();
        assertThat(account(r, "CON").cashMinor()).isEqualTo(10_000 - 440);
        assertThat(account(r, "STO").cashMinor()).as("paid 440 less the default commission")
                .isBetween(10_000L + 400, 10_000L + 440);
        assertThat(r.state.ledger().state().totals().delivered()).containsEntry(ENERGY, 10L);
        assertThat(r.state.ledger().state().locks()).isEmpty();
        assertThat(LedgerAudit.violations(r.state.ledger().state())).isEmpty();
    }

    @Test
    void aStorageOfferBeyondTheStoredEnergy_isRejectedInsufficientHoldings_andChangesNothing() {
        RegistryInputs r = registry();
        String before = r.state.ledger().stateHash();

        Decision d = r.decide(submitted("STO-1", "STO", ENERGY, Side.SELL, 101, T0 + 1).setPriceMinor(44L)
                .setStorage(true).build());

        assertThat(d.reason).isEqualTo("INSUFFICIENT_HOLDINGS");
        assertThat(of(d, OrderRejected.class)).singleElement()
                .satisfies(x -> assertThat(x.getReasonCode()).isEqualTo("INSUFFICIENT_HOLDINGS"));
        assertThat(r.state.ledger().state().openOrder("STO-1")).isEmpty();
        assertThat(account(r, "STO").holding(ENERGY)).isEqualTo(100);
        assertThat(r.state.ledger().stateHash()).as("nothing changed").isEqualTo(before);
        assertThat(r.state.ledger().state().locks()).isEmpty();
    }

    @Test
    void aStorageOfferOffEnergy_orBuying_isRejected_andNothingIsLocked() {
        RegistryInputs r = registry();
        r.ok(new LedgerCommand.AllocateAllowances("a-1", RegistryInputs.REG, "STO", EUA, 10, T0));

        assertThat(r.decide(submitted("STO-1", "STO", EUA, Side.SELL, 10, T0 + 1).setPriceMinor(100L)
                .setStorage(true).build()).reason).isEqualTo("INSTRUMENT_KIND_MISMATCH");
        assertThat(r.decide(submitted("STO-2", "STO", ENERGY, Side.BUY, 10, T0 + 2).setPriceMinor(44L)
                .setStorage(true).build()).reason).isEqualTo("SIDE_MISMATCH");
        assertThat(r.state.ledger().state().locks()).isEmpty();
        assertThat(account(r, "STO").holding(ENERGY)).isEqualTo(100);
        assertThat(account(r, "STO").holding(EUA)).isEqualTo(10);
    }

    @Test
    void anOrdinaryEnergySupply_stillLocksNoQuantity_andNeedsNoStoredEnergy() {
        RegistryInputs r = registry();

        Decision d = r.decide(submitted("CON-S", "CON", ENERGY, Side.SELL, 500, T0 + 1).setPriceMinor(1L).build());

        assertThat(of(d, OrderAccepted.class).get(0).getQuantityLocked()).isZero();
        assertThat(LedgerAudit.violations(r.state.ledger().state())).isEmpty();
    }

    @Test
    void replacingAStorageOffer_keepsItAStorageOffer_lockingTheNewQuantityOfStoredEnergy() {
        RegistryInputs r = registry();
        r.decide(submitted("STO-1", "STO", ENERGY, Side.SELL, 60, T0 + 1).setPriceMinor(44L).setStorage(true).build());

        Decision d = r.decide(io.carbonx.events.OrderReplaceRequested.newBuilder()
                .setEnvelope(envelope("rep/STO-2", "OrderReplaceRequested", "STO", T0 + 2)).setOrderId("STO-1")
                .setNewOrderId("STO-2").setParticipantId("STO").setClientOrderId("c-STO-2").setInstrumentId(ENERGY)
                .setSequence(2).setPriceMinor(45L).setQuantity(80).setExpiresAtMs(null)
                .setRequestBytes(java.nio.ByteBuffer.allocate(0)).setSignature(new io.carbonx.events.RequestSignature(
                        "STO", "1", "SHA256withECDSA", java.nio.ByteBuffer.allocate(0))).build());

        assertThat(d.accepted()).as(d.detail).isTrue();
        assertThat(of(d, OrderAccepted.class)).singleElement()
                .satisfies(a -> assertThat(a.getQuantityLocked()).isEqualTo(80));
        assertThat(account(r, "STO").holding(ENERGY)).isEqualTo(20);
        assertThat(LedgerAudit.violations(r.state.ledger().state())).isEmpty();
    }
}
