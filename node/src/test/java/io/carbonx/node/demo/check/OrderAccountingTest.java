package io.carbonx.node.demo.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OrderAccountingTest {

    /** Mutable facts, consistent to begin with: o1 filled, o2 cancelled after a partial fill, o3 expired, o4 open
     * after a partial fill, o5 rejected by the registry. */
    private final Set<String> taken = new HashSet<>(Set.of("o1", "o2", "o3", "o4", "o5"));
    private final Set<String> submitted = new HashSet<>(taken);
    private final Map<String, Long> accepted = new HashMap<>(Map.of("o1", 10L, "o2", 10L, "o3", 10L, "o4", 10L));
    private final Set<String> rejected = new HashSet<>(Set.of("o5"));
    private final Map<String, Long> filled = new HashMap<>(Map.of("o1", 10L, "o2", 4L, "o4", 3L));
    private final Set<String> cancelled = new HashSet<>(Set.of("o2"));
    private final Set<String> expired = new HashSet<>(Set.of("o3"));
    private final Set<String> open = new HashSet<>(Set.of("o4"));

    private OrderAccounting.Outcome check() {
        return OrderAccounting.check(new OrderAccounting.Facts(taken, submitted, accepted, rejected, filled, cancelled,
                expired, open));
    }

    @Test
    void givenEveryOrderInExactlyOneFinalState_thenItPassesAndCountsThem() {
        OrderAccounting.Outcome o = check();

        assertThat(o.check().status()).as(o.check().render()).isEqualTo(CheckResult.Status.PASSED);
        assertThat(o.states()).containsEntry(OrderAccounting.State.FILLED, 1)
                .containsEntry(OrderAccounting.State.CANCELLED, 1).containsEntry(OrderAccounting.State.EXPIRED, 1)
                .containsEntry(OrderAccounting.State.OPEN, 1).containsEntry(OrderAccounting.State.REJECTED, 1);
    }

    @Test
    void givenAnOrderTheGatewayTookButTheLogLacks_thenItFails() {
        submitted.remove("o1");

        assertThat(check().check().problems()).anyMatch(p -> p.startsWith("o1: taken by the gateway but not in the log"));
    }

    @Test
    void givenASubmittedOrderTheRegistryNeverDecided_thenItFails() {
        taken.add("o6");
        submitted.add("o6");

        OrderAccounting.Outcome o = check();

        assertThat(o.check().status()).isEqualTo(CheckResult.Status.FAILED);
        assertThat(o.check().problems()).anyMatch(p -> p.startsWith("o6: submitted but never decided"));
    }

    @Test
    void givenAnOrderBothAcceptedAndRejected_thenItFails() {
        rejected.add("o1");

        assertThat(check().check().problems()).anyMatch(p -> p.startsWith("o1: both accepted and rejected"));
    }

    @Test
    void givenFillsTheRegistryDidNotApply_thenTheOrderIsOpenButFilled_andItFails() {
        // what a trade the registry refuses (e.g. a self-trade uncrossed in a call auction) leaves behind
        filled.put("o4", 10L);

        OrderAccounting.Outcome o = check();

        assertThat(o.check().status()).isEqualTo(CheckResult.Status.FAILED);
        assertThat(o.check().problems()).containsExactly("o4: open in the registry but filled");
    }

    @Test
    void givenAnOverfilledOrder_thenItFails() {
        filled.put("o1", 11L);

        assertThat(check().check().problems()).anyMatch(p -> p.startsWith("o1: filled 11 of 10 (overfilled)"));
    }

    @Test
    void givenAPartlyFilledOrderNeitherOpenNorFinished_thenItIsLost() {
        open.remove("o4");

        assertThat(check().check().problems()).anyMatch(p -> p.startsWith("o4: accepted, filled 3 of 10") && p
                .endsWith("(lost)"));
    }

    @Test
    void givenAnOrderBothCancelledAndExpired_thenItFails() {
        expired.add("o2");

        assertThat(check().check().problems()).anyMatch(p -> p.startsWith("o2: both cancelled and expired"));
    }

    @Test
    void givenAnOpenOrderThatWasNeverAccepted_thenItFails() {
        open.add("o9");

        assertThat(check().check().problems()).anyMatch(p -> p.startsWith("o9: open in the registry but never"));
    }

    @Test
    void givenAFullyFilledOrderThatWasAlsoCancelled_thenItFails() {
        cancelled.add("o1");

        assertThat(check().check().problems()).anyMatch(p -> p.startsWith("o1: filled in full and also cancelled"));
    }
}
