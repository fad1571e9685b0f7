package io.carbonx.chain.core.pbft.sim;

import io.carbonx.chain.core.Digest;
import io.carbonx.chain.core.block.BlockHeader;
import io.carbonx.chain.core.block.PartitionRange;
import io.carbonx.chain.core.pbft.Action;
import io.carbonx.chain.core.pbft.PbftReplica;
import io.carbonx.chain.core.pbft.Signer;
import io.carbonx.chain.core.pbft.message.BlockResponse;
import io.carbonx.chain.core.pbft.message.Checkpoint;
import io.carbonx.chain.core.pbft.message.Commit;
import io.carbonx.chain.core.pbft.message.CommitCertificate;
import io.carbonx.chain.core.pbft.message.CommittedBlock;
import io.carbonx.chain.core.pbft.message.NewView;
import io.carbonx.chain.core.pbft.message.Payload;
import io.carbonx.chain.core.pbft.message.PrePrepare;
import io.carbonx.chain.core.pbft.message.Prepare;
import io.carbonx.chain.core.pbft.message.PreparedCertificate;
import io.carbonx.chain.core.pbft.message.SignedMessage;
import io.carbonx.chain.core.pbft.message.ViewChange;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A byzantine validator: it runs an honest replica (so it knows the protocol state and can lie
 * plausibly) and distorts what that replica sends according to its {@link Behaviour}. It only holds
 * its own key.
 */
final class ByzantineActor implements SimActor {

    private final int id;
    private final int n;
    private final Behaviour behaviour;
    private final PbftReplica inner;
    private final Signer signer;
    private final String chainId;
    private final Random rnd;
    private final List<SignedMessage<?>> heard = new ArrayList<>();

    ByzantineActor(int id, int n, Behaviour behaviour, PbftReplica inner, Signer signer, String chainId, Random rnd) {
        this.id = id;
        this.n = n;
        this.behaviour = behaviour;
        this.inner = inner;
        this.signer = signer;
        this.chainId = chainId;
        this.rnd = rnd;
    }

    @Override
    public PbftReplica replica() {
        return inner;
    }

    @Override
    public List<Action> onMessage(SignedMessage<?> message, long nowMs) {
        if (heard.size() < 512) {
            heard.add(message);
        } else {
            heard.set(rnd.nextInt(heard.size()), message);
        }
        return distort(inner.onMessage(message, nowMs));
    }

    @Override
    public List<Action> onTick(long nowMs) {
        List<Action> out = distort(inner.onTick(nowMs));
        if (behaviour == Behaviour.REPLAY && !heard.isEmpty()) {
            for (int i = 0; i < 3; i++) {
                out.add(new Action.Send(peer(), heard.get(rnd.nextInt(heard.size()))));
            }
        }
        if (behaviour == Behaviour.WRONG_DIGEST) {
            Commit spray = new Commit(inner.view(), inner.head().height() + 1, randomDigest());
            out.add(new Action.Send(peer(), sign(spray)));
        }
        return out;
    }

    private int peer() {
        int p = rnd.nextInt(n - 1);
        return p >= id ? p + 1 : p;
    }

    private List<Action> distort(List<Action> actions) {
        List<Action> out = new ArrayList<>();
        for (Action a : actions) {
            if (a instanceof Action.Broadcast b) {
                for (int to = 0; to < n; to++) {
                    if (to != id) {
                        variants(to, b.message(), out);
                    }
                }
            } else if (a instanceof Action.Send s) {
                variants(s.to(), s.message(), out);
            }
        }
        return out;
    }

    private void variants(int to, SignedMessage<?> m, List<Action> out) {
        Payload p = m.payload();
        switch (behaviour) {
            case SILENT -> { }
            case EQUIVOCATE -> out.add(new Action.Send(to, p instanceof PrePrepare pp && to % 2 == 1
                    ? sign(new PrePrepare(pp.view(), pp.height(), retimed(pp.header(), 1 + to))) : m));
            case FORGE -> {
                out.add(new Action.Send(to, m));
                int claimed = rnd.nextInt(n);
                out.add(new Action.Send(to, new SignedMessage<>(p, claimed == id ? (id + 1) % n : claimed,
                        m.signature())));
                byte[] garbage = new byte[m.signature().length];
                rnd.nextBytes(garbage);
                out.add(new Action.Send(to, new SignedMessage<>(p, id, garbage)));
            }
            case WRONG_DIGEST -> out.add(new Action.Send(to, wrongDigest(m)));
            case FAKE_EVENTS -> out.add(new Action.Send(to, p instanceof PrePrepare pp ? sign(invented(pp)) : m));
            case LYING_VIEW_CHANGES -> out.add(new Action.Send(to, lie(m)));
            default -> out.add(new Action.Send(to, m));
        }
    }

