package io.carbonx.chain.core.pbft.sim;

import io.carbonx.chain.core.block.BlockBuilder;
import io.carbonx.chain.core.block.ChainState;
import io.carbonx.chain.core.block.InMemoryLocalLog;
import io.carbonx.chain.core.block.LogEvent;
import io.carbonx.chain.core.block.TopicPartition;
import io.carbonx.chain.core.pbft.Action;
import io.carbonx.chain.core.pbft.DurableState;
import io.carbonx.chain.core.pbft.LogProposals;
import io.carbonx.chain.core.pbft.PbftConfig;
import io.carbonx.chain.core.pbft.PbftReplica;
import io.carbonx.chain.core.pbft.ValidatorSet;
import io.carbonx.chain.core.pbft.VoteRecord;
import io.carbonx.chain.core.pbft.message.CommittedBlock;
import io.carbonx.chain.core.pbft.message.SignedMessage;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.TreeMap;

/**
 * A seeded, single-threaded simulation of n validators on an in-memory network with logical time.
 * Everything random comes from one {@link Random} seeded by the spec, so a run is replayed exactly
 * by its seed. Safety invariants are checked as every step executes; liveness (all honest
 * validators anchor every event, on the same chain) is required before the deadline, after faults heal.
 */
final class Simulation {

    static final String CHAIN = "carbonx-sim";
    static final long TICK_MS = 10;
    static final int ARRIVAL_SKEW_MS = 15;

    /** Outcome of a run. {@code failure} is null on success. */
    record Result(SimSpec spec, String failure, long steps, long height, long maxView, int events,
                  Map<String, Integer> rejections, long endMs) {
    }

    private enum Kind { TICK, DELIVER, PRODUCE, ARRIVE, CRASH, RESTART, OUTSIDER, OUTAGE_CHECK, OUTAGE_END }

    private record Ev(long time, long seq, Kind kind, int node, SignedMessage<?> message, LogEvent event,
                      FaultPlan.Crash crash) {
    }

    private static final class Node {
        final int id;
        final Behaviour behaviour;
        SimActor actor;
        InMemoryLocalLog log = new InMemoryLocalLog();
        List<VoteRecord> votes = new ArrayList<>();
        final List<CommittedBlock> blocks = new ArrayList<>();
        final Map<TopicPartition, Long> lastArrival = new HashMap<>();
        boolean down;
        boolean crashMidStep;
        FaultPlan.CrashMode pendingMode;

        Node(int id, Behaviour behaviour) {
            this.id = id;
            this.behaviour = behaviour;
        }

        boolean honest() {
            return behaviour == null;
        }
    }

    private final SimSpec spec;
    private final Random rnd;
    private final FaultPlan plan;
    private final SimKeys keys;
    private final PbftConfig config;
    private final BlockBuilder builder = new BlockBuilder(8, 20);
    private final GlobalLog global = new GlobalLog();
    private final Invariants invariants;
    private final List<Node> nodes = new ArrayList<>();
    private final PriorityQueue<Ev> queue = new PriorityQueue<>((a, b) -> a.time != b.time
            ? Long.compare(a.time, b.time) : Long.compare(a.seq, b.seq));
    private final List<SignedMessage<?>> sniffed = new ArrayList<>();
    private final Map<String, Integer> rejections = new TreeMap<>();
    private final Deque<String> trace;
    private long now;
    private long seq;
    private long steps;
    private long maxView;
    private long outageHeight = -1;

    Simulation(SimSpec spec, boolean tracing) {
        this.spec = spec;
        this.rnd = new Random(spec.seed() * 0x9E3779B97F4A7C15L + spec.n());
        this.plan = FaultPlan.draw(spec, rnd);
        this.keys = spec.ed25519() ? SimKeys.ed25519(spec.seed(), spec.n()) : SimKeys.fake(spec.seed(), spec.n());
        ValidatorSet validators = new ValidatorSet(keys.validatorKeys(spec.n()));
        this.config = new PbftConfig(CHAIN, validators, 4, 8, 200, 3_200, 50, 100, 8);
        this.invariants = new Invariants(CHAIN, keys.validatorKeys(spec.n()), keys.verifier, global);
        this.trace = tracing ? new ArrayDeque<>() : null;
        for (int i = 0; i < spec.n(); i++) {
            Node node = new Node(i, plan.byzantine().get(i));
            node.actor = build(node);
            nodes.add(node);
        }
    }

