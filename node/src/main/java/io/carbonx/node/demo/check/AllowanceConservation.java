package io.carbonx.node.demo.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Allowances and offsets are conserved, per instrument: every unit credited (free allocations, primary-auction
 * allocations, offset issuances, as the log records them) is held by some account, available or locked, or was
 * surrendered — across every account, including the escrow holding a cancelled account's units. Also: the units the
 * demo's free allocations and issuances were accepted for are exactly those the log records, surrenders likewise,
 * and no holding is negative.
 */
public final class AllowanceConservation {

    /** The check's name. */
    public static final String NAME = "allowance conservation";

    /**
     * The facts, each a map instrument → units.
     *
     * @param requested       units the demo's accepted allocations and issuances credit
     * @param createdFree     free allocations and issuances in the log
     * @param createdAuction  primary-auction allocations in the log
     * @param sentSurrenders  units the demo's accepted surrenders give up
     * @param surrendered     AllowancesSurrendered in the log
     * @param held            for every account, instrument → {available, locked}
     */
    public record Facts(Map<String, Long> requested, Map<String, Long> createdFree, Map<String, Long> createdAuction,
                        Map<String, Long> sentSurrenders, Map<String, Long> surrendered,
                        Map<String, Map<String, long[]>> held) {
        /** Copies. */
        public Facts {
            requested = Map.copyOf(requested);
            createdFree = Map.copyOf(createdFree);
            createdAuction = Map.copyOf(createdAuction);
            sentSurrenders = Map.copyOf(sentSurrenders);
            surrendered = Map.copyOf(surrendered);
            held = Map.copyOf(held);
        }
    }

    private AllowanceConservation() {
    }

    /** Checks {@code f}. */
    public static CheckResult check(Facts f) {
        List<String> problems = new ArrayList<>();
        TreeSet<String> instruments = new TreeSet<>(f.requested().keySet());
        instruments.addAll(f.createdFree().keySet());
        instruments.addAll(f.createdAuction().keySet());
        instruments.addAll(f.surrendered().keySet());
        Map<String, Long> accounted = new TreeMap<>();
        f.held().forEach((account, byInstrument) -> byInstrument.forEach((instrument, q) -> {
            if (q[0] < 0 || q[1] < 0) {
                problems.add(account + " holds a negative quantity of " + instrument);
            }
            accounted.merge(instrument, q[0] + q[1], Math::addExact);
            instruments.add(instrument);
        }));
        long totalCreated = 0;
        for (String i : instruments) {
            long requested = f.requested().getOrDefault(i, 0L);
            long free = f.createdFree().getOrDefault(i, 0L);
            if (requested != free) {
                problems.add(i + ": the demo's accepted allocations/issuances credit " + requested + " but the log"
                        + " records " + free);
            }
            long sent = f.sentSurrenders().getOrDefault(i, 0L);
            long surrendered = f.surrendered().getOrDefault(i, 0L);
            if (sent != surrendered) {
                problems.add(i + ": the demo's accepted surrenders give up " + sent + " but the log records "
                        + surrendered);
            }
            long created = Math.addExact(free, f.createdAuction().getOrDefault(i, 0L));
            long found = Math.addExact(accounted.getOrDefault(i, 0L), surrendered);
            if (created != found) {
                problems.add(i + ": created " + created + " but held + locked + surrendered = " + found
                        + " (difference " + (found - created) + ")");
            }
            totalCreated = Math.addExact(totalCreated, created);
        }
        return CheckResult.of(NAME, problems, String.format(java.util.Locale.ROOT, "%,d units created over %d"
                        + " instruments = held + locked + surrendered, per instrument, over %d accounts", totalCreated,
                instruments.size(), f.held().size()), problems.size() + " quantity imbalance(s)");
    }
}
