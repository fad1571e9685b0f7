package io.carbonx.registry.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.carbonx.registry.core.event.LedgerEvent;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Guards the property test against vacuity: over a few fixed seeds the random streams reach every event type
 * (settlements, both kinds of default, freezes for every policy reason, penalties, cancellations ...).
 */
class RandomStreamCoverageTest {
    @Test
    void randomStreamsReachEveryEventType() {
        Set<String> seen = new TreeSet<>();
        for (long seed = 1; seed <= 12; seed++) {
            LedgerInvariantsPropertyTest.Run run = new LedgerInvariantsPropertyTest.Run(seed);
            for (int step = 0; step < 400; step++) {
                run.step(step);
            }
            run.drainAndCheckEveryLockReleasedOrConsumed();
            run.events.forEach(e -> seen.add(e.getClass().getSimpleName()));
            run.events.stream().filter(e -> e instanceof LedgerEvent.AccountFrozen)
                    .forEach(e -> seen.add("Frozen:" + ((LedgerEvent.AccountFrozen) e).reason()));
            run.events.stream().filter(e -> e instanceof LedgerEvent.DefaultRecorded)
                    .forEach(e -> seen.add("Default:" + ((LedgerEvent.DefaultRecorded) e).kind()));
        }
        Set<String> all = Arrays.stream(LedgerEvent.class.getPermittedSubclasses()).map(Class::getSimpleName)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(seen).containsAll(all);
        assertThat(seen).contains("Frozen:DEPOSIT_SHORTFALL", "Frozen:PENALTY_DEBT", "Frozen:REGULATOR_ORDER",
                "Default:PAYMENT", "Default:DELIVERY", "Default:EXTERNAL_BANK", "Default:ARBITRATION_RULING");
    }
}
