package io.carbonx.chain.core.pbft;

import io.carbonx.chain.core.Digest;
import io.carbonx.chain.core.pbft.message.NewView;
import io.carbonx.chain.core.pbft.message.PrePrepare;
import io.carbonx.chain.core.pbft.message.PreparedCertificate;
import io.carbonx.chain.core.pbft.message.SignedMessage;
import io.carbonx.chain.core.pbft.message.ViewChange;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * View changes: the progress timer, VIEW-CHANGE (with the P set), joining when f+1 validators are
 * ahead, the new primary's NEW-VIEW, and validating and entering a NEW-VIEW.
 *
 * <p>Timers (PBFT §4.4/4.5.2): in normal operation, a replica that has work (a proposal above its
 * head or pending log events) and sees no commit for {@code timeout} moves to view+1. While changing
 * to view v', the timer starts only once 2f+1 validators have asked for views ≥ v' (PBFT asks for
 * 2f+1 VIEW-CHANGEs for exactly v'; counting higher views too avoids a deadlock when some honest
 * validators already moved past v' and their VIEW-CHANGEs for v' were lost); if no valid NEW-VIEW
 * arrives in time it moves to v'+1. Each consecutive view change doubles the timeout (capped); a
 * commit resets it. Building a NEW-VIEW still needs 2f+1 VIEW-CHANGEs for exactly the new view.
 */
final class ViewChanges {

    private final ReplicaContext c;
    private final NormalCase normal;
    private final Checkpoints checkpoints;

    ViewChanges(ReplicaContext c, NormalCase normal, Checkpoints checkpoints) {
        this.c = c;
        this.normal = normal;
        this.checkpoints = checkpoints;
    }

    void onTimers() {
        if (!c.changing) {
            if (!normal.hasWork()) {
                c.workSinceMs = -1;
            } else if (c.workSinceMs < 0) {
                c.workSinceMs = c.now;
            } else if (c.now - c.workSinceMs >= c.timeoutMs()) {
                startViewChange(c.view + 1);
            }
            return;
        }
        if (c.viewChangeTimerStartMs < 0 && countAtLeast(c.targetView) >= c.quorum()) {
            c.viewChangeTimerStartMs = c.now;
        }
        if (c.viewChangeTimerStartMs >= 0 && c.now - c.viewChangeTimerStartMs >= c.timeoutMs()) {
            startViewChange(c.targetView + 1);
        }
    }

    /** Validators (own included) whose newest VIEW-CHANGE asks for {@code view} or a higher view. */
    private int countAtLeast(long view) {
        int n = 0;
        for (SignedMessage<ViewChange> vc : c.viewChanges.values()) {
            if (vc.payload().newView() >= view) {
                n++;
            }
        }
        return n;
    }

    private int countFor(long view) {
        int n = 0;
        for (SignedMessage<ViewChange> vc : c.viewChanges.values()) {
            if (vc.payload().newView() == view) {
                n++;
            }
        }
        return n;
    }

    /** Stops taking part in the current view and asks for {@code newView}. */
    void startViewChange(long newView) {
        if (newView <= c.currentTarget()) {
            return;
        }
        c.changing = true;
        c.targetView = newView;
        c.timeoutAttempt = Math.min(c.timeoutAttempt + 1, 30);
        c.viewChangeTimerStartMs = -1;
        c.workSinceMs = -1;
        c.instances.clear();
        c.parked.clear();
        SignedMessage<ViewChange> vc = c.ledger.viewChange(newView);
        if (vc == null) {
            List<PreparedCertificate> p = new ArrayList<>(c.prepared.tailMap(c.low(), false).values());
            vc = c.sign(new ViewChange(newView, checkpoints.stable(), p));
            c.persistAndBroadcast(vc);
        } else {
            c.outbox.broadcast(vc);
        }
        c.viewChanges.put(c.me, vc);
        tryNewView();
    }

    private boolean stale(long view) {
        return c.changing ? view < c.targetView : view <= c.view;
    }

    void onViewChange(SignedMessage<ViewChange> m) {
        ViewChange vc = m.payload();
        if (stale(vc.newView())) {
            if (!c.changing && vc.newView() == c.view && c.currentNewView != null) {
                c.outbox.send(m.author(), c.currentNewView);
            }
            return;
        }
        SignedMessage<ViewChange> previous = c.viewChanges.get(m.author());
        if (previous != null && previous.payload().newView() >= vc.newView()) {
            return;
        }
        Verdict v = c.validator.viewChange(m);
        if (!v.isOk()) {
            c.reject(m, v);
            return;
        }
        c.viewChanges.put(m.author(), m);
        checkpoints.adopt(vc.checkpoint());
        joinIfAhead();
        tryNewView();
    }

