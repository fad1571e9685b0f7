package io.carbonx.chain.core.pbft;

import io.carbonx.chain.core.block.ChainState;
import io.carbonx.chain.core.pbft.message.CommittedBlock;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * This replica's committed chain (blocks with certificates, consecutive from height 1) and the
 * blocks already committed locally but waiting for a lower height to be appended first.
 */
final class CommittedChain {

    private ChainState head;
    private final List<CommittedBlock> blocks = new ArrayList<>();
    private final TreeMap<Long, CommittedBlock> ready = new TreeMap<>();

    CommittedChain(String chainId) {
        this.head = ChainState.genesis(chainId);
    }

    ChainState head() {
        return head;
    }

    long height() {
        return head.height();
    }

    /** The block at {@code height} (1..height()). */
    CommittedBlock block(long height) {
        return blocks.get((int) (height - 1));
    }

    /** Up to {@code max} blocks from {@code from}. */
    List<CommittedBlock> range(long from, int max) {
        List<CommittedBlock> out = new ArrayList<>();
        for (long h = Math.max(1, from); h <= height() && out.size() < max; h++) {
            out.add(block(h));
        }
        return out;
    }

    List<CommittedBlock> all() {
        return List.copyOf(blocks);
    }

    /** Appends {@code block} if it extends the head; false (and no change) otherwise. */
    boolean append(CommittedBlock block) {
        if (head.checkExtends(block.header()).isPresent()) {
            return false;
        }
        head = head.append(block.header());
        blocks.add(block);
        ready.headMap(head.height(), true).clear();
        return true;
    }

    void markReady(CommittedBlock block) {
        if (block.height() > height()) {
            ready.putIfAbsent(block.height(), block);
        }
    }

    /** The ready block at {@code height() + 1}, removed, or null. */
    CommittedBlock takeNextReady() {
        return ready.remove(height() + 1);
    }
}
