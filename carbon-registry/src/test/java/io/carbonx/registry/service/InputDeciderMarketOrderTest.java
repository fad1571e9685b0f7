package io.carbonx.registry.service;

import static io.carbonx.registry.service.RegistryInputs.T0;
import static io.carbonx.registry.service.RegistryInputs.envelope;
import static io.carbonx.registry.service.RegistryInputs.of;
import static io.carbonx.registry.service.RegistryInputs.submitted;
import static org.assertj.core.api.Assertions.assertThat;

import io.carbonx.events.DepositLocked;
import io.carbonx.events.DepositReleased;
import io.carbonx.events.InstrumentKind;
import io.carbonx.events.OrderAccepted;
import io.carbonx.events.OrderCancelled;
import io.carbonx.events.OrderRejected;
import io.carbonx.events.OrderType;
import io.carbonx.events.Side;
import io.carbonx.events.TimeInForce;
import io.carbonx.events.TradeExecuted;
import io.carbonx.events.TradeVenue;
import io.carbonx.registry.core.state.OpenOrder;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A MARKET order reaches the registry with the protection price the gateway stamped from the instrument's band:
 * the registry collateralises it at that price (deposit and open notional) and publishes it with the protection,
 * so the book bounds its fills there and every fill passes the registry's price check.
 */
class InputDeciderMarketOrderTest {

    private static final String EUA = "EUA-2026";

    @TempDir
    Path caDir;

    private RegistryInputs registry() {
        RegistryInputs r = new RegistryInputs(caDir);
        r.instrument(EUA, InstrumentKind.ALLOWANCE, 2026);
        r.enterprise("BUYER", 1_000_000);
        r.enterprise("SELLER", 1_000_000);
        r.ok(new io.carbonx.registry.core.command.LedgerCommand.AllocateAllowances("alloc-1", RegistryInputs.REG,
                "SELLER", EUA, 100, T0));
        return r;
    }

    @Test
    void aMarketBuy_isAcceptedAtItsProtectionPrice_withTheDepositSizedFromIt() {
        RegistryInputs r = registry();

        Decision d = r.decide(submitted("BUYER-1", "BUYER", EUA, Side.BUY, 10, T0 + 1).setOrderType(OrderType.MARKET)
                .setTimeInForce(TimeInForce.IOC).setProtectionPriceMinor(9_600L).build());

        // UNRATED deposit share 2000 bps of 9600 x 10
        OrderAccepted accepted = of(d, OrderAccepted.class).get(0);
        assertThat(accepted.getOrderType()).isEqualTo(OrderType.MARKET);
        assertThat(accepted.getPriceMinor()).isNull();
        assertThat(accepted.getProtectionPriceMinor()).isEqualTo(9_600L);
        assertThat(accepted.getDepositLockedMinor()).isEqualTo(19_200L);
        assertThat(r.published(d, DepositLocked.class)).singleElement()
                .satisfies(l -> assertThat(l.getAmountMinor()).isEqualTo(19_200L));
        assertThat(r.state.ledger().state().openOrder("BUYER-1")).map(OpenOrder::priceMinor).hasValue(9_600L);
        r.assertReplayMatches();
    }

    @Test
    void aMarketOrderWithoutProtection_isRefusedNonPositivePrice_andLocksNothing() {
        RegistryInputs r = registry();
        String before = r.state.ledger().stateHash();

        Decision d = r.decide(submitted("BUYER-1", "BUYER", EUA, Side.BUY, 10, T0 + 1).setOrderType(OrderType.MARKET)
                .build());

        assertThat(of(d, OrderRejected.class)).extracting(OrderRejected::getReasonCode)
                .containsExactly("NON_POSITIVE_PRICE");
        assertThat(r.state.ledger().stateHash()).isEqualTo(before);
    }

    @Test
    void fillsWithinTheProtectionSettle_aFillBeyondItIsRefused() {
        RegistryInputs r = registry();
        r.decide(submitted("SELLER-1", "SELLER", EUA, Side.SELL, 20, T0 + 1).setPriceMinor(8_000L).build());
        r.decide(submitted("BUYER-1", "BUYER", EUA, Side.BUY, 20, T0 + 2).setOrderType(OrderType.MARKET)
                .setTimeInForce(TimeInForce.IOC).setProtectionPriceMinor(9_600L).build());

        Decision beyond = r.decide(trade("T-beyond", 9_700, 5, T0 + 3));
        Decision within = r.decide(trade("T-1", 8_000, 10, T0 + 3));

        assertThat(beyond.reason).isEqualTo("PRICE_OUTSIDE_LIMIT");
        assertThat(within.accepted()).as(within.detail).isTrue();
        assertThat(r.state.ledger().state().openOrder("BUYER-1")).map(OpenOrder::remaining).hasValue(10L);
        r.assertReplayMatches();
    }

