package io.carbonx.chain.core.pbft.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The faults of one simulation run, drawn from its seed. Network faults (drop, duplicate, delay and
 * hence reorder, partitions) and honest crashes happen only before {@link #healAtMs}; byzantine
 * validators stay byzantine to the end.
 */
record FaultPlan(double dropP, double dupP, int maxDelayMs, List<Partition> partitions, List<Crash> crashes,
                 Map<Integer, Behaviour> byzantine, boolean outsider, long healAtMs, long stopEventsAtMs,
                 long deadlineMs, int eventGapMs, Outage outage) {

    /** How a crashed validator comes back. */
    enum CrashMode {
        /** Process frozen, memory intact (a long GC pause, a suspended VM). */
        PAUSE,
        /** Restarted from its durable vote log and block store; volatile state lost. */
        LOSE_VOLATILE,
        /** Restarted from its vote log only: its block store was lost too, blocks come from peers. */
        LOSE_VOLATILE_AND_BLOCKS
    }

    /** Messages between {@code side} and the rest are dropped during {@code [fromMs, toMs)}. */
    record Partition(long fromMs, long toMs, Set<Integer> side) {
    }

    /** Validator {@code node} is down during {@code [atMs, untilMs)}; {@code midStep}: dies mid action list. */
    record Crash(int node, long atMs, long untilMs, CrashMode mode, boolean midStep) {
    }

    /** f+1 validators down at once: the chain must stop (checked at {@code checkAtMs}) and resume after. */
    record Outage(Set<Integer> nodes, long atMs, long checkAtMs, long untilMs, CrashMode mode) {
    }

    static FaultPlan draw(SimSpec spec, Random rnd) {
        int n = spec.n();
        int f = (n - 1) / 3;
        long heal = 1_200;
        double drop = spec.family() == Family.F_PLUS_ONE_DOWN ? 0.02 : rnd.nextDouble() * 0.25;
        double dup = rnd.nextDouble() * 0.1;
        int maxDelay = 2 + rnd.nextInt(30);
        List<Partition> partitions = new ArrayList<>();
        List<Crash> crashes = new ArrayList<>();
        Map<Integer, Behaviour> byzantine = new TreeMap<>();
        Outage outage = null;
        if (spec.family() != Family.F_PLUS_ONE_DOWN) {
            for (int i = rnd.nextInt(3); i > 0; i--) {
                long from = rnd.nextInt((int) heal - 100);
                Set<Integer> side = new TreeSet<>();
                for (int v = 0; v < n; v++) {
                    if (rnd.nextBoolean()) {
                        side.add(v);
                    }
                }
                partitions.add(new Partition(from, Math.min(heal, from + 50 + rnd.nextInt(600)), side));
            }
        }
        Set<Integer> byzantineIds = new TreeSet<>();
        if (spec.family() == Family.BYZANTINE) {
            int count = 1 + rnd.nextInt(f);
            while (byzantineIds.size() < count) {
                byzantineIds.add(rnd.nextInt(n));
            }
            Behaviour[] kinds = Behaviour.values();
            Behaviour first = kinds[(int) Math.floorMod(spec.seed(), (long) kinds.length)];
            for (int id : byzantineIds) {
                byzantine.put(id, byzantine.isEmpty() ? first : kinds[rnd.nextInt(kinds.length)]);
            }
        }
        if (spec.family() == Family.CRASH || spec.family() == Family.BYZANTINE) {
            int count = spec.family() == Family.CRASH ? 1 + rnd.nextInt(n) : rnd.nextInt(2);
            for (int i = 0; i < count; i++) {
                int node = rnd.nextInt(n);
                if (byzantineIds.contains(node)) {
                    continue;
                }
                long at = rnd.nextInt((int) heal - 100);
                long until = Math.min(heal, at + 20 + rnd.nextInt(700));
                CrashMode mode = FaultPlan.CrashMode.values()[rnd.nextInt(3)];
                // Dying midway through an action list loses memory by definition: never with PAUSE.
                crashes.add(new Crash(node, at, until, mode, mode != CrashMode.PAUSE && rnd.nextBoolean()));
            }
        }
        if (spec.family() == Family.F_PLUS_ONE_DOWN) {
            Set<Integer> down = new TreeSet<>();
            while (down.size() < f + 1) {
                down.add(rnd.nextInt(n));
            }
            long at = 200 + rnd.nextInt(400);
            outage = new Outage(down, at, at + 60 + maxDelay, at + 800 + rnd.nextInt(700),
                    CrashMode.values()[rnd.nextInt(3)]);
            heal = Math.max(heal, outage.untilMs());
        }
        boolean outsider = spec.family() == Family.BYZANTINE && rnd.nextInt(3) == 0;
        return new FaultPlan(drop, dup, maxDelay, partitions, crashes, byzantine, outsider, heal, heal + 200,
                heal + 20_000, 2 + rnd.nextInt(8), outage);
    }

    boolean partitioned(int a, int b, long nowMs) {
        for (Partition p : partitions) {
            if (nowMs >= p.fromMs() && nowMs < p.toMs() && p.side().contains(a) != p.side().contains(b)) {
                return true;
            }
        }
        return false;
    }
}
