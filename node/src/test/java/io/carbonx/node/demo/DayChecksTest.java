package io.carbonx.node.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.carbonx.events.EventEnvelope;
import io.carbonx.events.OrderCancelled;
import io.carbonx.events.TradeExecuted;
import io.carbonx.events.TradeVenue;
import io.carbonx.node.demo.check.CheckResult;
import io.carbonx.node.demo.facts.DayFacts;
import java.util.List;
import org.junit.jupiter.api.Test;

class DayChecksTest {

    private static EventEnvelope env(String id, String type, String actor, long time) {
        return EventEnvelope.newBuilder().setEventId(id).setType(type).setCauseId(null).setLogicalTime(time)
                .setActor(actor).build();
    }

    @Test
    void aFailedOrderCheck_carriesTheLogsTrailOfEveryOrderItNames_inLogicalTimeOrder() {
        DayFacts f = new DayFacts();
        f.add("carbonx.orders", OrderCancelled.newBuilder().setEnvelope(env("c1", "OrderCancelled", "registry", 200))
                .setOrderId("p-a-8").setParticipantId("p-a").setInstrumentId("EUA").setRemainingQuantity(10)
                .setReasonCode("ACCOUNT_FROZEN").setReleasedDepositMinor(0).setReleasedQuantity(0).build());
        f.add("carbonx.trades", TradeExecuted.newBuilder().setEnvelope(env("t1", "TradeExecuted", "exchange", 100))
                .setTradeId("T1").setInstrumentId("EUA").setPriceMinor(8_000).setQuantity(10).setBuyOrderId("p-a-8")
                .setSellOrderId("p-b-3").setBuyerId("p-a").setSellerId("p-b").setAggressorSide(null)
                .setVenue(TradeVenue.CALL_AUCTION).setAuctionId("A2").setBuyerCommissionBps(null)
                .setSellerCommissionBps(null).build());
        CheckResult failed = CheckResult.failed("no lost event", "1 order(s) not accounted for",
                List.of("p-a-8: filled in full and also cancelled"));

        CheckResult r = DayChecks.withTrails(failed, f);

        assertThat(r.problems()).containsExactly("p-a-8: filled in full and also cancelled",
                "trail of p-a-8: [TradeExecuted by exchange at 100 (event t1), OrderCancelled by registry at 200"
                        + " (event c1)]");
        assertThat(DayChecks.withTrails(CheckResult.passed("x", "ok"), f).problems()).isEmpty();
    }
}
