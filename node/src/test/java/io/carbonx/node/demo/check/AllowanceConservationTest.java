package io.carbonx.node.demo.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AllowanceConservationTest {

    /** 1,000 allocated + 200 won at auction: 900 held, 100 locked, 200 surrendered. */
    private static AllowanceConservation.Facts facts(Map<String, Map<String, long[]>> held, Map<String, Long> sent,
                                                     Map<String, Long> logged) {
        return new AllowanceConservation.Facts(Map.of("EUA", 1_000L), Map.of("EUA", 1_000L), Map.of("EUA", 200L),
                sent, logged, held);
    }

    private static final Map<String, Map<String, long[]>> HELD = Map.of(
            "p-a", Map.of("EUA", new long[] {600, 100}),
            "p-b", Map.of("EUA", new long[] {300, 0}));

    @Test
    void givenEveryUnitHeldLockedOrSurrendered_thenItPasses() {
        CheckResult r = AllowanceConservation.check(facts(HELD, Map.of("EUA", 200L), Map.of("EUA", 200L)));

        assertThat(r.status()).as(r.render()).isEqualTo(CheckResult.Status.PASSED);
        assertThat(r.detail()).contains("1,200 units created");
    }

    @Test
    void givenAUnitThatAppearedFromNowhere_thenItFails() {
        Map<String, Map<String, long[]>> more = Map.of("p-a", Map.of("EUA", new long[] {600, 100}),
                "p-b", Map.of("EUA", new long[] {301, 0}));

        CheckResult r = AllowanceConservation.check(facts(more, Map.of("EUA", 200L), Map.of("EUA", 200L)));

        assertThat(r.status()).isEqualTo(CheckResult.Status.FAILED);
        assertThat(r.problems()).anyMatch(p -> p.contains("EUA: created 1200 but held + locked + surrendered = 1201"));
    }

    @Test
    void givenASurrenderTheDemoNeverMade_thenItFails() {
        CheckResult r = AllowanceConservation.check(facts(HELD, Map.of("EUA", 150L), Map.of("EUA", 200L)));

        assertThat(r.status()).isEqualTo(CheckResult.Status.FAILED);
        assertThat(r.problems()).anyMatch(p -> p.contains("accepted surrenders give up 150 but the log records 200"));
    }

    @Test
    void givenAnAllocationTheLogDoesNotRecord_thenItFails() {
        AllowanceConservation.Facts f = new AllowanceConservation.Facts(Map.of("EUA", 1_000L, "CCER", 10L),
                Map.of("EUA", 1_000L), Map.of("EUA", 200L), Map.of("EUA", 200L), Map.of("EUA", 200L), HELD);

        CheckResult r = AllowanceConservation.check(f);

        assertThat(r.status()).isEqualTo(CheckResult.Status.FAILED);
        assertThat(r.problems()).anyMatch(p -> p.contains("CCER: the demo's accepted allocations/issuances credit 10"
                + " but the log records 0"));
    }

    @Test
    void givenANegativeHolding_thenItFails() {
        Map<String, Map<String, long[]>> negative = Map.of("p-a", Map.of("EUA", new long[] {701, -1}),
                "p-b", Map.of("EUA", new long[] {300, 0}));

        CheckResult r = AllowanceConservation.check(facts(negative, Map.of("EUA", 200L), Map.of("EUA", 200L)));

        assertThat(r.status()).isEqualTo(CheckResult.Status.FAILED);
        assertThat(r.problems()).anyMatch(p -> p.contains("p-a holds a negative quantity of EUA"));
    }
}