    /** PBFT liveness rule: f+1 validators asking for views above ours means ours is hopeless. */
    private void joinIfAhead() {
        TreeSet<Long> ahead = new TreeSet<>();
        int authors = 0;
        for (SignedMessage<ViewChange> vc : c.viewChanges.values()) {
            if (vc.author() != c.me && vc.payload().newView() > c.currentTarget()) {
                authors++;
                ahead.add(vc.payload().newView());
            }
        }
        if (authors >= c.validators.maxFaulty() + 1) {
            startViewChange(ahead.first());
        }
    }

    /** As primary of the target view with 2f+1 view changes for it: builds, sends and enters NEW-VIEW. */
    private void tryNewView() {
        if (!c.changing || c.primary(c.targetView) != c.me || countFor(c.targetView) < c.quorum()) {
            return;
        }
        long v = c.targetView;
        List<SignedMessage<ViewChange>> chosen = new ArrayList<>();
        chosen.add(c.viewChanges.get(c.me));
        for (SignedMessage<ViewChange> vc : c.viewChanges.values()) {
            if (vc.author() != c.me && vc.payload().newView() == v && chosen.size() < c.quorum()) {
                chosen.add(vc);
            }
        }
        chosen.sort((a, b) -> Integer.compare(a.author(), b.author()));
        NewViewPlanner.Plan plan = NewViewPlanner.plan(chosen);
        List<SignedMessage<PrePrepare>> reissued = new ArrayList<>();
        List<SignedMessage<PrePrepare>> fresh = new ArrayList<>();
        for (PreparedCertificate cert : plan.reissue()) {
            SignedMessage<PrePrepare> existing = c.ledger.prePrepare(v, cert.height());
            if (existing != null && !existing.payload().digest().equals(cert.digest())) {
                return; // restarted mid-way with other view changes: let the timer move on
            }
            SignedMessage<PrePrepare> pp = existing != null ? existing
                    : c.sign(new PrePrepare(v, cert.height(), cert.prePrepare().payload().header()));
            reissued.add(pp);
            if (existing == null) {
                fresh.add(pp);
            }
        }
        for (SignedMessage<PrePrepare> pp : fresh) {
            c.ledger.record(pp);
            c.outbox.persist(new VoteRecord.SentVote(pp));
        }
        SignedMessage<NewView> nv = c.sign(new NewView(v, chosen, reissued));
        c.persistAndBroadcast(nv);
        enter(nv, plan);
    }

    void onNewView(SignedMessage<NewView> m) {
        NewView nv = m.payload();
        if (stale(nv.view())) {
            if (nv.view() < c.currentTarget()) {
                c.reject(m, Reason.STALE_VIEW, "new view " + nv.view() + " while at " + c.currentTarget());
            }
            return;
        }
        Verdict v = c.validator.newView(m, vc -> vc.equals(c.viewChanges.get(vc.author())));
        if (!v.isOk()) {
            c.reject(m, v);
            return;
        }
        enter(m, NewViewPlanner.plan(nv.viewChanges()));
    }

    private void enter(SignedMessage<NewView> nv, NewViewPlanner.Plan plan) {
        long v = nv.payload().view();
        c.view = v;
        c.changing = false;
        c.targetView = v;
        c.currentNewView = nv;
        c.viewChangeTimerStartMs = -1;
        c.workSinceMs = -1;
        c.instances.clear();
        c.parked.clear();
        c.viewChanges.values().removeIf(vc -> vc.payload().newView() <= v);
        checkpoints.adopt(plan.base());
        c.outbox.viewEntered(v, c.primary(v));
        for (SignedMessage<PrePrepare> pp : nv.payload().prePrepares()) {
            long h = pp.payload().height();
            Digest own = c.ledger.votedDigest(v, h);
            if (!c.inWatermarks(h) || (own != null && !own.equals(pp.payload().digest()))) {
                continue;
            }
            normal.consider(pp, true);
        }
    }

    /** Re-sends the own VIEW-CHANGE while changing views. */
    void retransmit() {
        if (c.changing) {
            SignedMessage<ViewChange> vc = c.ledger.viewChange(c.targetView);
            if (vc != null) {
                c.outbox.broadcast(vc);
            }
        }
    }
}