    @Test
    void theBooksCancelOfTheRest_readBeforeTheFillItFollowed_releasesOnlyTheRest_andTheFillStillSettles() {
        RegistryInputs r = registry();
        r.decide(submitted("SELLER-1", "SELLER", EUA, Side.SELL, 10, T0 + 1).setPriceMinor(8_000L).build());
        r.decide(submitted("BUYER-1", "BUYER", EUA, Side.BUY, 30, T0 + 2).setOrderType(OrderType.MARKET)
                .setTimeInForce(TimeInForce.IOC).setProtectionPriceMinor(9_600L).build());

        // the book filled 10 and cancelled the other 20; the registry reads the orders topic first
        Decision cancel = r.decide(OrderCancelled.newBuilder().setEnvelope(envelope("book/cancel", "OrderCancelled",
                        "exchange", T0 + 3)).setOrderId("BUYER-1").setParticipantId("BUYER").setInstrumentId(EUA)
                .setRemainingQuantity(20).setReasonCode("MARKET_REMAINDER").setReleasedDepositMinor(0)
                .setReleasedQuantity(0).build());

        assertThat(cancel.accepted()).as(cancel.detail).isTrue();
        assertThat(r.state.ledger().state().openOrder("BUYER-1")).map(OpenOrder::remaining).hasValue(10L);
        assertThat(r.published(cancel, DepositReleased.class)).singleElement().satisfies(x -> {
            assertThat(x.getReleasedAmountMinor()).as("20/30 of 57 600").isEqualTo(38_400L);
            assertThat(x.getRemainingAmountMinor()).isEqualTo(19_200L);
        });
        Decision fill = r.decide(trade("T-1", 8_000, 10, T0 + 3));
        assertThat(fill.accepted()).as(fill.detail).isTrue();
        assertThat(r.state.ledger().state().openOrder("BUYER-1")).isEmpty();
        assertThat(r.state.ledger().state().openOrder("SELLER-1")).isEmpty();
        assertThat(io.carbonx.registry.core.audit.LedgerAudit.violations(r.state.ledger().state())).isEmpty();
        r.assertReplayMatches();
    }

    @Test
    void theBooksCancelAfterTheFill_closesTheOrder_exactlyAsBefore() {
        RegistryInputs r = registry();
        r.decide(submitted("SELLER-1", "SELLER", EUA, Side.SELL, 10, T0 + 1).setPriceMinor(8_000L).build());
        r.decide(submitted("BUYER-1", "BUYER", EUA, Side.BUY, 30, T0 + 2).setOrderType(OrderType.MARKET)
                .setTimeInForce(TimeInForce.IOC).setProtectionPriceMinor(9_600L).build());
        r.decide(trade("T-1", 8_000, 10, T0 + 3));

        Decision cancel = r.decide(OrderCancelled.newBuilder().setEnvelope(envelope("book/cancel", "OrderCancelled",
                        "exchange", T0 + 3)).setOrderId("BUYER-1").setParticipantId("BUYER").setInstrumentId(EUA)
                .setRemainingQuantity(20).setReasonCode("MARKET_REMAINDER").setReleasedDepositMinor(0)
                .setReleasedQuantity(0).build());

        assertThat(r.state.ledger().state().openOrder("BUYER-1")).isEmpty();
        assertThat(r.published(cancel, DepositReleased.class)).singleElement().satisfies(x -> {
            assertThat(x.getReleasedAmountMinor()).isEqualTo(38_400L);
            assertThat(x.getRemainingAmountMinor()).isZero();
        });
        r.assertReplayMatches();
    }

    private static TradeExecuted trade(String id, long price, long quantity, long time) {
        return TradeExecuted.newBuilder().setEnvelope(envelope("trade/" + id, "TradeExecuted", "exchange", time))
                .setTradeId(id).setInstrumentId(EUA).setPriceMinor(price).setQuantity(quantity)
                .setBuyOrderId("BUYER-1").setSellOrderId("SELLER-1").setBuyerId("BUYER").setSellerId("SELLER")
                .setAggressorSide(Side.BUY).setVenue(TradeVenue.CONTINUOUS).setAuctionId(null)
                .setBuyerCommissionBps(null).setSellerCommissionBps(null).build();
    }
}
