package io.carbonx.registry.service;

import static io.carbonx.registry.service.RegistryInputs.T0;
import static io.carbonx.registry.service.RegistryInputs.envelope;
import static io.carbonx.registry.service.RegistryInputs.of;
import static io.carbonx.registry.service.RegistryInputs.submitted;
import static org.assertj.core.api.Assertions.assertThat;

import io.carbonx.events.InstrumentKind;
import io.carbonx.events.OrderAccepted;
import io.carbonx.events.OrderExpired;
import io.carbonx.events.Side;
import io.carbonx.events.TradeExecuted;
import io.carbonx.events.TradeSettled;
import io.carbonx.events.TradeVenue;
import io.carbonx.registry.core.Outcome;
import io.carbonx.registry.core.audit.LedgerAudit;
import io.carbonx.registry.core.command.LedgerCommand;
import io.carbonx.registry.core.event.LedgerEvent;
import io.carbonx.registry.core.model.AccountStatus;
import io.carbonx.registry.core.state.Account;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Energy pool bidding settles in the registry in cash: an energy order is collateralised like any order but a
 * supply locks no quantity (energy is delivered through the grid, never held here); the pool's trades have the
 * platform — the exchange account — on one side, with no order; every fill settles buyer → seller with the
 * venue's per-party commission, and nobody ever holds energy.
 */
class InputDeciderEnergyPoolTest {

    private static final String ENERGY = "ENERGY-PEAK";
    private static final String EUA = "EUA-2026";

    @TempDir
    Path caDir;

    private String platform;

    private RegistryInputs registry() {
        RegistryInputs r = new RegistryInputs(caDir);
        platform = r.state.ledger().config().exchangeAccountId();
        r.instrument(ENERGY, InstrumentKind.ENERGY, 2026);
        r.instrument(EUA, InstrumentKind.ALLOWANCE, 2026);
        r.enterprise("SUP", 10_000);
        r.enterprise("CON", 10_000);
        return r;
    }

    private static TradeExecuted pool(String id, String buyOrder, String buyer, String sellOrder, String seller,
                                      long price, long quantity, int buyerBps, int sellerBps) {
        return TradeExecuted.newBuilder().setEnvelope(envelope("trade/" + id, "TradeExecuted", "exchange", T0 + 30_000))
                .setTradeId(id).setInstrumentId(ENERGY).setPriceMinor(price).setQuantity(quantity)
                .setBuyOrderId(buyOrder).setSellOrderId(sellOrder).setBuyerId(buyer).setSellerId(seller)
                .setAggressorSide(null).setVenue(TradeVenue.POOL).setAuctionId(ENERGY + "-P0")
                .setBuyerCommissionBps(buyerBps).setSellerCommissionBps(sellerBps).build();
    }

    private static Account account(RegistryInputs r, String id) {
        return r.state.ledger().state().account(id).orElseThrow();
    }

    @Test
    void anEnergySupply_locksItsDepositButNoQuantity_noHoldingsNeeded() {
        RegistryInputs r = registry();

        Decision d = r.decide(submitted("SUP-1", "SUP", ENERGY, Side.SELL, 100, T0 + 1).setPriceMinor(30L).build());

        OrderAccepted a = of(d, OrderAccepted.class).get(0);
        assertThat(a.getQuantityLocked()).isZero();
        assertThat(a.getDepositLockedMinor()).isEqualTo(600);
        assertThat(LedgerAudit.violations(r.state.ledger().state())).isEmpty();
        r.assertReplayMatches();
    }

