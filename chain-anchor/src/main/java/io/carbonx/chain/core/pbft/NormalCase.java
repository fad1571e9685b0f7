package io.carbonx.chain.core.pbft;

import io.carbonx.chain.core.Digest;
import io.carbonx.chain.core.block.BlockHeader;
import io.carbonx.chain.core.pbft.message.Commit;
import io.carbonx.chain.core.pbft.message.CommitCertificate;
import io.carbonx.chain.core.pbft.message.CommittedBlock;
import io.carbonx.chain.core.pbft.message.PrePrepare;
import io.carbonx.chain.core.pbft.message.Prepare;
import io.carbonx.chain.core.pbft.message.PreparedCertificate;
import io.carbonx.chain.core.pbft.message.SignedMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Pre-prepare, prepare and commit handling, proposing, and appending committed blocks. */
final class NormalCase {

    private final ReplicaContext c;
    private Checkpoints checkpoints;
    private StateTransfer transfer;

    NormalCase(ReplicaContext c) {
        this.c = c;
    }

    void wire(Checkpoints checkpoints, StateTransfer transfer) {
        this.checkpoints = checkpoints;
        this.transfer = transfer;
    }

    void onPrePrepare(SignedMessage<PrePrepare> m) {
        Verdict v = c.validator.prePrepare(m);
        if (!v.isOk()) {
            c.reject(m, v);
            return;
        }
        PrePrepare pp = m.payload();
        if (c.changing || pp.view() != c.view) {
            c.reject(m, Reason.WRONG_VIEW, "in view " + c.view + (c.changing ? " changing" : ""));
            return;
        }
        if (!c.inWatermarks(pp.height())) {
            c.reject(m, Reason.OUT_OF_WATERMARKS, "height " + pp.height());
            return;
        }
        Digest digest = pp.digest();
        Instance inst = c.instances.get(pp.height());
        SignedMessage<PrePrepare> held = inst != null && inst.prePrepare != null ? inst.prePrepare
                : c.parked.get(pp.height());
        if (held != null) {
            if (!held.payload().digest().equals(digest)) {
                c.reject(m, Reason.CONFLICTING_PRE_PREPARE, "height " + pp.height());
            }
            return;
        }
        Digest own = c.ledger.votedDigest(pp.view(), pp.height());
        if (own != null && !own.equals(digest)) {
            c.reject(m, Reason.CONFLICTS_WITH_OWN_VOTE, "voted " + own + " at " + pp.view() + "/" + pp.height());
            return;
        }
        consider(m, false);
    }

    /**
     * Accepts, parks or rejects a pre-prepare of the current view. {@code certified}: it comes from a
     * valid NEW-VIEW, so its block was prepared by a quorum and needs no local rebuild.
     */
    void consider(SignedMessage<PrePrepare> m, boolean certified) {
        PrePrepare pp = m.payload();
        long h = pp.height();
        long head = c.chain.height();
        if (h <= head) {
            if (!c.chain.block(h).header().hash().equals(pp.digest())) {
                c.reject(m, Reason.CONFLICTS_WITH_COMMITTED_BLOCK, "height " + h);
                return;
            }
            accept(m);
            return;
        }
        if (certified) {
            accept(m);
            if (h > head + 1) {
                transfer.noteAhead(m.author(), h - 1, 0);
            }
            return;
        }
        if (h > head + 1) {
            c.parked.put(h, m);
            transfer.noteAhead(m.author(), h - 1, 0);
            return;
        }
        ProposalCheck check = c.proposals.check(c.chain.head(), pp.header(), c.now);
        switch (check.kind()) {
            case NOT_YET_AVAILABLE -> c.parked.put(h, m);
            case INVALID -> {
                c.parked.remove(h);
                c.reject(m, Reason.PROPOSAL_REJECTED_BY_LOG, check.rejection().name());
            }
            case COMPUTED -> {
                if (check.digest().equals(pp.digest())) {
                    accept(m);
                } else {
                    c.parked.remove(h);
                    c.reject(m, Reason.PROPOSAL_DIGEST_MISMATCH, "local " + check.digest() + " proposed "
                            + pp.digest());
                }
            }
            default -> throw new IllegalStateException(check.kind().name());
        }
    }

    private void accept(SignedMessage<PrePrepare> m) {
        PrePrepare pp = m.payload();
        Instance inst = c.instances.computeIfAbsent(pp.height(), Instance::new);
        inst.accept(m);
        c.parked.remove(pp.height());
        if (!c.isPrimary()) {
            SignedMessage<Prepare> mine = c.ledger.prepare(pp.view(), pp.height());
            if (mine == null) {
                mine = c.sign(new Prepare(pp.view(), pp.height(), pp.digest()));
                c.persistAndBroadcast(mine);
            } else {
                c.outbox.broadcast(mine);
            }
            inst.prepares.put(c.me, mine);
        }
        checkPrepared(inst);
    }

    void onPrepare(SignedMessage<Prepare> m) {
        Verdict v = c.validator.prepare(m);
        if (!v.isOk()) {
            c.reject(m, v);
            return;
        }
        Prepare p = m.payload();
        Instance inst = instanceFor(m, p.view(), p.height());
        if (inst == null) {
            return;
        }
        SignedMessage<Prepare> previous = inst.prepares.get(m.author());
        if (previous != null) {
            if (!previous.payload().digest().equals(p.digest())) {
                c.reject(m, Reason.EQUIVOCATING_VOTE, "prepare at " + p.height());
            }
            return;
        }
        inst.prepares.put(m.author(), m);
        if (inst.digest != null && !inst.digest.equals(p.digest())) {
            c.reject(m, Reason.DIGEST_MISMATCH, "prepare " + p.digest() + " vs accepted " + inst.digest);
            return;
        }
        checkPrepared(inst);
    }