    private SimActor build(Node node) {
        LogProposals proposals = new LogProposals(builder, node.log, 50);
        PbftReplica replica = new PbftReplica(config, node.id, keys.signers.get(node.id), keys.verifier, proposals,
                proposals, new DurableState(node.votes, node.blocks));
        return node.honest() ? SimActor.honest(replica) : new ByzantineActor(node.id, spec.n(), node.behaviour,
                replica, keys.signers.get(node.id), CHAIN, new Random(rnd.nextLong()));
    }

    private void schedule(long time, Kind kind, int node, SignedMessage<?> m, LogEvent e, FaultPlan.Crash c) {
        queue.add(new Ev(time, seq++, kind, node, m, e, c));
    }

    Result run() {
        for (Node node : nodes) {
            schedule(rnd.nextInt((int) TICK_MS), Kind.TICK, node.id, null, null, null);
        }
        schedule(0, Kind.PRODUCE, -1, null, null, null);
        for (FaultPlan.Crash c : plan.crashes()) {
            schedule(c.atMs(), Kind.CRASH, c.node(), null, null, c);
        }
        if (plan.outage() != null) {
            for (int id : plan.outage().nodes()) {
                schedule(plan.outage().atMs(), Kind.CRASH, id, null, null, new FaultPlan.Crash(id,
                        plan.outage().atMs(), plan.outage().untilMs(), plan.outage().mode(), false));
            }
            schedule(plan.outage().checkAtMs(), Kind.OUTAGE_CHECK, -1, null, null, null);
            schedule(plan.outage().untilMs() - 1, Kind.OUTAGE_END, -1, null, null, null);
        }
        if (plan.outsider()) {
            schedule(20, Kind.OUTSIDER, -1, null, null, null);
        }
        String failure = null;
        boolean live = false;
        try {
            while (!queue.isEmpty()) {
                Ev ev = queue.poll();
                if (ev.time > plan.deadlineMs()) {
                    break;
                }
                now = ev.time;
                handle(ev);
                steps++;
                if (now > plan.stopEventsAtMs() + ARRIVAL_SKEW_MS && now >= plan.healAtMs() && (steps & 15) == 0
                        && live()) {
                    live = true;
                    break;
                }
            }
            if (!live) {
                failure = "LIVENESS: not every honest validator anchored all " + global.size() + " events by "
                        + plan.deadlineMs() + " ms; " + describeHeads();
            }
        } catch (Invariants.Violation v) {
            failure = "SAFETY at t=" + now + ": " + v.getMessage();
        } catch (RuntimeException e) {
            failure = "CRASH at t=" + now + ": " + e;
            if (trace != null) {
                e.printStackTrace();
            }
        }
        return new Result(spec, failure, steps, invariants.agreedHeight(), maxView, global.size(), rejections, now);
    }

    private void handle(Ev ev) {
        Node node = ev.node >= 0 && ev.node < nodes.size() ? nodes.get(ev.node) : null;
        switch (ev.kind) {
            case TICK -> {
                schedule(now + TICK_MS, Kind.TICK, node.id, null, null, null);
                if (!node.down) {
                    execute(node, node.actor.onTick(now));
                }
            }
            case DELIVER -> {
                if (!node.down) {
                    note(() -> "deliver to " + node.id + ": " + ev.message);
                    if (plan.outsider() && rnd.nextInt(8) == 0 && sniffed.size() < 64) {
                        sniffed.add(ev.message);
                    }
                    execute(node, node.actor.onMessage(ev.message, now));
                }
            }
            case PRODUCE -> produce();
            case ARRIVE -> {
                if (ev.event.offset() >= node.log.position(ev.event.topicPartition())) {
                    node.log.append(ev.event, now);
                }
            }
            case CRASH -> crash(node, ev.crash);
            case RESTART -> restart(node, ev.crash.mode());
            case OUTSIDER -> outsider();
            case OUTAGE_CHECK -> outageHeight = invariants.agreedHeight();
            case OUTAGE_END -> {
                if (invariants.agreedHeight() != outageHeight) {
                    throw new Invariants.Violation("chain progressed from " + outageHeight + " to "
                            + invariants.agreedHeight() + " with f+1 validators down");
                }
            }
            default -> throw new IllegalStateException(ev.kind.name());
        }
    }