    private SignedMessage<?> sign(Payload p) {
        return SignedMessage.sign(chainId, p, id, signer);
    }

    private Digest randomDigest() {
        byte[] b = new byte[32];
        rnd.nextBytes(b);
        return Digest.of(b);
    }

    private static BlockHeader retimed(BlockHeader h, long delta) {
        return new BlockHeader(h.chainId(), h.height(), h.previousHash(), h.merkleRoot(), h.treeSize(), h.ranges(),
                h.timeMs() + delta);
    }

    private SignedMessage<?> wrongDigest(SignedMessage<?> m) {
        Payload p = m.payload();
        if (p instanceof Prepare pr) {
            return sign(new Prepare(pr.view(), pr.height(), randomDigest()));
        }
        if (p instanceof Commit c) {
            return sign(new Commit(c.view(), c.height(), randomDigest()));
        }
        if (p instanceof Checkpoint c) {
            return sign(new Checkpoint(c.height(), randomDigest()));
        }
        return m;
    }

    /** Odd heights: events beyond anything in the log; even heights: a forged Merkle root. */
    private PrePrepare invented(PrePrepare pp) {
        BlockHeader h = pp.header();
        if (pp.height() % 2 == 1) {
            List<PartitionRange> ranges = new ArrayList<>(h.ranges());
            PartitionRange last = ranges.remove(ranges.size() - 1);
            ranges.add(new PartitionRange(last.topicPartition(), last.fromOffset(), last.toOffsetExclusive() + 1_000));
            return new PrePrepare(pp.view(), pp.height(), new BlockHeader(h.chainId(), h.height(), h.previousHash(),
                    randomDigest(), h.treeSize() + 5, ranges, h.timeMs()));
        }
        return new PrePrepare(pp.view(), pp.height(), new BlockHeader(h.chainId(), h.height(), h.previousHash(),
                randomDigest(), h.treeSize(), h.ranges(), h.timeMs()));
    }

    private SignedMessage<?> lie(SignedMessage<?> m) {
        Payload p = m.payload();
        if (p instanceof ViewChange vc) {
            long h = vc.checkpoint().height() + 1;
            BlockHeader fake = new BlockHeader(chainId, h, randomDigest(), randomDigest(), 1,
                    List.of(new PartitionRange("orders", 0, 0, 1)), 0);
            long oldView = Math.max(0, vc.newView() - 1);
            SignedMessage<PrePrepare> pp = new SignedMessage<>(new PrePrepare(oldView, h, fake), (int) (oldView % n),
                    signer.sign(new byte[] {1}));
            List<SignedMessage<Prepare>> prepares = new ArrayList<>();
            for (int a = 0; a < n; a++) {
                prepares.add(new SignedMessage<>(new Prepare(oldView, h, fake.hash()), a, signer.sign(new byte[] {2})));
            }
            return sign(new ViewChange(vc.newView(), vc.checkpoint(), List.of(new PreparedCertificate(pp, prepares))));
        }
        if (p instanceof NewView nv) {
            List<SignedMessage<PrePrepare>> o = new ArrayList<>(nv.prePrepares());
            if (o.isEmpty()) {
                return m; // nothing to corrupt plausibly; an honest new view
            }
            SignedMessage<PrePrepare> last = o.remove(o.size() - 1);
            PrePrepare lp = last.payload();
            o.add(SignedMessage.sign(chainId, new PrePrepare(lp.view(), lp.height(), retimed(lp.header(), 1)), id,
                    signer));
            return sign(new NewView(nv.view(), nv.viewChanges(), o));
        }
        if (p instanceof BlockResponse r && !r.blocks().isEmpty()) {
            List<CommittedBlock> forged = new ArrayList<>();
            for (CommittedBlock b : r.blocks()) {
                List<SignedMessage<Commit>> commits = new ArrayList<>(b.certificate().commits());
                SignedMessage<Commit> first = commits.remove(0);
                commits.add(new SignedMessage<>(first.payload(), first.author(), signer.sign(new byte[] {3})));
                forged.add(new CommittedBlock(b.header(), new CommitCertificate(commits)));
            }
            return sign(new BlockResponse(forged, r.stableCheckpoint()));
        }
        return m;
    }
}
