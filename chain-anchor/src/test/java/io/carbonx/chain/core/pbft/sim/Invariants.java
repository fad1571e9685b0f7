package io.carbonx.chain.core.pbft.sim;

import io.carbonx.chain.core.Digest;
import io.carbonx.chain.core.Sha256;
import io.carbonx.chain.core.block.BlockHeader;
import io.carbonx.chain.core.block.LogEvent;
import io.carbonx.chain.core.block.PartitionRange;
import io.carbonx.chain.core.block.TopicPartition;
import io.carbonx.chain.core.merkle.MerkleTree;
import io.carbonx.chain.core.pbft.SignatureVerifier;
import io.carbonx.chain.core.pbft.message.Commit;
import io.carbonx.chain.core.pbft.message.CommittedBlock;
import io.carbonx.chain.core.pbft.message.NewView;
import io.carbonx.chain.core.pbft.message.Payload;
import io.carbonx.chain.core.pbft.message.PayloadCodec;
import io.carbonx.chain.core.pbft.message.PrePrepare;
import io.carbonx.chain.core.pbft.message.Prepare;
import io.carbonx.chain.core.pbft.message.SignedMessage;
import io.carbonx.chain.core.pbft.message.ViewChange;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The safety invariants, checked incrementally as honest validators act (i.e. after every step). They
 * are written against the raw data (SHA-256, the signature verifier, the global log), not through
 * the replica's own validation code.
 */
final class Invariants {