    @Test
    void peerAndPoolTrades_settleInCash_withTheVenuesCommissions_andNobodyHoldsEnergy() {
        RegistryInputs r = registry();
        r.ok(new LedgerCommand.DepositFunds("float", platform, 5_000, T0));
        r.decide(submitted("SUP-1", "SUP", ENERGY, Side.SELL, 100, T0 + 1).setPriceMinor(30L).build());
        r.decide(submitted("CON-1", "CON", ENERGY, Side.BUY, 80, T0 + 2).setPriceMinor(45L).build());

        // the period: CON buys 60 from SUP at its ask (20 bps each), the pool takes SUP's other 40 at 43,
        // CON buys 10 back from the pool at 43, 10 of CON's demand stays unfilled
        Decision peer = r.decide(pool("P0-1", "CON-1", "CON", "SUP-1", "SUP", 30, 60, 20, 20));
        Decision intake = r.decide(pool("P0-2", null, platform, "SUP-1", "SUP", 43, 40, 0, 0));
        Decision sale = r.decide(pool("P0-3", "CON-1", "CON", null, platform, 43, 10, 0, 0));
        r.decide(OrderExpired.newBuilder().setEnvelope(envelope("exp/CON-1", "OrderExpired", "exchange", T0 + 30_000))
                .setOrderId("CON-1").setParticipantId("CON").setInstrumentId(ENERGY).setRemainingQuantity(10)
                .setReasonCode("PERIOD_CLEARED").setReleasedDepositMinor(0).setReleasedQuantity(0).build());
        assertThat(peer.accepted() && intake.accepted() && sale.accepted())
                .as(peer.detail + intake.detail + sale.detail).isTrue();
        assertThat(r.state.ledger().state().openOrder("SUP-1")).isEmpty();
        assertThat(r.state.ledger().state().openOrder("CON-1")).isEmpty();

        Outcome closed = r.state.ledger().handle(new LedgerCommand.CloseSettlementWindow(T0 + 60_000));

        assertThat(closed.events()).filteredOn(LedgerEvent.TradeSettled.class::isInstance).hasSize(3);
        // CON: 1800 + 3 commission to SUP's supply, 430 to the pool; SUP: 1800 - 3 + 1720 from the pool
        assertThat(account(r, "CON").cashMinor()).isEqualTo(10_000 - 1_803 - 430);
        assertThat(account(r, "SUP").cashMinor()).isEqualTo(10_000 + 1_797 + 1_720);
        assertThat(account(r, platform).cashMinor()).isEqualTo(5_000 - 1_720 + 430 + 6);
        assertThat(account(r, "CON").holdings()).isEmpty();
        assertThat(account(r, "SUP").holdings()).isEmpty();
        assertThat(r.state.ledger().state().locks()).isEmpty();
        assertThat(LedgerAudit.violations(r.state.ledger().state())).isEmpty();
    }

    @Test
    void thePublishedSettlementShowsBothCommissions() {
        RegistryInputs r = registry();
        r.decide(submitted("SUP-1", "SUP", ENERGY, Side.SELL, 100, T0 + 1).setPriceMinor(30L).build());
        r.decide(submitted("CON-1", "CON", ENERGY, Side.BUY, 100, T0 + 2).setPriceMinor(45L).build());
        r.decide(pool("P0-1", "CON-1", "CON", "SUP-1", "SUP", 30, 100, 20, 50));

        Decision tick = new CommandDecider(r.state, new io.carbonx.registry.journal.JournalCodec(), "chain")
                .decide(io.carbonx.events.ClockTicked.newBuilder().setEnvelope(envelope("tick", "ClockTicked",
                        "registry", T0 + 60_000)).setScope("settlement").setTickSequence(1).build());

        TradeSettled s = of(tick, TradeSettled.class).get(0);
        assertThat(s.getNotionalMinor()).isEqualTo(3_000);
        assertThat(s.getBuyerCommissionMinor()).isEqualTo(6);
        assertThat(s.getSellerCommissionMinor()).isEqualTo(15);
        assertThat(s.getBuyerDepositAppliedMinor() + s.getBuyerCashPaidMinor()).isEqualTo(3_006);
    }

