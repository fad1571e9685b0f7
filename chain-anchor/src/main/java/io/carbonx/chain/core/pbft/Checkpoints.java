package io.carbonx.chain.core.pbft;

import io.carbonx.chain.core.Digest;
import io.carbonx.chain.core.pbft.message.Checkpoint;
import io.carbonx.chain.core.pbft.message.CheckpointProof;
import io.carbonx.chain.core.pbft.message.CommittedBlock;
import io.carbonx.chain.core.pbft.message.SignedMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Checkpoints every K blocks: own CHECKPOINT on appending a multiple of K, collection of peers'
 * checkpoints within the watermarks, and adoption of a stable checkpoint (2f+1 matching from distinct
 * validators) which persists the proof, truncates the vote log and the message logs, and moves the
 * watermarks.
 *
 * <p>Own CHECKPOINT messages are not persisted before sending: their content is a function of the
 * committed chain (durable in the block store, and re-derivable from commit certificates), so a
 * restarted validator cannot sign a conflicting one. The stable checkpoint proof is persisted.
 */
final class Checkpoints {

    private final ReplicaContext c;
    private StateTransfer transfer;
    private CheckpointProof stable = CheckpointProof.genesis();
    private SignedMessage<Checkpoint> ownLatest;
    /** height → author → checkpoint. */
    private final TreeMap<Long, TreeMap<Integer, SignedMessage<Checkpoint>>> votes = new TreeMap<>();

    Checkpoints(ReplicaContext c) {
        this.c = c;
    }

    void wire(StateTransfer transfer) {
        this.transfer = transfer;
    }

    CheckpointProof stable() {
        return stable;
    }

    /** Installs a proof restored from the vote log (already durable). */
    void restore(CheckpointProof proof) {
        if (proof.height() > stable.height()) {
            stable = proof;
            c.stableHeight = proof.height();
        }
    }

    void onAppended(CommittedBlock block) {
        long h = block.height();
        if (h % c.config.checkpointInterval() != 0 || h <= c.low()) {
            return;
        }
        ownLatest = c.sign(new Checkpoint(h, block.header().hash()));
        c.outbox.broadcast(ownLatest);
        record(ownLatest);
    }

    void onCheckpoint(SignedMessage<Checkpoint> m) {
        Verdict v = c.validator.checkpoint(m);
        if (!v.isOk()) {
            c.reject(m, v);
            return;
        }
        long h = m.payload().height();
        if (h <= c.low()) {
            return;
        }
        if (h > c.chain.height()) {
            transfer.noteAhead(m.author(), h, 0);
        }
        if (h > c.high()) {
            return;
        }
        SignedMessage<Checkpoint> previous = votes.getOrDefault(h, new TreeMap<>()).get(m.author());
        if (previous != null) {
            if (!previous.payload().digest().equals(m.payload().digest())) {
                c.reject(m, Reason.EQUIVOCATING_VOTE, "checkpoint at " + h);
            }
            return;
        }
        record(m);
    }

    private void record(SignedMessage<Checkpoint> m) {
        long h = m.payload().height();
        TreeMap<Integer, SignedMessage<Checkpoint>> atHeight = votes.computeIfAbsent(h, k -> new TreeMap<>());
        atHeight.putIfAbsent(m.author(), m);
        Digest d = m.payload().digest();
        List<SignedMessage<Checkpoint>> matching = new ArrayList<>();
        for (SignedMessage<Checkpoint> x : atHeight.values()) {
            if (x.payload().digest().equals(d)) {
                matching.add(x);
            }
        }
        if (matching.size() >= c.quorum()) {
            adopt(new CheckpointProof(h, d, matching.subList(0, c.quorum())));
        }
    }

    /**
     * Makes {@code proof} (already verified) the stable checkpoint if it is newer: persist it, truncate,
     * move the watermarks, and fetch blocks if the head is below it.
     */
    void adopt(CheckpointProof proof) {
        long h = proof.height();
        if (h <= c.low()) {
            return;
        }
        if (h <= c.chain.height() && !c.chain.block(h).header().hash().equals(proof.digest())) {
            // 2f+1 validators signed a different head than ours: impossible with at most f faulty; keep ours.
            return;
        }
        stable = proof;
        c.stableHeight = h;
        c.outbox.persist(new VoteRecord.StableCheckpoint(proof));
        c.outbox.truncate(h);
        c.ledger.truncate(h);
        c.instances.headMap(h, true).clear();
        c.parked.headMap(h, true).clear();
        c.prepared.headMap(h, true).clear();
        votes.headMap(h, true).clear();
        if (c.chain.height() < h) {
            for (SignedMessage<Checkpoint> cp : proof.checkpoints()) {
                transfer.noteAhead(cp.author(), h, h);
            }
        }
    }

    /** Re-sends the own latest checkpoint while it is not yet stable. */
    void retransmit() {
        if (ownLatest != null && ownLatest.payload().height() > c.low()) {
            c.outbox.broadcast(ownLatest);
        }
    }
}