    void onCommit(SignedMessage<Commit> m) {
        Commit cm = m.payload();
        Instance inst = instanceFor(m, cm.view(), cm.height());
        if (inst == null) {
            return;
        }
        SignedMessage<Commit> previous = inst.commits.get(m.author());
        if (previous != null) {
            if (!previous.payload().digest().equals(cm.digest())) {
                c.reject(m, Reason.EQUIVOCATING_VOTE, "commit at " + cm.height());
            }
            return;
        }
        inst.commits.put(m.author(), m);
        if (inst.digest != null && !inst.digest.equals(cm.digest())) {
            c.reject(m, Reason.DIGEST_MISMATCH, "commit " + cm.digest() + " vs accepted " + inst.digest);
            return;
        }
        checkCommitted(inst);
    }

    private Instance instanceFor(SignedMessage<?> m, long view, long height) {
        if (c.changing || view != c.view) {
            c.reject(m, Reason.WRONG_VIEW, "in view " + c.view + (c.changing ? " changing" : ""));
            return null;
        }
        if (!c.inWatermarks(height)) {
            c.reject(m, Reason.OUT_OF_WATERMARKS, "height " + height);
            return null;
        }
        return c.instances.computeIfAbsent(height, Instance::new);
    }

    private void checkPrepared(Instance inst) {
        if (inst.prePrepare == null || inst.prepared) {
            return;
        }
        List<SignedMessage<Prepare>> matching = inst.matchingPrepares(c.primary(c.view));
        if (matching.size() < c.quorum() - 1) {
            return;
        }
        inst.prepared = true;
        PreparedCertificate cert = new PreparedCertificate(inst.prePrepare, matching.subList(0, c.quorum() - 1));
        c.prepared.merge(inst.height, cert, (a, b) -> a.view() >= b.view() ? a : b);
        SignedMessage<Commit> mine = c.ledger.commit(c.view, inst.height);
        if (mine == null) {
            mine = c.sign(new Commit(c.view, inst.height, inst.digest));
            c.outbox.persist(new VoteRecord.Prepared(cert));
            c.persistAndBroadcast(mine);
        } else {
            c.outbox.broadcast(mine);
        }
        inst.commits.put(c.me, mine);
        checkCommitted(inst);
    }

    private void checkCommitted(Instance inst) {
        if (!inst.prepared || inst.committed) {
            return;
        }
        List<SignedMessage<Commit>> matching = inst.matchingCommits();
        if (matching.size() < c.quorum()) {
            return;
        }
        inst.committed = true;
        CommitCertificate cert = new CommitCertificate(matching.subList(0, c.quorum()));
        c.chain.markReady(new CommittedBlock(inst.prePrepare.payload().header(), cert));
        appendReady();
    }

    /** Appends locally committed blocks that are now next in line. */
    void appendReady() {
        CommittedBlock next;
        while ((next = c.chain.takeNextReady()) != null) {
            append(next);
        }
    }

    /** Appends a committed block (from consensus or verified state transfer); false if it does not chain. */
    boolean append(CommittedBlock block) {
        if (!c.chain.append(block)) {
            return false;
        }
        c.outbox.commit(block);
        c.timeoutAttempt = 0;
        c.workSinceMs = -1;
        checkpoints.onAppended(block);
        return true;
    }

    /** Re-examines parked pre-prepares that may now be decidable. */
    void reconsiderParked() {
        if (c.changing || c.parked.isEmpty()) {
            return;
        }
        List<SignedMessage<PrePrepare>> due = new ArrayList<>();
        for (Map.Entry<Long, SignedMessage<PrePrepare>> e : c.parked.entrySet()) {
            if (e.getKey() <= c.chain.height() + 1) {
                due.add(e.getValue());
            }
        }
        for (SignedMessage<PrePrepare> m : due) {
            c.parked.remove(m.payload().height());
            consider(m, false);
        }
    }

    /** As primary in normal operation: proposes the next height if nothing is outstanding for it. */
    void maybePropose() {
        if (c.changing || !c.isPrimary()) {
            return;
        }
        long h = c.chain.height() + 1;
        Instance inst = c.instances.get(h);
        if (!c.inWatermarks(h) || c.ledger.prePrepare(c.view, h) != null || (inst != null && inst.prePrepare != null)) {
            return;
        }
        Optional<BlockHeader> header = c.source.propose(c.chain.head(), c.now);
        if (header.isEmpty()) {
            return;
        }
        SignedMessage<PrePrepare> pp = c.sign(new PrePrepare(c.view, h, header.get()));
        c.persistAndBroadcast(pp);
        accept(pp);
    }

    /** True if the replica expects a commit: an accepted or parked proposal above the head, or pending events. */
    boolean hasWork() {
        for (Instance inst : c.instances.tailMap(c.chain.height(), false).values()) {
            if (inst.prePrepare != null) {
                return true;
            }
        }
        return !c.parked.isEmpty() || c.source.hasPendingEvents(c.chain.head());
    }

    /** Re-sends this replica's own votes of the current view above the head. */
    void retransmit() {
        if (c.changing) {
            return;
        }
        for (SignedMessage<?> m : c.ledger.normalVotesAbove(c.view, c.chain.height())) {
            c.outbox.broadcast(m);
        }
    }
}