    @Test
    void aPoolThatCannotPay_defaultsWithoutBeingFrozen_andTheSupplierKeepsItsDeposit() {
        RegistryInputs r = registry();
        r.decide(submitted("SUP-1", "SUP", ENERGY, Side.SELL, 40, T0 + 1).setPriceMinor(30L).build());
        r.decide(pool("P0-1", null, platform, "SUP-1", "SUP", 43, 40, 0, 0));

        Outcome closed = r.state.ledger().handle(new LedgerCommand.CloseSettlementWindow(T0 + 60_000));

        assertThat(closed.events()).filteredOn(LedgerEvent.DefaultRecorded.class::isInstance).singleElement()
                .satisfies(e -> assertThat(((LedgerEvent.DefaultRecorded) e).defaulterId()).isEqualTo(platform));
        assertThat(account(r, platform).status()).isEqualTo(AccountStatus.ACTIVE);
        assertThat(account(r, "SUP").cashMinor()).isEqualTo(10_000);
        assertThat(LedgerAudit.violations(r.state.ledger().state())).isEmpty();
    }

    @Test
    void thePoolBuysUnsoldSupplyAtThePoolPrice_evenBelowTheSuppliersAsk() {
        RegistryInputs r = registry();
        r.decide(submitted("SUP-1", "SUP", ENERGY, Side.SELL, 40, T0 + 1).setPriceMinor(70L).build());
        r.decide(submitted("CON-1", "CON", ENERGY, Side.BUY, 40, T0 + 2).setPriceMinor(45L).build());

        Decision intake = r.decide(pool("P0-1", null, platform, "SUP-1", "SUP", 43, 40, 0, 0));
        Decision tooCheap = r.decide(pool("P0-2", "CON-1", "CON", "SUP-1", "SUP", 43, 1, 0, 0));

        assertThat(intake.accepted()).as(intake.detail).isTrue();
        assertThat(tooCheap.reason).isEqualTo("ORDER_NOT_OPEN");
        assertThat(r.decide(submitted("SUP-2", "SUP", ENERGY, Side.SELL, 40, T0 + 3).setPriceMinor(70L).build())
                .accepted()).isTrue();
        assertThat(r.decide(pool("P0-3", "CON-1", "CON", "SUP-2", "SUP", 43, 1, 0, 0)).reason)
                .as("a peer trade below the supplier's ask").isEqualTo("PRICE_OUTSIDE_LIMIT");
        r.assertReplayMatches();
    }

    @Test
    void onlyEnergyTradesMayHaveThePoolAsAParty() {
        RegistryInputs r = registry();
        r.ok(new LedgerCommand.AllocateAllowances("a-1", RegistryInputs.REG, "SUP", EUA, 10, T0));
        assertThat(r.decide(submitted("SUP-2", "SUP", EUA, Side.SELL, 10, T0 + 1).setPriceMinor(100L).build())
                .accepted()).isTrue();
        String before = r.state.ledger().stateHash();

        Decision d = r.decide(TradeExecuted.newBuilder(pool("X-1", null, platform, "SUP-2", "SUP", 100, 10, 0, 0))
                .setInstrumentId(EUA).build());

        assertThat(d.reason).isEqualTo("INSTRUMENT_KIND_MISMATCH");
        assertThat(r.decide(pool("X-2", null, "SOMEONE", "SUP-2", "SUP", 100, 10, 0, 0)).reason)
                .isEqualTo("MISSING_ID");
        assertThat(r.state.ledger().stateHash()).isEqualTo(before);
    }

    @Test
    void aCommissionRateBeyondTheWhole_isRefused() {
        RegistryInputs r = registry();
        r.decide(submitted("SUP-1", "SUP", ENERGY, Side.SELL, 100, T0 + 1).setPriceMinor(30L).build());
        r.decide(submitted("CON-1", "CON", ENERGY, Side.BUY, 100, T0 + 2).setPriceMinor(45L).build());

        assertThat(r.decide(pool("P0-1", "CON-1", "CON", "SUP-1", "SUP", 30, 10, 10_001, 0)).reason)
                .isEqualTo("INVALID_COMMISSION_RATE");
        assertThat(r.decide(pool("P0-1", "CON-1", "CON", "SUP-1", "SUP", 30, 10, 0, -1)).reason)
                .isEqualTo("INVALID_COMMISSION_RATE");
    }
}
