package io.carbonx.chain.core.pbft;

import io.carbonx.chain.core.pbft.message.CommittedBlock;
import io.carbonx.chain.core.pbft.message.PrePrepare;
import io.carbonx.chain.core.pbft.message.SignedMessage;

/** Rebuilds a replica's state from its {@link DurableState} at (re)start. */
final class Recovery {

    private Recovery() {
    }

    static void restore(ReplicaContext c, Checkpoints checkpoints, DurableState durable) {
        for (CommittedBlock b : durable.blocks()) {
            if (!c.chain.append(b)) {
                break; // own store, but never extend past a broken link
            }
        }
        for (VoteRecord r : durable.votes()) {
            if (r instanceof VoteRecord.StableCheckpoint s) {
                checkpoints.restore(s.proof());
            }
        }
        for (VoteRecord r : durable.votes()) {
            if (r instanceof VoteRecord.Prepared p && p.certificate().height() > c.low()) {
                c.prepared.merge(p.certificate().height(), p.certificate(), (a, b) -> a.view() >= b.view() ? a : b);
            } else if (r instanceof VoteRecord.SentVote s) {
                c.ledger.record(s.message());
            }
        }
        long normalView = c.ledger.maxNormalView();
        long vcView = c.ledger.maxViewChange();
        c.view = normalView;
        c.targetView = normalView;
        if (vcView > normalView) {
            c.changing = true;
            c.targetView = vcView;
            c.viewChanges.put(c.me, c.ledger.viewChange(vcView));
        }
        c.currentNewView = c.ledger.newView(c.view);
        if (!c.changing && c.isPrimary()) {
            for (SignedMessage<?> m : c.ledger.normalVotesAbove(c.view, c.chain.height())) {
                if (m.payload() instanceof PrePrepare) {
                    SignedMessage<PrePrepare> pp = m.as(PrePrepare.class);
                    c.instances.computeIfAbsent(pp.payload().height(), Instance::new).accept(pp);
                }
            }
        }
    }
}