    /** A broken invariant. */
    static final class Violation extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Violation(String message) {
            super(message);
        }
    }

    private final String chainId;
    private final int n;
    private final int quorum;
    private final List<byte[]> keys;
    private final SignatureVerifier verifier;
    private final GlobalLog log;
    /** height → hash of the first honest commit at that height. */
    private final TreeMap<Long, Digest> agreed = new TreeMap<>();
    /** Next offset per partition along the agreed chain (for the validity check). */
    private final Map<Long, Map<TopicPartition, Long>> offsetsAfter = new HashMap<>();
    private final Map<Integer, CommittedBlock> lastOfNode = new HashMap<>();
    private final Map<String, Payload> votes = new HashMap<>();
    private final Map<Integer, Set<SignedMessage<?>>> persisted = new HashMap<>();

    Invariants(String chainId, List<byte[]> keys, SignatureVerifier verifier, GlobalLog log) {
        this.chainId = chainId;
        this.n = keys.size();
        this.quorum = 2 * ((n - 1) / 3) + 1;
        this.keys = keys;
        this.verifier = verifier;
        this.log = log;
        offsetsAfter.put(0L, new TreeMap<>());
    }

    long agreedHeight() {
        return agreed.isEmpty() ? 0 : agreed.lastKey();
    }

    /** Honest validator {@code node} appended {@code block} to its chain. */
    void onCommit(int node, CommittedBlock block) {
        BlockHeader h = block.header();
        Digest hash = Sha256.hash(h.canonicalBytes());
        CommittedBlock last = lastOfNode.get(node);
        long expected = last == null ? 1 : last.height() + 1;
        Digest previous = last == null ? Digest.ZERO : Sha256.hash(last.header().canonicalBytes());
        if (h.height() != expected || !h.previousHash().equals(previous)) {
            throw new Violation("hash chain broken at node " + node + ": got height " + h.height() + " prev "
                    + h.previousHash() + ", expected " + expected + " prev " + previous);
        }
        checkCertificate(block, hash);
        Digest first = agreed.putIfAbsent(h.height(), hash);
        if (first != null && !first.equals(hash)) {
            throw new Violation("FORK at height " + h.height() + ": node " + node + " committed " + hash
                    + " but " + first + " was committed before");
        }
        if (first == null) {
            checkAnchorsTheLog(h);
        }
        lastOfNode.put(node, block);
    }

    /** Node {@code node} lost its block store; its chain restarts from height 1. */
    void onBlocksLost(int node) {
        lastOfNode.remove(node);
    }

    private void checkCertificate(CommittedBlock block, Digest hash) {
        Set<Integer> signers = new HashSet<>();
        Long view = null;
        for (SignedMessage<Commit> c : block.certificate().commits()) {
            Commit p = c.payload();
            if (p.height() != block.height() || !p.digest().equals(hash) || (view != null && p.view() != view)) {
                throw new Violation("certificate of height " + block.height() + " holds a foreign commit " + p);
            }
            view = p.view();
            int a = c.author();
            boolean valid = a >= 0 && a < n && verifier.verify(keys.get(a),
                    SignedMessage.signingBytes(chainId, PayloadCodec.encode(p)), c.signature());
            if (!valid) {
                throw new Violation("certificate of height " + block.height() + " has an invalid signature by " + a);
            }
            signers.add(a);
        }
        if (signers.size() < quorum) {
            throw new Violation("certificate of height " + block.height() + " has " + signers.size()
                    + " distinct signers < " + quorum);
        }
    }

    /** The first commit of a height: its ranges continue the chain and its root is over the real events. */
    private void checkAnchorsTheLog(BlockHeader h) {
        Map<TopicPartition, Long> before = offsetsAfter.get(h.height() - 1);
        if (before == null) {
            throw new Violation("height " + h.height() + " agreed before height " + (h.height() - 1));
        }
        Map<TopicPartition, Long> after = new TreeMap<>(before);
        List<byte[]> leaves = new ArrayList<>();
        for (PartitionRange r : h.ranges()) {
            if (r.fromOffset() != before.getOrDefault(r.topicPartition(), 0L)) {
                throw new Violation("height " + h.height() + " skips or repeats offsets of " + r.topicPartition());
            }
            List<LogEvent> events = log.range(r.topicPartition(), r.fromOffset(), r.toOffsetExclusive());
            if (events.isEmpty() || events.get(events.size() - 1).offset() != r.toOffsetExclusive() - 1) {
                throw new Violation("height " + h.height() + " anchors events that are not in the log: " + r);
            }
            for (LogEvent e : events) {
                leaves.add(e.bytes());
            }
            after.put(r.topicPartition(), r.toOffsetExclusive());
        }
        if (leaves.size() != h.treeSize() || !MerkleTree.ofData(leaves).root().equals(h.merkleRoot())) {
            throw new Violation("height " + h.height() + " Merkle root/size does not match the log's events");
        }
        offsetsAfter.put(h.height(), after);
    }

    /** Honest {@code node} persisted {@code m} (a signed vote). */
    void onPersist(int node, SignedMessage<?> m) {
        persisted.computeIfAbsent(node, k -> new HashSet<>()).add(m);
    }

    /**
     * Truncation drops votes only at or below a stable checkpoint that was persisted first; a replica
     * never votes there again, so a vote persisted and then truncated in the same step may still be
     * sent. The set of votes "persisted before being sent" therefore never shrinks.
     */
    void onTruncate(int node, List<SignedMessage<?>> kept) {
        persisted.computeIfAbsent(node, k -> new HashSet<>()).addAll(kept);
    }

    /**
     * Honest {@code node} sends {@code m}: a vote it authored must have been persisted first and must
     * not conflict with any vote it ever sent before (across restarts).
     */
    void onSend(int node, SignedMessage<?> m) {
        Payload p = m.payload();
        String key = voteKey(p);
        if (key == null || m.author() != node) {
            return;
        }
        if (!persisted.getOrDefault(node, Set.of()).contains(m)) {
            throw new Violation("node " + node + " sent a vote it had not persisted: " + m);
        }
        Payload previous = votes.putIfAbsent(node + "/" + key, p);
        if (previous != null && !sameVote(previous, p)) {
            throw new Violation("node " + node + " EQUIVOCATED: " + previous + " then " + p);
        }
    }

    private static String voteKey(Payload p) {
        if (p instanceof PrePrepare pp) {
            return "PP/" + pp.view() + "/" + pp.height();
        }
        if (p instanceof Prepare pr) {
            return "P/" + pr.view() + "/" + pr.height();
        }
        if (p instanceof Commit c) {
            return "C/" + c.view() + "/" + c.height();
        }
        if (p instanceof ViewChange vc) {
            return "VC/" + vc.newView();
        }
        if (p instanceof NewView nv) {
            return "NV/" + nv.view();
        }
        return null;
    }

    private static boolean sameVote(Payload a, Payload b) {
        if (a instanceof PrePrepare x && b instanceof PrePrepare y) {
            return x.digest().equals(y.digest());
        }
        if (a instanceof Prepare x && b instanceof Prepare y) {
            return x.digest().equals(y.digest());
        }
        if (a instanceof Commit x && b instanceof Commit y) {
            return x.digest().equals(y.digest());
        }
        return a.equals(b);
    }
}
