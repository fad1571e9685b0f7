package io.carbonx.chain.core.pbft;

import io.carbonx.chain.core.block.BlockRejection;
import io.carbonx.chain.core.pbft.message.BlockRequest;
import io.carbonx.chain.core.pbft.message.BlockResponse;
import io.carbonx.chain.core.pbft.message.CommittedBlock;
import io.carbonx.chain.core.pbft.message.SignedMessage;
import io.carbonx.chain.core.pbft.message.Status;
import java.util.List;
import java.util.Optional;

/**
 * Heartbeats and catch-up. A replica that learns a peer is ahead (STATUS, CHECKPOINT, a pre-prepare
 * above its head) asks it for blocks; every transferred block is appended only if its commit
 * certificate verifies (a quorum of valid, distinct commit signatures over its hash) and it extends
 * the local chain. Stable checkpoint proofs travel with the blocks and are verified as well.
 */
final class StateTransfer {

    private final ReplicaContext c;
    private final NormalCase normal;
    private final Checkpoints checkpoints;

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
        if (s.committedHeight() > c.chain.height() || s.stableHeight() > c.low()) {
            requestCatchUp(m.author());
        }
        if (!c.changing && s.view() < c.view && c.currentNewView != null) {
            c.outbox.send(m.author(), c.currentNewView);
        }
    }

    /** Asks {@code peer} for blocks above the head, at most once per retransmit interval. */
    void requestCatchUp(int peer) {
        if (peer == c.me || c.now - c.lastCatchUpMs < c.config.retransmitIntervalMs()) {
            return;
        }
        c.lastCatchUpMs = c.now;
        c.outbox.send(peer, c.sign(new BlockRequest(c.chain.height() + 1, c.config.maxBlocksPerResponse())));
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

    void onBlockResponse(SignedMessage<BlockResponse> m) {
        BlockResponse r = m.payload();
        if (r.stableCheckpoint().height() > c.low()) {
            Verdict v = c.certs.verifyCheckpointProof(r.stableCheckpoint(), c.config.checkpointInterval());
            if (!v.isOk()) {
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
                c.reject(m, v);
                return;
            }
            Optional<BlockRejection> chained = c.chain.head().checkExtends(b.header());
            if (chained.isPresent() || !normal.append(b)) {
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
                requestCatchUp(m.author());
            }
        }
    }
}
