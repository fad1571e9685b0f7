package io.carbonx.loadgen;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * Exactly-once bookkeeping of one run. Every order the generator sent (index {@code 0..orders-1}) must end with
 * exactly one outcome read from the log: OrderAccepted or OrderRejected (registry, {@code carbonx.orders}) or
 * RequestRejected (gateway, {@code carbonx.rejections}). Every TradeExecuted of the run's orders must be read once
 * and settled by exactly one TradeSettled. {@link #verify()} lists every breach.
 *
 * <p>Outcomes and trades are recorded by one thread (the observer); HTTP answers by the senders (atomic array).
 * {@link #verify()} is called once both have stopped.
 */
public final class Accounting {

    /** The HTTP status of an order whose request failed without an answer (connection, time-out). */
    public static final int NO_ANSWER = -1;
    private static final int MAX_LISTED = 20;

    /**
     * The verdict.
     *
     * @param problems   every breach (the first {@value #MAX_LISTED} of each kind listed, then a count)
     * @param sent       orders sent
     * @param accepted   OrderAccepted read
     * @param rejected   OrderRejected read (the registry refused)
     * @param refused    RequestRejected read (the gateway refused)
     * @param trades     distinct trades read
     * @param settled    distinct trades settled
     */
    public record Verdict(List<String> problems, int sent, int accepted, int rejected, int refused, int trades,
                          int settled) {
        /** Copies. */
        public Verdict {
            problems = List.copyOf(problems);
        }

        /** True when every order and trade is accounted for exactly once. */
        public boolean exactlyOnce() {
            return problems.isEmpty();
        }
    }

    private final int orders;
    private final int[] accepted;
    private final int[] rejected;
    private final int[] refused;
    private final AtomicIntegerArray http;
    private final Map<String, int[]> trades = new LinkedHashMap<>();
    private int settledTrades;
    private volatile int resolved;

    /** @param orders the number of orders of the run */
    public Accounting(int orders) {
        this.orders = orders;
        accepted = new int[orders];
        rejected = new int[orders];
        refused = new int[orders];
        http = new AtomicIntegerArray(orders);
    }

    /** The number of orders. */
    public int orders() {
        return orders;
    }

    /** OrderAccepted read for order {@code i}. */
    public void accepted(int i) {
        count(accepted, i);
    }

    /** OrderRejected read for order {@code i}. */
    public void rejected(int i) {
        count(rejected, i);
    }

    /** RequestRejected (the gateway's refusal) read for order {@code i}. */
    public void refused(int i) {
        count(refused, i);
    }

    private void count(int[] kind, int i) {
        if (accepted[i] + rejected[i] + refused[i] == 0) {
            resolved++;
        }
        kind[i]++;
    }

    /** The gateway's HTTP answer to order {@code i} ({@link #NO_ANSWER} without one). */
    public void answered(int i, int status) {
        http.set(i, status);
    }

    /** TradeExecuted read. */
    public void tradeExecuted(String tradeId) {
        trades.computeIfAbsent(tradeId, t -> new int[2])[0]++;
    }

    /** TradeSettled read; ignored (false) for a trade not of this run. */
    public boolean tradeSettled(String tradeId) {
        int[] t = trades.get(tradeId);
        if (t == null) {
            return false;
        }
        if (t[1]++ == 0) {
            settledTrades++;
        }
        return true;
    }

    /** True when {@code tradeId} is a trade of this run. */
    public boolean knowsTrade(String tradeId) {
        return trades.containsKey(tradeId);
    }

    /** Orders with at least one outcome. */
    public int resolved() {
        return resolved;
    }

    /** True when every order has an outcome and every trade read is settled. */
    public boolean complete() {
        return resolved == orders && settledTrades == trades.size();
    }

    /** Checks everything; call after the run has drained. */
    public Verdict verify() {
        List<String> problems = new ArrayList<>();
        Listed missing = new Listed("order(s) not accounted for (no OrderAccepted, OrderRejected or RequestRejected)");
        Listed duplicated = new Listed("order(s) with more than one outcome");
        Listed mismatched = new Listed("order(s) whose HTTP answer contradicts the log");
        int acc = 0;
        int rej = 0;
        int ref = 0;
        for (int i = 0; i < orders; i++) {
            int n = accepted[i] + rejected[i] + refused[i];
            acc += accepted[i];
            rej += rejected[i];
            ref += refused[i];
            if (n == 0) {
                missing.add("#" + i + " (HTTP " + http.get(i) + ")");
            } else if (n > 1) {
                duplicated.add("#" + i + " (accepted " + accepted[i] + ", rejected " + rejected[i] + ", refused "
                        + refused[i] + ")");
            }
            int status = http.get(i);
            if (n == 1 && status > 0 && (status == 202 || status == 200) == (refused[i] == 1)) {
                mismatched.add("#" + i + " (HTTP " + status + ", refused by the gateway " + refused[i] + ")");
            }
        }
        Listed dupTrades = new Listed("trade(s) read more than once");
        Listed unsettled = new Listed("trade(s) not settled");
        Listed dupSettled = new Listed("trade(s) settled more than once");
        trades.forEach((id, t) -> {
            if (t[0] > 1) {
                dupTrades.add(id + " x" + t[0]);
            }
            if (t[1] == 0) {
                unsettled.add(id);
            } else if (t[1] > 1) {
                dupSettled.add(id + " x" + t[1]);
            }
        });
        for (Listed l : List.of(missing, duplicated, mismatched, dupTrades, unsettled, dupSettled)) {
            l.into(problems);
        }
        return new Verdict(problems, orders, acc, rej, ref, trades.size(), settledTrades);
    }

    /** A kind of breach: its count and its first examples. */
    private static final class Listed {
        private final String what;
        private final List<String> examples = new ArrayList<>();
        private int count;

        Listed(String what) {
            this.what = what;
        }

        void add(String example) {
            count++;
            if (examples.size() < MAX_LISTED) {
                examples.add(example);
            }
        }

        void into(List<String> problems) {
            if (count > 0) {
                problems.add(count + " " + what + ": " + String.join(", ", examples) + (count > examples.size()
                        ? ", ..." : ""));
            }
        }
    }
}
