package io.carbonx.chain.core.block;

import io.carbonx.chain.core.Digest;
import io.carbonx.chain.core.merkle.MerkleTree;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Deterministic block cutting and rebuilding over a {@link LocalLog}.
 *
 * <p><b>Cut rule</b> ({@link #cut}): the events not yet covered by the head, in the order they were
 * read, form the pending queue. A block is cut from the first {@code maxEvents} of them as soon as
 * there are that many, or from all of them once the oldest has waited {@code maxDelayMs}
 * ({@code nowMs - arrivalMs ≥ maxDelayMs}). Because every partition is read in offset order, the
 * chosen events are a prefix of each partition, so the block is fully described by its ranges.
 *
 * <p><b>Rebuild</b> ({@link #rebuild}): given a proposed header, reads exactly the header's ranges
 * from the local log and assembles the block this validator would build for them at the proposed
 * time. Equal headers (hence equal hashes) mean the proposal anchors exactly the events this
 * validator read.
 */
public final class BlockBuilder {

    /** Outcome of {@link #rebuild}: a locally assembled block, or why none could be built. */
    public record Rebuild(Block block, BlockRejection rejection) {
        /** True when a block was assembled. */
        public boolean ok() {
            return block != null;
        }
    }

    private final int maxEvents;
    private final long maxDelayMs;

    /**
     * @param maxEvents N: cut as soon as N events are pending; also the largest block accepted
     * @param maxDelayMs T: cut whatever is pending once the oldest pending event is T ms old
     */
    public BlockBuilder(int maxEvents, long maxDelayMs) {
        if (maxEvents < 1 || maxDelayMs < 0) {
            throw new IllegalArgumentException("maxEvents >= 1 and maxDelayMs >= 0 required");
        }
        this.maxEvents = maxEvents;
        this.maxDelayMs = maxDelayMs;
    }

    /** The configured N. */
    public int maxEvents() {
        return maxEvents;
    }

    /** The next block after {@code head} if the cut rule fires at {@code nowMs}. */
    public Optional<Block> cut(ChainState head, LocalLog log, long nowMs) {
        List<LocalLog.Arrival> pending = log.pending(head, maxEvents);
        if (pending.isEmpty()) {
            return Optional.empty();
        }
        boolean full = pending.size() >= maxEvents;
        boolean due = nowMs - pending.get(0).arrivalMs() >= maxDelayMs;
        if (!full && !due) {
            return Optional.empty();
        }
        List<LogEvent> events = new ArrayList<>(pending.size());
        for (LocalLog.Arrival a : pending) {
            events.add(a.event());
        }
        return Optional.of(Block.assemble(head, events, nowMs));
    }

    /** True if some event is not yet covered by {@code head}. */
    public boolean hasPending(ChainState head, LocalLog log) {
        return !log.pending(head, 1).isEmpty();
    }

    /**
     * Rebuilds the block {@code proposal} describes from {@code log}. The result's header equals
     * {@code proposal} iff the proposal anchors exactly the locally read events of its ranges; a
     * different Merkle root or tree size shows up as a different header, not as a rejection.
     */
    public Rebuild rebuild(ChainState head, BlockHeader proposal, LocalLog log) {
        Optional<BlockRejection> chain = head.checkExtends(proposal);
        if (chain.isPresent()) {
            return new Rebuild(null, chain.get());
        }
        if (proposal.treeSize() > maxEvents) {
            return new Rebuild(null, BlockRejection.TOO_MANY_EVENTS);
        }
        List<LogEvent> events = new ArrayList<>();
        for (PartitionRange r : proposal.ranges()) {
            if (log.position(r.topicPartition()) < r.toOffsetExclusive()) {
                return new Rebuild(null, BlockRejection.EVENTS_MISSING);
            }
            List<LogEvent> inRange = log.read(r.topicPartition(), r.fromOffset(), r.toOffsetExclusive());
            if (inRange.isEmpty()) {
                return new Rebuild(null, BlockRejection.RANGE_EMPTY);
            }
            if (inRange.get(inRange.size() - 1).offset() != r.toOffsetExclusive() - 1) {
                return new Rebuild(null, BlockRejection.RANGE_NOT_CANONICAL);
            }
            events.addAll(inRange);
            if (events.size() > maxEvents) {
                return new Rebuild(null, BlockRejection.TOO_MANY_EVENTS);
            }
        }
        return new Rebuild(Block.assemble(head, events, proposal.timeMs()), null);
    }

    /** Recomputes the Merkle root of {@code events} in canonical order (for verification tools). */
    public static Digest rootOf(List<LogEvent> events) {
        List<LogEvent> sorted = new ArrayList<>(events);
        sorted.sort(LogEvent.CANONICAL_ORDER);
        List<byte[]> leaves = new ArrayList<>();
        for (LogEvent e : sorted) {
            leaves.add(e.rawBytes());
        }
        return MerkleTree.ofData(leaves).root();
    }
}
