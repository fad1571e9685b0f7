package io.carbonx.node.metrics.core;

import static io.carbonx.node.metrics.core.SampleEvents.INSTRUMENT;
import static org.assertj.core.api.Assertions.assertThat;

import io.carbonx.events.DefaultKind;
import io.carbonx.events.Side;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MarketActivityTest {

    private final MarketActivity activity = new MarketActivity(1_000);

    private static Observation.Count one(String meter, Map<String, String> tags) {
        return new Observation.Count(meter, tags, 1);
    }

    @Test
    void submittedOrderIsCountedByInstrumentSideAndType() {
        assertThat(activity.observe(SampleEvents.submitted("o1", Side.BUY), 100)).containsExactly(
                one("carbonx.orders.submitted", Map.of("instrument", INSTRUMENT, "side", "BUY", "type", "LIMIT")));
    }

    @Test
    void registryDecisionMeasuresOrderToDecisionLatency_acceptedOrRejected() {
        activity.observe(SampleEvents.submitted("o1", Side.BUY), 100);
        activity.observe(SampleEvents.submitted("o2", Side.SELL), 105);

        assertThat(activity.observe(SampleEvents.accepted("o1", Side.BUY), 130)).containsExactly(
                one("carbonx.orders.accepted", Map.of("instrument", INSTRUMENT)),
                new Observation.Duration("carbonx.latency.order.accepted", Map.of(), 30));
        assertThat(activity.observe(SampleEvents.rejected("o2", "INSUFFICIENT_CASH"), 145)).containsExactly(
                one("carbonx.orders.rejected", Map.of("reason", "INSUFFICIENT_CASH")),
                new Observation.Duration("carbonx.latency.order.accepted", Map.of(), 40));
    }

    @Test
    void orderToTradeLatencyIsTheAggressorsFirstFillOnly() {
        activity.observe(SampleEvents.submitted("rest", Side.SELL), 0);
        activity.observe(SampleEvents.submitted("aggr", Side.BUY), 1_000);

        List<Observation> first = activity.observe(SampleEvents.trade("t1", "aggr", "rest", Side.BUY), 1_012);
        List<Observation> second = activity.observe(SampleEvents.trade("t2", "aggr", "rest", Side.BUY), 1_020);

        assertThat(first).contains(new Observation.Duration("carbonx.latency.order.trade", Map.of(), 12),
                one("carbonx.trades", Map.of("instrument", INSTRUMENT, "venue", "CONTINUOUS")),
                new Observation.Count("carbonx.trades.quantity", Map.of("instrument", INSTRUMENT), 7));
        assertThat(second).noneMatch(o -> o instanceof Observation.Duration);
    }

    @Test
    void auctionFillsAndUnknownOrdersMakeNoLatency() {
        activity.observe(SampleEvents.submitted("b", Side.BUY), 0);
        assertThat(activity.observe(SampleEvents.trade("t1", "b", "s", null), 50))
                .noneMatch(o -> o instanceof Observation.Duration);
        assertThat(activity.observe(SampleEvents.trade("t2", "never-seen", "s", Side.BUY), 50))
                .noneMatch(o -> o instanceof Observation.Duration);
    }

    @Test
    void cancelledOrderNoLongerWaitsForAFill() {
        activity.observe(SampleEvents.submitted("o1", Side.BUY), 0);
        activity.observe(SampleEvents.cancelled("o1"), 10);
        assertThat(activity.observe(SampleEvents.trade("t1", "o1", "s", Side.BUY), 20))
                .noneMatch(o -> o instanceof Observation.Duration);
    }

    @Test
    void settlementMeasuresTradeToSettled_andUnwindsAndDefaultsAreCounted() {
        activity.observe(SampleEvents.trade("t1", "b", "s", Side.BUY), 1_000);
        activity.observe(SampleEvents.trade("t2", "b", "s", Side.BUY), 1_000);

        assertThat(activity.observe(SampleEvents.settled("t1"), 3_500)).containsExactly(
                one("carbonx.settlements", Map.of("kind", "trade")),
                new Observation.Duration("carbonx.latency.trade.settled", Map.of(), 2_500));
        assertThat(activity.observe(SampleEvents.defaulted("t2", DefaultKind.PAYMENT), 3_600))
                .containsExactly(one("carbonx.defaults", Map.of("kind", "PAYMENT")));
        assertThat(activity.observe(SampleEvents.unwound("t2"), 3_600))
                .containsExactly(one("carbonx.settlement.failures", Map.of()));
    }

    @Test
    void correlationsAreBounded_andWhatIsForgottenIsCounted() {
        MarketActivity small = new MarketActivity(2);
        small.observe(SampleEvents.submitted("o1", Side.BUY), 0);
        small.observe(SampleEvents.submitted("o2", Side.BUY), 0);
        List<Observation> third = small.observe(SampleEvents.submitted("o3", Side.BUY), 0);

        // o1 is dropped from both order correlations (decision and first fill).
        assertThat(third).contains(new Observation.Count("carbonx.metrics.correlations.forgotten", Map.of(), 2));
        assertThat(small.observe(SampleEvents.accepted("o1", Side.BUY), 5))
                .noneMatch(o -> o instanceof Observation.Duration);
        assertThat(small.observe(SampleEvents.accepted("o3", Side.BUY), 5))
                .contains(new Observation.Duration("carbonx.latency.order.accepted", Map.of(), 5));
    }

    @Test
    void theSameStreamGivesTheSameObservations() {
        List<Object> stream = List.of(SampleEvents.submitted("o1", Side.BUY), SampleEvents.submitted("o2", Side.SELL),
                SampleEvents.accepted("o1", Side.BUY), SampleEvents.trade("t1", "o1", "o2", Side.BUY),
                SampleEvents.settled("t1"));
        assertThat(run(new MarketActivity(10), stream)).isEqualTo(run(new MarketActivity(10), stream));
    }

    @Test
    void eventsWithoutBusinessMeaningMakeNoObservation() {
        assertThat(activity.observe("not an event", 0)).isEmpty();
        assertThat(activity.observe(SampleEvents.envelope("e", "ClockTicked"), 0)).isEmpty();
    }

    private static List<Observation> run(MarketActivity a, List<Object> stream) {
        List<Observation> out = new ArrayList<>();
        long t = 0;
        for (Object e : stream) {
            out.addAll(a.observe(e, t += 7));
        }
        return out;
    }
}
