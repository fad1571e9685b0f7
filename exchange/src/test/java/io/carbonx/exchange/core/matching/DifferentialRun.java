package io.carbonx.exchange.core.matching;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Drives the production engine and an engine over {@link ReferenceOrderBook} with the same seeded command
 * stream and fails on the first difference: events of every command, resting orders and state hashes every
 * {@code hashEvery} steps and at the end. Optionally checks {@link InvariantChecker} after every step.
 * Every failure message starts with the configuration, seed and step, so a run can be replayed.
 */
final class DifferentialRun {

    private final StreamConfig config;
    private final long seed;
    private final MatchingEngine fast;
    private final MatchingEngine reference;
    private final RandomCommandStream stream;
    private final InvariantChecker checker = new InvariantChecker();
    private long tradeCount;
    private long auctionCount;
    private long rejectCount;
    private final Set<String> seen = new TreeSet<>();

    DifferentialRun(StreamConfig config, long seed, int targetLive) {
        this.config = config;
        this.seed = seed;
        this.fast = new MatchingEngine(config.rules());
        this.reference = new MatchingEngine(config.rules(), ReferenceOrderBook::new);
        this.stream = config.stream(seed, targetLive);
    }

    /** Runs until {@code orders} PlaceOrder commands have been processed. */
    DifferentialRun runOrders(long orders, int hashEvery, boolean checkInvariants) {
        long step = 0;
        while (stream.placed() < orders) {
            step++;
            String context = context(step);
            Command command = stream.next(fast.referencePrice());
            List<MatchEvent> expected = reference.process(command);
            List<MatchEvent> actual = fast.process(command);
            if (!expected.equals(actual)) {
                throw new AssertionError(context + ": events differ for " + command
                        + "\n reference: " + expected + "\n fast:      " + actual);
            }
            count(actual);
            stream.observe(actual);
            if (checkInvariants) {
                checker.onEvents(actual, context);
                checker.checkBook(fast, context);
            }
            if (step % hashEvery == 0) {
                compareBooks(context);
            }
        }
        compareBooks(context(step) + " (end)");
        return this;
    }

    private void count(List<MatchEvent> events) {
        for (MatchEvent e : events) {
            seen.add(kindOf(e));
            if (e instanceof TradeExecuted) {
                tradeCount++;
            } else if (e instanceof AuctionResult) {
                auctionCount++;
            } else if (e instanceof OrderRejected) {
                rejectCount++;
            }
        }
    }

    /** Event class plus the detail that names the rule it shows (reason, kind, priority kept). */
    static String kindOf(MatchEvent e) {
        String name = e.getClass().getSimpleName();
        if (e instanceof OrderRejected r) {
            return name + "." + r.reason();
        } else if (e instanceof OrderCancelled c) {
            return name + "." + c.reason();
        } else if (e instanceof OrderReplaced r) {
            return name + ".priorityKept=" + r.priorityKept();
        } else if (e instanceof AuctionResult a) {
            return name + "." + a.kind();
        } else if (e instanceof TradeExecuted t) {
            return name + (t.auction() ? ".auction" : ".continuous");
        }
        return name;
    }

    /** The kinds of events seen ({@link #kindOf}). */
    Set<String> seen() {
        return seen;
    }

    private void compareBooks(String context) {
        for (io.carbonx.events.Side side : io.carbonx.events.Side.values()) {
            if (!reference.restingOrders(side).equals(fast.restingOrders(side))) {
                throw new AssertionError(context + ": " + side + " books differ\n reference: "
                        + reference.restingOrders(side) + "\n fast:      " + fast.restingOrders(side));
            }
        }
        if (!Arrays.equals(reference.stateHash(), fast.stateHash())) {
            throw new AssertionError(context + ": state hashes differ "
                    + HexFormat.of().formatHex(reference.stateHash()) + " vs "
                    + HexFormat.of().formatHex(fast.stateHash()));
        }
    }

    private String context(long step) {
        return "config=" + config + " seed=" + seed + " step=" + step;
    }

    long placed() {
        return stream.placed();
    }

    long tradeCount() {
        return tradeCount;
    }

    long auctionCount() {
        return auctionCount;
    }

    long rejectCount() {
        return rejectCount;
    }

    MatchingEngine fast() {
        return fast;
    }
}
