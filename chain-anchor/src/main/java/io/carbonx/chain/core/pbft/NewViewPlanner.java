package io.carbonx.chain.core.pbft;

import io.carbonx.chain.core.pbft.message.CheckpointProof;
import io.carbonx.chain.core.pbft.message.PreparedCertificate;
import io.carbonx.chain.core.pbft.message.SignedMessage;
import io.carbonx.chain.core.pbft.message.ViewChange;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Computes what a NEW-VIEW must re-issue from its view changes V (PBFT's O set), deterministically,
 * so the new primary and every backup get the same answer.
 *
 * <ul>
 *   <li>base = the highest stable checkpoint in V (min-s); ties go to the lowest author;</li>
 *   <li>for each height above base, the prepared certificate with the highest view in any P set
 *       of V (equal views: smallest digest);</li>
 *   <li>O re-proposes those blocks for heights base+1, base+2, … up to the first height without a
 *       certificate.</li>
 * </ul>
 *
 * <p>Why stopping at a gap is safe: a block committed at height h in view u was prepared by 2f+1
 * validators, f+1 of them honest; any 2f+1 view changes include one of those, and an honest
 * validator keeps its prepared certificates until a stable checkpoint covers them, so every
 * committed height above base has a certificate in V, and (by induction over views) the one of
 * highest view carries the committed digest. Committed heights are downward closed (a validator
 * appends h only after h−1), so no height above a gap has been committed anywhere.
 */
final class NewViewPlanner {

    /** The plan: the checkpoint to start from and the certificates to re-issue, ascending by height. */
    record Plan(CheckpointProof base, List<PreparedCertificate> reissue) {
    }

    private NewViewPlanner() {
    }

    static Plan plan(List<SignedMessage<ViewChange>> viewChanges) {
        CheckpointProof base = CheckpointProof.genesis();
        for (SignedMessage<ViewChange> vc : viewChanges) {
            CheckpointProof cp = vc.payload().checkpoint();
            if (cp.height() > base.height()) {
                base = cp;
            }
        }
        TreeMap<Long, PreparedCertificate> best = new TreeMap<>();
        for (SignedMessage<ViewChange> vc : viewChanges) {
            for (PreparedCertificate c : vc.payload().prepared()) {
                if (c.height() > base.height()) {
                    best.merge(c.height(), c, NewViewPlanner::higher);
                }
            }
        }
        List<PreparedCertificate> reissue = new ArrayList<>();
        for (long h = base.height() + 1; best.containsKey(h); h++) {
            reissue.add(best.get(h));
        }
        return new Plan(base, reissue);
    }

    private static PreparedCertificate higher(PreparedCertificate a, PreparedCertificate b) {
        if (a.view() != b.view()) {
            return a.view() > b.view() ? a : b;
        }
        return a.digest().compareTo(b.digest()) <= 0 ? a : b;
    }
}
