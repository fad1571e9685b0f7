package io.carbonx.chain.core.pbft;

import io.carbonx.chain.core.Digest;
import io.carbonx.chain.core.pbft.message.Commit;
import io.carbonx.chain.core.pbft.message.MessageType;
import io.carbonx.chain.core.pbft.message.NewView;
import io.carbonx.chain.core.pbft.message.Payload;
import io.carbonx.chain.core.pbft.message.PrePrepare;
import io.carbonx.chain.core.pbft.message.Prepare;
import io.carbonx.chain.core.pbft.message.SignedMessage;
import io.carbonx.chain.core.pbft.message.ViewChange;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The votes this replica signed, by (type, view, height), mirrored from its durable vote log. It is
 * what prevents equivocation: before signing, the replica asks whether it already voted at that
 * view and height, and for which digest.
 */
final class VoteLedger {

    private record Key(int type, long view, long height) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int c = Integer.compare(type, o.type);
            if (c != 0) {
                return c;
            }
            c = Long.compare(view, o.view);
            return c != 0 ? c : Long.compare(height, o.height);
        }
    }

    private final TreeMap<Key, SignedMessage<?>> votes = new TreeMap<>();

    void record(SignedMessage<?> m) {
        votes.put(keyOf(m.payload()), m);
    }

    private static Key keyOf(Payload p) {
        if (p instanceof PrePrepare pp) {
            return new Key(MessageType.PRE_PREPARE.tag(), pp.view(), pp.height());
        }
        if (p instanceof Prepare pr) {
            return new Key(MessageType.PREPARE.tag(), pr.view(), pr.height());
        }
        if (p instanceof Commit c) {
            return new Key(MessageType.COMMIT.tag(), c.view(), c.height());
        }
        if (p instanceof ViewChange vc) {
            return new Key(MessageType.VIEW_CHANGE.tag(), vc.newView(), 0);
        }
        if (p instanceof NewView nv) {
            return new Key(MessageType.NEW_VIEW.tag(), nv.view(), 0);
        }
        throw new IllegalArgumentException("not a vote: " + p.type());
    }

    private <P extends Payload> SignedMessage<P> get(MessageType type, long view, long height, Class<P> cls) {
        SignedMessage<?> m = votes.get(new Key(type.tag(), view, height));
        return m == null ? null : m.as(cls);
    }

    SignedMessage<PrePrepare> prePrepare(long view, long height) {
        return get(MessageType.PRE_PREPARE, view, height, PrePrepare.class);
    }

    SignedMessage<Prepare> prepare(long view, long height) {
        return get(MessageType.PREPARE, view, height, Prepare.class);
    }

    SignedMessage<Commit> commit(long view, long height) {
        return get(MessageType.COMMIT, view, height, Commit.class);
    }

    SignedMessage<ViewChange> viewChange(long view) {
        return get(MessageType.VIEW_CHANGE, view, 0, ViewChange.class);
    }

    SignedMessage<NewView> newView(long view) {
        return get(MessageType.NEW_VIEW, view, 0, NewView.class);
    }

    /** The digest this replica already endorsed at (view, height) by pre-prepare, prepare or commit. */
    Digest votedDigest(long view, long height) {
        SignedMessage<PrePrepare> pp = prePrepare(view, height);
        if (pp != null) {
            return pp.payload().digest();
        }
        SignedMessage<Prepare> p = prepare(view, height);
        if (p != null) {
            return p.payload().digest();
        }
        SignedMessage<Commit> c = commit(view, height);
        return c == null ? null : c.payload().digest();
    }

    /** Highest view of a VIEW-CHANGE sent; -1 if none. */
    long maxViewChange() {
        return maxView(MessageType.VIEW_CHANGE);
    }

    /** Highest view in which this replica took part in normal operation (pre-prepare, prepare, commit, new view). */
    long maxNormalView() {
        long max = 0;
        for (MessageType t : List.of(MessageType.PRE_PREPARE, MessageType.PREPARE, MessageType.COMMIT,
                MessageType.NEW_VIEW)) {
            max = Math.max(max, maxView(t));
        }
        return max;
    }

    private long maxView(MessageType type) {
        long max = -1;
        for (Key k : votes.keySet()) {
            if (k.type == type.tag()) {
                max = Math.max(max, k.view);
            }
        }
        return max;
    }

    /** Own pre-prepares, prepares and commits of {@code view} above {@code height}, by height then type. */
    List<SignedMessage<?>> normalVotesAbove(long view, long height) {
        TreeMap<Key, SignedMessage<?>> byHeight = new TreeMap<>((a, b) -> {
            int c = Long.compare(a.height, b.height);
            return c != 0 ? c : Integer.compare(a.type, b.type);
        });
        for (Map.Entry<Key, SignedMessage<?>> e : votes.entrySet()) {
            Key k = e.getKey();
            boolean normal = k.type == MessageType.PRE_PREPARE.tag() || k.type == MessageType.PREPARE.tag()
                    || k.type == MessageType.COMMIT.tag();
            if (normal && k.view == view && k.height > height) {
                byHeight.put(k, e.getValue());
            }
        }
        return new ArrayList<>(byHeight.values());
    }

    /** Drops normal votes at or below {@code stableHeight} and all but the newest view change / new view. */
    void truncate(long stableHeight) {
        long maxVc = maxViewChange();
        long maxNv = maxView(MessageType.NEW_VIEW);
        votes.keySet().removeIf(k -> {
            if (k.type == MessageType.VIEW_CHANGE.tag()) {
                return k.view < maxVc;
            }
            if (k.type == MessageType.NEW_VIEW.tag()) {
                return k.view < maxNv;
            }
            return k.height <= stableHeight;
        });
    }
}
