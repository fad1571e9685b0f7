package io.carbonx.chain.core.block;

import io.carbonx.chain.core.merkle.InclusionProof;
import io.carbonx.chain.core.merkle.MerkleTree;
import java.util.ArrayList;
import java.util.List;

/**
 * A block: its header and its events in canonical order (topic, partition, offset), which are the
 * Merkle leaves. The header's root and tree size always match the events.
 */
public final class Block {

    private final BlockHeader header;
    private final List<LogEvent> events;
    private final MerkleTree tree;

    private Block(BlockHeader header, List<LogEvent> events, MerkleTree tree) {
        this.header = header;
        this.events = events;
        this.tree = tree;
    }

    /**
     * Assembles the block that extends {@code head} with {@code events} (any order; sorted
     * canonically here) at {@code timeMs}. Ranges start at the head's next offsets and end right
     * after the last included event of each partition.
     *
     * @throws IllegalArgumentException if {@code events} is empty, holds an event below the head's
     *     next offset or duplicates an offset
     */
    public static Block assemble(ChainState head, List<LogEvent> events, long timeMs) {
        if (events.isEmpty()) {
            throw new IllegalArgumentException("a block needs at least one event");
        }
        List<LogEvent> sorted = new ArrayList<>(events);
        sorted.sort(LogEvent.CANONICAL_ORDER);
        List<PartitionRange> ranges = new ArrayList<>();
        List<byte[]> leaves = new ArrayList<>(sorted.size());
        for (int i = 0; i < sorted.size(); i++) {
            LogEvent e = sorted.get(i);
            long from = head.nextOffset(e.topicPartition());
            if (e.offset() < from) {
                throw new IllegalArgumentException("event " + e + " is before next offset " + from);
            }
            if (i > 0 && sorted.get(i - 1).topicPartition().equals(e.topicPartition())
                    && sorted.get(i - 1).offset() == e.offset()) {
                throw new IllegalArgumentException("duplicate offset " + e);
            }
            boolean lastOfPartition = i + 1 == sorted.size()
                    || !sorted.get(i + 1).topicPartition().equals(e.topicPartition());
            if (lastOfPartition) {
                ranges.add(new PartitionRange(e.topicPartition(), from, e.offset() + 1));
            }
            leaves.add(e.rawBytes());
        }
        MerkleTree tree = MerkleTree.ofData(leaves);
        BlockHeader header = new BlockHeader(head.chainId(), head.height() + 1, head.headHash(), tree.root(),
                sorted.size(), ranges, Math.max(timeMs, head.headTimeMs()));
        return new Block(header, List.copyOf(sorted), tree);
    }

    /** The header. */
    public BlockHeader header() {
        return header;
    }

    /** The events in leaf order. */
    public List<LogEvent> events() {
        return events;
    }

    /** The inclusion proof of event {@code index} (leaf order) against the header's Merkle root. */
    public InclusionProof inclusionProof(int index) {
        return tree.inclusionProof(index);
    }

    /** Leaf index of the event at {@code tp}/{@code offset}, or -1 if the block does not hold it. */
    public int indexOf(TopicPartition tp, long offset) {
        for (int i = 0; i < events.size(); i++) {
            LogEvent e = events.get(i);
            if (e.topicPartition().equals(tp) && e.offset() == offset) {
                return i;
            }
        }
        return -1;
    }
}
