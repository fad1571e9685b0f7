package io.carbonx.node.demo.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * No lost event: every order the gateway took is in the log of signed requests and was decided by the registry
 * (accepted or rejected, not both); every accepted order is in exactly one final state — filled (fills sum to its
 * quantity), cancelled, expired (a partial fill before either is allowed), or still open in the registry (fills
 * below its quantity) — never overfilled, never both open and finished.
 */
public final class OrderAccounting {

    /** The check's name. */
    public static final String NAME = "no lost event";

    /** Final states counted in the result. */
    public enum State {
        FILLED, CANCELLED, EXPIRED, OPEN, REJECTED
    }

    /**
     * The facts.
     *
     * @param taken     order ids the gateway answered 202 for (the demo's requests)
     * @param submitted order ids of OrderSubmitted in the log
     * @param accepted  OrderAccepted: order id → quantity
     * @param rejected  order ids of the registry's OrderRejected
     * @param filled    order id → quantity filled by TradeExecuted
     * @param cancelled order ids of OrderCancelled
     * @param expired   order ids of OrderExpired
     * @param open      order ids the registry's accounts hold open
     */
    public record Facts(Set<String> taken, Set<String> submitted, Map<String, Long> accepted, Set<String> rejected,
                        Map<String, Long> filled, Set<String> cancelled, Set<String> expired, Set<String> open) {
        /** Copies. */
        public Facts {
            taken = Set.copyOf(taken);
            submitted = Set.copyOf(submitted);
            accepted = Map.copyOf(accepted);
            rejected = Set.copyOf(rejected);
            filled = Map.copyOf(filled);
            cancelled = Set.copyOf(cancelled);
            expired = Set.copyOf(expired);
            open = Set.copyOf(open);
        }
    }

    /**
     * The outcome: the check and the count of orders per final state.
     *
     * @param check  the check
     * @param states orders per state
     */
    public record Outcome(CheckResult check, Map<State, Integer> states) {
    }

    private OrderAccounting() {
    }

    /** Checks {@code f}. */
    public static Outcome check(Facts f) {
        List<String> problems = new ArrayList<>();
        Map<State, Integer> states = new TreeMap<>();
        for (String id : new TreeSet<>(f.taken())) {
            if (!f.submitted().contains(id)) {
                problems.add(id + ": taken by the gateway but not in the log of signed requests");
            }
        }
        TreeSet<String> decided = new TreeSet<>(f.submitted());
        decided.addAll(f.accepted().keySet());
        for (String id : decided) {
            boolean accepted = f.accepted().containsKey(id);
            boolean rejected = f.rejected().contains(id);
            if (accepted && rejected) {
                problems.add(id + ": both accepted and rejected by the registry");
            } else if (rejected) {
                states.merge(State.REJECTED, 1, Integer::sum);
            } else if (!accepted) {
                problems.add(id + ": submitted but never decided by the registry (lost)");
            } else {
                State s = finalState(id, f, problems);
                if (s != null) {
                    states.merge(s, 1, Integer::sum);
                }
            }
        }
        for (String id : new TreeSet<>(f.open())) {
            if (!f.accepted().containsKey(id)) {
                problems.add(id + ": open in the registry but never accepted");
            }
        }
        int accounted = states.values().stream().mapToInt(Integer::intValue).sum();
        return new Outcome(CheckResult.of(NAME, problems, accounted + " orders decided and accounted for: " + states
                + "; " + f.taken().size() + " taken by the gateway, all in the log", problems.size()
                + " order(s) not accounted for"), states);
    }

    private static State finalState(String id, Facts f, List<String> problems) {
        long quantity = f.accepted().get(id);
        long filled = f.filled().getOrDefault(id, 0L);
        boolean open = f.open().contains(id);
        boolean cancelled = f.cancelled().contains(id);
        boolean expired = f.expired().contains(id);
        if (filled > quantity) {
            problems.add(id + ": filled " + filled + " of " + quantity + " (overfilled)");
            return null;
        }
        if (cancelled && expired) {
            problems.add(id + ": both cancelled and expired");
            return null;
        }
        boolean finished = filled == quantity || cancelled || expired;
        if (open && finished) {
            problems.add(id + ": open in the registry but " + (filled == quantity ? "filled" : cancelled
                    ? "cancelled" : "expired"));
            return null;
        }
        if (filled == quantity && (cancelled || expired)) {
            problems.add(id + ": filled in full and also " + (cancelled ? "cancelled" : "expired"));
            return null;
        }
        if (open) {
            return State.OPEN;
        }
        if (!finished) {
            problems.add(id + ": accepted, filled " + filled + " of " + quantity + ", not cancelled, not expired and"
                    + " not open (lost)");
            return null;
        }
        return filled == quantity ? State.FILLED : cancelled ? State.CANCELLED : State.EXPIRED;
    }
}
