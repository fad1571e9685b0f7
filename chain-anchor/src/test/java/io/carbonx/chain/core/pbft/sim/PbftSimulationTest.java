package io.carbonx.chain.core.pbft.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The main proof: thousands of seeded simulation runs with safety invariants checked at every step and
 * liveness required once faults heal.
 *
 * <p>{@code -Dpbft.seeds=N} sets the number of four-validator runs (default 2 000; seven-validator runs
 * are N/8). A failing run prints its replay flags, e.g.
 * {@code mvn -pl chain-anchor test -Dtest=PbftSimulationTest#replayOneSeed -Dpbft.seed=17 -Dpbft.n=4
 * -Dpbft.family=CRASH}, which reruns exactly that seed with a trace.
 */
class PbftSimulationTest {

    private static final int SEEDS = Integer.getInteger("pbft.seeds", 2_000);

    private static Family familyOf(long seed) {
        int bucket = (int) Math.floorMod(seed, 20L);
        if (bucket < 5) {
            return Family.NETWORK;
        }
        if (bucket < 10) {
            return Family.CRASH;
        }
        return bucket < 18 ? Family.BYZANTINE : Family.F_PLUS_ONE_DOWN;
    }

    private static Map<Family, Integer> runAll(List<SimSpec> specs, Map<String, Integer> rejections,
                                               Map<Behaviour, Map<String, Integer>> byBehaviour) {
        List<Simulation.Result> failures = new ArrayList<>();
        Map<Family, Integer> counts = new TreeMap<>();
        long start = System.nanoTime();
        long heights = 0;
        for (SimSpec spec : specs) {
            Simulation sim = new Simulation(spec, false);
            Simulation.Result r = sim.run();
            counts.merge(spec.family(), 1, Integer::sum);
            heights += r.height();
            r.rejections().forEach((k, v) -> rejections.merge(k, v, Integer::sum));
            for (Behaviour b : sim.plan().byzantine().values()) {
                Map<String, Integer> m = byBehaviour.computeIfAbsent(b, k -> new TreeMap<>());
                r.rejections().forEach((k, v) -> m.merge(k, v, Integer::sum));
            }
            if (r.failure() != null) {
                failures.add(r);
            }
        }
        System.out.printf("PBFT simulation: %d runs %s, %d blocks agreed in total, %.1f s%n", specs.size(), counts,
                heights, (System.nanoTime() - start) / 1e9);
        report(failures);
        return counts;
    }

    private static void report(List<Simulation.Result> failures) {
        if (failures.isEmpty()) {
            return;
        }
        StringBuilder sb = new StringBuilder(failures.size() + " failing seed(s):\n");
        for (Simulation.Result f : failures) {
            sb.append("  ").append(f.spec()).append("  ").append(f.failure()).append('\n');
        }
        Simulation replay = new Simulation(failures.get(0).spec(), true);
        replay.run();
        sb.append("trace of the first (last lines):\n");
        List<String> trace = replay.trace();
        for (String line : trace.subList(Math.max(0, trace.size() - 80), trace.size())) {
            sb.append("    ").append(line).append('\n');
        }
        System.out.println(sb);
        throw new AssertionError(sb.toString());
    }

    @Test
    void fourValidatorsStaySafeAndLiveUnderSeededFaultsAndByzantinePeers() {
        List<SimSpec> specs = new ArrayList<>();
        for (long seed = 1; seed <= SEEDS; seed++) {
            specs.add(new SimSpec(seed, 4, familyOf(seed), false));
        }
        Map<String, Integer> rejections = new TreeMap<>();
        Map<Behaviour, Map<String, Integer>> byBehaviour = new TreeMap<>();
        Map<Family, Integer> counts = runAll(specs, rejections, byBehaviour);
        System.out.println("rejections: " + rejections);
        System.out.println("by behaviour: " + byBehaviour);
        assertThat(counts).containsKeys(Family.values());
        if (SEEDS >= 200) {
            // The faults were really exercised: each byzantine behaviour drew its characteristic refusal.
            assertThat(byBehaviour.get(Behaviour.EQUIVOCATE)).containsKey("CONFLICTING_PRE_PREPARE");
            assertThat(byBehaviour.get(Behaviour.FORGE)).containsKey("BAD_SIGNATURE");
            assertThat(byBehaviour.get(Behaviour.WRONG_DIGEST)).containsKey("DIGEST_MISMATCH");
            assertThat(byBehaviour.get(Behaviour.FAKE_EVENTS)).containsKey("PROPOSAL_DIGEST_MISMATCH");
            assertThat(byBehaviour.get(Behaviour.LYING_VIEW_CHANGES)).containsKey("BAD_VIEW_CHANGE");
            assertThat(byBehaviour.get(Behaviour.REPLAY)).containsKey("WRONG_VIEW");
            assertThat(rejections).containsKeys("UNKNOWN_AUTHOR", "BAD_COMMIT_CERTIFICATE",
                    "NEW_VIEW_WRONG_PRE_PREPARES");
        }
    }

    @Test
    void sevenValidatorsStaySafeAndLiveUnderSeededFaultsAndByzantinePeers() {
        List<SimSpec> specs = new ArrayList<>();
        for (long seed = 1; seed <= Math.max(20, SEEDS / 8); seed++) {
            specs.add(new SimSpec(100_000 + seed, 7, familyOf(seed), false));
        }
        runAll(specs, new TreeMap<>(), new TreeMap<>());
    }

    @Test
    void realEd25519SignaturesGoThroughTheSameVerificationPath() {
        List<SimSpec> specs = new ArrayList<>();
        for (long seed : new long[] {1, 2, 5, 6, 10, 11, 12, 13, 18, 19}) {
            specs.add(new SimSpec(200_000 + seed, 4, familyOf(seed), true));
        }
        for (long seed : new long[] {7, 14}) {
            specs.add(new SimSpec(300_000 + seed, 7, familyOf(seed), true));
        }
        runAll(specs, new TreeMap<>(), new TreeMap<>());
    }

    @Test
    void aRunIsReplayedExactlyFromItsSeed() {
        for (long seed : new long[] {3, 11, 16}) {
            SimSpec spec = new SimSpec(seed, 4, familyOf(seed), false);
            Simulation.Result a = new Simulation(spec, false).run();
            Simulation.Result b = new Simulation(spec, true).run();
            assertThat(b).isEqualTo(a);
        }
    }

    @Test
    @EnabledIfSystemProperty(named = "pbft.seed", matches = "-?\\d+")
    void replayOneSeed() {
        SimSpec spec = new SimSpec(Long.getLong("pbft.seed"), Integer.getInteger("pbft.n", 4),
                Family.valueOf(System.getProperty("pbft.family", familyOf(Long.getLong("pbft.seed")).name())),
                Boolean.getBoolean("pbft.ed25519"));
        Simulation sim = new Simulation(spec, true);
        Simulation.Result r = sim.run();
        System.out.println(spec + " plan " + sim.plan());
        sim.trace().forEach(System.out::println);
        System.out.println(r);
        assertThat(r.failure()).isNull();
    }
}
