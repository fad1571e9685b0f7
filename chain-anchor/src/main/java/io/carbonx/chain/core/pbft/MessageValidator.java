package io.carbonx.chain.core.pbft;

import io.carbonx.chain.core.pbft.message.Checkpoint;
import io.carbonx.chain.core.pbft.message.NewView;
import io.carbonx.chain.core.pbft.message.PrePrepare;
import io.carbonx.chain.core.pbft.message.Prepare;
import io.carbonx.chain.core.pbft.message.PreparedCertificate;
import io.carbonx.chain.core.pbft.message.SignedMessage;
import io.carbonx.chain.core.pbft.message.ViewChange;
import java.util.List;
import java.util.function.Predicate;

/**
 * Per-type validation that does not depend on the replica's state (Besu style: one check per
 * message type, each returning a {@link Verdict}). The outer message's signature is checked by the
 * caller; nested messages' signatures are checked here.
 */
final class MessageValidator {

    private final PbftConfig config;
    private final CertificateVerifier certs;

    MessageValidator(PbftConfig config, CertificateVerifier certs) {
        this.config = config;
        this.certs = certs;
    }

    Verdict prePrepare(SignedMessage<PrePrepare> m) {
        PrePrepare pp = m.payload();
        if (m.author() != config.validators().primary(pp.view())) {
            return Verdict.reject(Reason.NOT_FROM_PRIMARY, "view " + pp.view() + " author " + m.author());
        }
        if (pp.view() < 0 || pp.header().height() != pp.height() || !pp.header().chainId().equals(config.chainId())) {
            return Verdict.reject(Reason.MALFORMED, "header does not match pre-prepare");
        }
        return Verdict.ok();
    }

    Verdict prepare(SignedMessage<Prepare> m) {
        if (m.author() == config.validators().primary(m.payload().view())) {
            return Verdict.reject(Reason.PREPARE_FROM_PRIMARY, "view " + m.payload().view());
        }
        return Verdict.ok();
    }

    Verdict checkpoint(SignedMessage<Checkpoint> m) {
        long h = m.payload().height();
        if (h <= 0 || h % config.checkpointInterval() != 0) {
            return Verdict.reject(Reason.MALFORMED, "not a checkpoint height: " + h);
        }
        return Verdict.ok();
    }

    /**
     * A positive new view; a valid checkpoint proof; prepared certificates strictly ascending by
     * height within {@code (checkpoint, checkpoint + L]}, each from a view below the new one and valid.
     */
    Verdict viewChange(SignedMessage<ViewChange> m) {
        ViewChange vc = m.payload();
        if (vc.newView() < 1) {
            return Verdict.reject(Reason.BAD_VIEW_CHANGE, "view " + vc.newView());
        }
        Verdict cp = certs.verifyCheckpointProof(vc.checkpoint(), config.checkpointInterval());
        if (!cp.isOk()) {
            return Verdict.reject(Reason.BAD_VIEW_CHANGE, cp.toString());
        }
        long low = vc.checkpoint().height();
        long previous = low;
        for (PreparedCertificate c : vc.prepared()) {
            if (c.height() <= previous || c.height() > low + config.watermarkWindow() || c.view() >= vc.newView()) {
                return Verdict.reject(Reason.BAD_VIEW_CHANGE, "certificate out of place: h=" + c.height()
                        + " v=" + c.view());
            }
            previous = c.height();
            Verdict pc = certs.verifyPreparedCertificate(c);
            if (!pc.isOk()) {
                return Verdict.reject(Reason.BAD_VIEW_CHANGE, pc.toString());
            }
        }
        return Verdict.ok();
    }

    /**
     * From the new view's primary; at least a quorum of view changes for exactly that view from
     * distinct validators (ascending), each authentic and valid; and re-issued pre-prepares equal to
     * {@link NewViewPlanner#plan} of them, signed by the primary. {@code alreadyValid} lets the caller
     * skip view changes it has validated before.
     */
    Verdict newView(SignedMessage<NewView> m, Predicate<SignedMessage<ViewChange>> alreadyValid) {
        NewView nv = m.payload();
        int primary = config.validators().primary(nv.view());
        if (m.author() != primary) {
            return Verdict.reject(Reason.NOT_FROM_PRIMARY, "new view " + nv.view() + " by " + m.author());
        }
        int lastAuthor = -1;
        for (SignedMessage<ViewChange> vc : nv.viewChanges()) {
            if (vc.author() <= lastAuthor || vc.payload().newView() != nv.view()) {
                return Verdict.reject(Reason.NEW_VIEW_TOO_FEW_VIEW_CHANGES, "view changes not distinct/ascending");
            }
            lastAuthor = vc.author();
            if (!alreadyValid.test(vc)) {
                Verdict auth = certs.authenticate(vc);
                Verdict v = auth.isOk() ? viewChange(vc) : auth;
                if (!v.isOk()) {
                    return Verdict.reject(Reason.NEW_VIEW_TOO_FEW_VIEW_CHANGES, "invalid view change: " + v);
                }
            }
        }
        if (nv.viewChanges().size() < config.validators().quorum()) {
            return Verdict.reject(Reason.NEW_VIEW_TOO_FEW_VIEW_CHANGES, nv.viewChanges().size() + " view changes");
        }
        return checkReissued(nv, primary);
    }

    private Verdict checkReissued(NewView nv, int primary) {
        List<PreparedCertificate> expected = NewViewPlanner.plan(nv.viewChanges()).reissue();
        List<SignedMessage<PrePrepare>> given = nv.prePrepares();
        if (expected.size() != given.size()) {
            return Verdict.reject(Reason.NEW_VIEW_WRONG_PRE_PREPARES,
                    "expected " + expected.size() + " pre-prepares, got " + given.size());
        }
        for (int i = 0; i < given.size(); i++) {
            SignedMessage<PrePrepare> pp = given.get(i);
            PreparedCertificate c = expected.get(i);
            PrePrepare want = new PrePrepare(nv.view(), c.height(), c.prePrepare().payload().header());
            if (pp.author() != primary || !pp.payload().equals(want)) {
                return Verdict.reject(Reason.NEW_VIEW_WRONG_PRE_PREPARES, "pre-prepare " + i + " differs");
            }
            Verdict auth = certs.authenticate(pp);
            if (!auth.isOk()) {
                return Verdict.reject(Reason.NEW_VIEW_WRONG_PRE_PREPARES, auth.toString());
            }
        }
        return Verdict.ok();
    }
}
