package io.carbonx.chain.core.pbft;

import io.carbonx.chain.core.block.BlockRejection;
import io.carbonx.chain.core.pbft.message.BlockRequest;
import io.carbonx.chain.core.pbft.message.BlockResponse;
import io.carbonx.chain.core.pbft.message.CommittedBlock;
import io.carbonx.chain.core.pbft.message.SignedMessage;
import io.carbonx.chain.core.pbft.message.Status;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Heartbeats and catch-up. A replica that learns peers are ahead (STATUS, CHECKPOINT, a pre-prepare
 * above its head) remembers them and asks them for blocks in turn, at most once per retransmit
 * interval, so a lying peer cannot monopolise catch-up; a peer whose response fails verification
 * is forgotten until it claims again. Every transferred block is appended only if its commit
 * certificate verifies (a quorum of valid, distinct commit signatures over its hash) and it extends
 * the local chain. Stable checkpoint proofs travel with the blocks and are verified as well.
 */
final class StateTransfer {

    /** What a peer showed it has: committed height and stable checkpoint height. */
    private record Lead(long height, long stable) {
    }

    private final ReplicaContext c;
    private final NormalCase normal;
    private final Checkpoints checkpoints;
    private final TreeMap<Integer, Lead> ahead = new TreeMap<>();
    private int lastAsked = -1;

    StateTransfer(ReplicaContext c, NormalCase normal, Checkpoints checkpoints) {
        this.c = c;
        this.normal = normal;
        this.checkpoints = checkpoints;
    }

    void broadcastStatus() {
        c.outbox.broadcast(c.sign(new Status(c.view, c.chain.height(), c.low())));
    }

    void onStatus(SignedMessage<Status> m) {
        Status s = m.payload();
        noteAhead(m.author(), s.committedHeight(), s.stableHeight());
        if (!c.changing && s.view() < c.view && c.currentNewView != null) {
            c.outbox.send(m.author(), c.currentNewView);
        }
    }

    /**
     * Records that {@code peer} has committed up to {@code height} with a stable checkpoint at
     * {@code stable}, then asks the next peer known to be ahead (round robin) for blocks.
     */
    void noteAhead(int peer, long height, long stable) {
        if (peer != c.me && c.validators.contains(peer)) {
            Lead old = ahead.get(peer);
            ahead.put(peer, old == null ? new Lead(height, stable)
                    : new Lead(Math.max(height, old.height()), Math.max(stable, old.stable())));
        }
        requestCatchUp();
    }

    private void requestCatchUp() {
        ahead.values().removeIf(l -> l.height() <= c.chain.height() && l.stable() <= c.low());
        if (ahead.isEmpty() || c.now - c.lastCatchUpMs < c.config.retransmitIntervalMs()) {
            return;
        }
        Integer next = ahead.higherKey(lastAsked);
        lastAsked = next != null ? next : ahead.firstKey();
        c.lastCatchUpMs = c.now;
        c.outbox.send(lastAsked, c.sign(new BlockRequest(c.chain.height() + 1, c.config.maxBlocksPerResponse())));
    }

    void onBlockRequest(SignedMessage<BlockRequest> m) {
        BlockRequest r = m.payload();
        int max = Math.max(0, Math.min(r.maxBlocks(), c.config.maxBlocksPerResponse()));
        List<CommittedBlock> blocks = c.chain.range(r.fromHeight(), max);
        if (blocks.isEmpty() && checkpoints.stable().height() == 0) {
            return;
        }
        c.outbox.send(m.author(), c.sign(new BlockResponse(blocks, checkpoints.stable())));
    }

    /**
     * Appends the blocks of {@code blocks} that are next in line and whose commit certificate verifies
     * and which chain onto the head; stops at the first refused one. Blocks at or below the head are
     * skipped, a gap stops the scan. Returns the number appended.
     */
    int offer(List<CommittedBlock> blocks) {
        int appended = 0;
        for (CommittedBlock b : blocks) {
            if (b.height() <= c.chain.height()) {
                continue;
            }
            if (b.height() != c.chain.height() + 1) {
                break;
            }
            Verdict v = c.certs.verifyCommitCertificate(b.header(), b.certificate());
            if (!v.isOk()) {
                c.outbox.blockRefused(b.height(), v);
                break;
            }
            Optional<BlockRejection> chained = c.chain.head().checkExtends(b.header());
            if (chained.isPresent() || !normal.append(b)) {
                c.outbox.blockRefused(b.height(), Verdict.reject(Reason.BLOCK_DOES_NOT_CHAIN,
                        chained.map(Enum::name).orElse("append failed")));
                break;
            }
            appended++;
        }
        if (appended > 0) {
            normal.appendReady();
        }
        return appended;
    }

    void onBlockResponse(SignedMessage<BlockResponse> m) {
        BlockResponse r = m.payload();
        if (r.stableCheckpoint().height() > c.low()) {
            Verdict v = c.certs.verifyCheckpointProof(r.stableCheckpoint(), c.config.checkpointInterval());
            if (!v.isOk()) {
                ahead.remove(m.author());
                c.reject(m, v);
                return;
            }
        }
        int appended = 0;
        for (CommittedBlock b : r.blocks()) {
            if (b.height() <= c.chain.height()) {
                continue;
            }
            if (b.height() != c.chain.height() + 1) {
                break;
            }
            Verdict v = c.certs.verifyCommitCertificate(b.header(), b.certificate());
            if (!v.isOk()) {
                ahead.remove(m.author());
                c.reject(m, v);
                return;
            }
            Optional<BlockRejection> chained = c.chain.head().checkExtends(b.header());
            if (chained.isPresent() || !normal.append(b)) {
                ahead.remove(m.author());
                c.reject(m, Reason.BLOCK_DOES_NOT_CHAIN, chained.map(Enum::name).orElse("append failed"));
                return;
            }
            appended++;
        }
        if (r.stableCheckpoint().height() > c.low()) {
            checkpoints.adopt(r.stableCheckpoint());
        }
        if (appended > 0) {
            normal.appendReady();
            if (r.blocks().size() >= c.config.maxBlocksPerResponse()) {
                c.lastCatchUpMs = Long.MIN_VALUE / 2;
                lastAsked = m.author() - 1;
                requestCatchUp();
            }
        }
    }
}