    private void produce() {
        LogEvent e = global.produce(rnd, spec.seed());
        for (Node node : nodes) {
            long at = Math.max(now + rnd.nextInt(ARRIVAL_SKEW_MS + 1), node.lastArrival.getOrDefault(
                    e.topicPartition(), 0L));
            node.lastArrival.put(e.topicPartition(), at);
            schedule(at, Kind.ARRIVE, node.id, null, e, null);
        }
        long next = now + 1 + rnd.nextInt(plan.eventGapMs());
        if (next < plan.stopEventsAtMs()) {
            schedule(next, Kind.PRODUCE, -1, null, null, null);
        }
    }

    private void crash(Node node, FaultPlan.Crash c) {
        if (!node.honest() || node.down) {
            return;
        }
        note(() -> "crash " + node.id + " " + c);
        node.pendingMode = c.mode();
        if (c.midStep()) {
            node.crashMidStep = true;
        } else {
            node.down = true;
        }
        schedule(c.untilMs(), Kind.RESTART, node.id, null, null, c);
    }

    private void restart(Node node, FaultPlan.CrashMode mode) {
        node.crashMidStep = false;
        if (!node.down) {
            return;
        }
        note(() -> "restart " + node.id + " " + mode);
        node.down = false;
        if (mode == FaultPlan.CrashMode.PAUSE) {
            return;
        }
        if (mode == FaultPlan.CrashMode.LOSE_VOLATILE_AND_BLOCKS) {
            node.blocks.clear();
            invariants.onBlocksLost(node.id);
        }
        node.log = global.reread(now);
        node.actor = build(node);
    }

    private void execute(Node node, List<Action> actions) {
        int limit = node.crashMidStep ? rnd.nextInt(actions.size() + 1) : actions.size();
        for (int i = 0; i < limit; i++) {
            apply(node, actions.get(i));
        }
        if (node.crashMidStep) {
            node.crashMidStep = false;
            node.down = true;
            note(() -> "node " + node.id + " died after " + limit + " of " + actions.size() + " actions");
        }
    }

    private void apply(Node node, Action a) {
        if (a instanceof Action.Persist p) {
            node.votes.add(p.record());
            if (node.honest() && p.record() instanceof VoteRecord.SentVote s) {
                invariants.onPersist(node.id, s.message());
            }
        } else if (a instanceof Action.TruncateVotes t) {
            node.votes = new ArrayList<>(VoteRecord.retain(node.votes, t.stableHeight()));
            List<SignedMessage<?>> kept = new ArrayList<>();
            for (VoteRecord r : node.votes) {
                if (r instanceof VoteRecord.SentVote s) {
                    kept.add(s.message());
                }
            }
            invariants.onTruncate(node.id, kept);
        } else if (a instanceof Action.CommitBlock c) {
            note(() -> "node " + node.id + " COMMITS " + c.block().height() + " " + c.block().header().hash());
            if (node.honest()) {
                invariants.onCommit(node.id, c.block());
            }
            node.blocks.add(c.block());
        } else if (a instanceof Action.Send s) {
            send(node, s.to(), s.message());
        } else if (a instanceof Action.Broadcast b) {
            for (int to = 0; to < nodes.size(); to++) {
                if (to != node.id) {
                    send(node, to, b.message());
                }
            }
        } else if (a instanceof Action.Rejected r) {
            note(() -> "node " + node.id + " rejected " + r.reason() + " " + r.detail() + ": " + r.message());
            rejections.merge(r.reason().name(), 1, Integer::sum);
        } else if (a instanceof Action.ViewEntered v) {
            note(() -> "node " + node.id + " entered view " + v.view());
            maxView = Math.max(maxView, v.view());
        }
    }

