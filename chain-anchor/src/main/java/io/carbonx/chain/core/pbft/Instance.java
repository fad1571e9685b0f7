package io.carbonx.chain.core.pbft;

import io.carbonx.chain.core.Digest;
import io.carbonx.chain.core.pbft.message.Commit;
import io.carbonx.chain.core.pbft.message.PrePrepare;
import io.carbonx.chain.core.pbft.message.Prepare;
import io.carbonx.chain.core.pbft.message.SignedMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The message log of one consensus instance (current view, one height): the accepted pre-prepare
 * and, per author, the first prepare and first commit received. Votes are keyed by author, so a
 * validator is counted at most once towards any quorum.
 */
final class Instance {

    final long height;
    SignedMessage<PrePrepare> prePrepare;
    Digest digest;
    final TreeMap<Integer, SignedMessage<Prepare>> prepares = new TreeMap<>();
    final TreeMap<Integer, SignedMessage<Commit>> commits = new TreeMap<>();
    boolean prepared;
    boolean committed;

    Instance(long height) {
        this.height = height;
    }

    void accept(SignedMessage<PrePrepare> pp) {
        this.prePrepare = pp;
        this.digest = pp.payload().digest();
    }

    /** Prepares for the accepted digest from distinct authors other than {@code primary}, ascending by author. */
    List<SignedMessage<Prepare>> matchingPrepares(int primary) {
        List<SignedMessage<Prepare>> out = new ArrayList<>();
        for (SignedMessage<Prepare> p : prepares.values()) {
            if (p.author() != primary && p.payload().digest().equals(digest)) {
                out.add(p);
            }
        }
        return out;
    }

    /** Commits for the accepted digest from distinct authors, ascending by author. */
    List<SignedMessage<Commit>> matchingCommits() {
        List<SignedMessage<Commit>> out = new ArrayList<>();
        for (SignedMessage<Commit> c : commits.values()) {
            if (c.payload().digest().equals(digest)) {
                out.add(c);
            }
        }
        return out;
    }
}