    private void send(Node from, int to, SignedMessage<?> m) {
        if (from.honest()) {
            invariants.onSend(from.id, m);
        }
        transmit(from.id, to, m);
    }

    private void transmit(int from, int to, SignedMessage<?> m) {
        boolean faulty = now < plan.healAtMs();
        if (faulty && (plan.partitioned(from, to, now) || rnd.nextDouble() < plan.dropP())) {
            return;
        }
        int maxDelay = faulty ? plan.maxDelayMs() : 5;
        schedule(now + 1 + rnd.nextInt(maxDelay), Kind.DELIVER, to, m, null, null);
        if (faulty && rnd.nextDouble() < plan.dupP()) {
            schedule(now + 1 + rnd.nextInt(maxDelay), Kind.DELIVER, to, m, null, null);
        }
    }

    /** A non-validator (id n) sends sniffed payloads as itself, claiming validators, or with garbage signatures. */
    private void outsider() {
        if (now < plan.healAtMs() + 500) {
            schedule(now + 10 + rnd.nextInt(40), Kind.OUTSIDER, -1, null, null, null);
        }
        if (sniffed.isEmpty()) {
            return;
        }
        SignedMessage<?> m = sniffed.get(rnd.nextInt(sniffed.size()));
        int n = spec.n();
        SignedMessage<?> junk = switch (rnd.nextInt(3)) {
            case 0 -> SignedMessage.sign(CHAIN, m.payload(), n, keys.signers.get(n));
            case 1 -> SignedMessage.sign(CHAIN, m.payload(), rnd.nextInt(n), keys.signers.get(n));
            default -> {
                byte[] garbage = new byte[64];
                rnd.nextBytes(garbage);
                yield new SignedMessage<>(m.payload(), m.author(), garbage);
            }
        };
        transmit(n, rnd.nextInt(n), junk);
    }

    private boolean live() {
        Map<TopicPartition, Long> ends = global.ends();
        ChainState reference = null;
        for (Node node : nodes) {
            if (!node.honest()) {
                continue;
            }
            if (node.down) {
                return false;
            }
            ChainState head = node.actor.replica().head();
            for (Map.Entry<TopicPartition, Long> e : ends.entrySet()) {
                if (head.nextOffset(e.getKey()) != e.getValue()) {
                    return false;
                }
            }
            if (reference != null && !reference.headHash().equals(head.headHash())) {
                return false;
            }
            reference = head;
        }
        return true;
    }

    private String describeHeads() {
        StringBuilder sb = new StringBuilder("global ends " + global.ends());
        for (Node node : nodes) {
            PbftReplica r = node.actor.replica();
            sb.append("\n  node ").append(node.id).append(node.honest() ? "" : " (" + node.behaviour + ")")
                    .append(node.down ? " DOWN" : "").append(": view ").append(r.view())
                    .append(r.viewChangeInProgress() ? "->" + r.targetView() : "").append(" height ")
                    .append(r.head().height()).append(" offsets ").append(r.head().offsets())
                    .append(" stable ").append(r.stableCheckpoint().height());
        }
        return sb.toString();
    }

    private void note(java.util.function.Supplier<String> line) {
        if (trace != null) {
            trace.addLast("t=" + now + " " + line.get());
            if (trace.size() > 400) {
                trace.removeFirst();
            }
        }
    }

    /** The last traced lines (tracing runs only). */
    List<String> trace() {
        return trace == null ? List.of() : new ArrayList<>(trace);
    }

    FaultPlan plan() {
        return plan;
    }
}
