package io.carbonx.chain.core.pbft;

import io.carbonx.chain.core.ByteWriter;
import io.carbonx.chain.core.Digest;
import io.carbonx.chain.core.Sha256;
import io.carbonx.chain.core.block.ChainState;
import io.carbonx.chain.core.pbft.message.BlockRequest;
import io.carbonx.chain.core.pbft.message.BlockResponse;
import io.carbonx.chain.core.pbft.message.Checkpoint;
import io.carbonx.chain.core.pbft.message.CheckpointProof;
import io.carbonx.chain.core.pbft.message.Commit;
import io.carbonx.chain.core.pbft.message.CommittedBlock;
import io.carbonx.chain.core.pbft.message.NewView;
import io.carbonx.chain.core.pbft.message.PrePrepare;
import io.carbonx.chain.core.pbft.message.Prepare;
import io.carbonx.chain.core.pbft.message.SignedMessage;
import io.carbonx.chain.core.pbft.message.Status;
import io.carbonx.chain.core.pbft.message.ViewChange;
import java.util.List;

/**
 * One PBFT validator (Castro–Liskov, one block per sequence number = height) as a deterministic
 * state machine: no I/O, no clock, no threads. The driver feeds it {@link #onMessage} and
 * {@link #onTick} with the current logical time and executes the returned {@link Action}s in order
 * (persist before send).
 *
 * <p>State: {@code NORMAL(v)} or {@code CHANGING(v → v')}; the committed head h (chain of blocks with
 * commit certificates); the stable checkpoint {@code low}, watermarks {@code (low, low + L]}; per
 * height of the current view an instance (pre-prepare, prepares and commits by distinct author);
 * the P set (highest-view prepared certificate per height above low); the own vote ledger (mirror
 * of the durable vote log). Primary of v = v mod n; quorum q = 2f+1.
 *
 * <p>Transition table ("→" = actions, in emitted order):
 * <pre>
 * input                     | guard                                                     | effect
 * --------------------------+-----------------------------------------------------------+------------------------------------------
 * any message               | author ∉ validators / bad signature                       | Rejected(UNKNOWN_AUTHOR / BAD_SIGNATURE)
 * tick                      | NORMAL(v), me = primary(v), no own PRE-PREPARE(v, h+1),   | persist+broadcast PRE-PREPARE(v,h+1,B)
 *                           | h+1 ≤ high, ProposalSource cuts block B                   |
 * PRE-PREPARE(v,n,B)        | from primary(v), NORMAL(v), low &lt; n ≤ high, nothing      | n ≤ h: accept iff B = own block n;
 *                           | accepted for (v,n) with another digest, no own vote       | n = h+1: rebuild B from the local log:
 *                           | for (v,n) with another digest                             |   same digest → accept, other → Rejected
 *                           |                                                           |   (PROPOSAL_DIGEST_MISMATCH), log not
 *                           |                                                           |   there yet → park (retried on tick);
 *                           |                                                           | n &gt; h+1: park, request catch-up
 *   accept                  | me ≠ primary(v)                                           | persist+broadcast PREPARE(v,n,d)
 * PREPARE(v,n,d)            | NORMAL(v), author ≠ primary(v), in watermarks,            | record (first per author); if accepted
 *                           | first prepare of that author                              | digest ≠ d → Rejected(DIGEST_MISMATCH)
 *   prepared(v,n,d)         | accepted PRE-PREPARE + q−1 matching PREPAREs (distinct)   | persist Prepared(cert), persist+broadcast
 *                           |                                                           | COMMIT(v,n,d)
 * COMMIT(v,n,d)             | NORMAL(v), in watermarks, first commit of that author     | record
 *   committed(v,n,d)        | prepared + q matching COMMITs (distinct)                  | when n = h+1 (then n+1, …): CommitBlock(B,
 *                           |                                                           | q commits), h := n, reset view timeout;
 *                           |                                                           | n mod K = 0 → broadcast CHECKPOINT(n, d)
 * CHECKPOINT(n,d)           | n mod K = 0, low &lt; n ≤ high                               | record; q matching → stable: persist
 *                           |                                                           | proof, TruncateVotes(n), low := n, drop
 *                           |                                                           | logs ≤ n; request catch-up if h &lt; n
 * tick                      | NORMAL(v), work pending, no commit for timeout            | → CHANGING(v+1)
 *   → CHANGING(v')          |                                                           | persist+broadcast VIEW-CHANGE(v', stable
 *                           |                                                           | proof, P set); drop instances of v
 * VIEW-CHANGE(v',C,P)       | v' above current/target view, C and P valid               | record (newest per author); f+1 authors
 *                           |                                                           | ahead → CHANGING(smallest such view)
 *   (me = primary(v'))      | CHANGING(v'), q view changes for v' (own included)        | persist re-issued PRE-PREPAREs (O) and
 *                           |                                                           | NEW-VIEW(v', V, O), broadcast; → NORMAL(v')
 * tick                      | CHANGING(v'), q VIEW-CHANGEs held for timeout (doubling)  | → CHANGING(v'+1)
 * NEW-VIEW(v',V,O)          | from primary(v'), v' ≥ target, V = q valid distinct       | → NORMAL(v'); accept each PRE-PREPARE of
 *                           | VIEW-CHANGEs for v', O = plan(V)                          | O (certified: no log rebuild), PREPARE it
 *                           | otherwise                                                 | Rejected(NEW_VIEW_…)
 * STATUS(v',n',low')        | n' &gt; h or low' &gt; low                                     | send BLOCK-REQUEST(h+1) (rate-limited)
 *                           | NORMAL(v), v' &lt; v                                         | send own NEW-VIEW(v) to the laggard
 * BLOCK-REQUEST(n)          |                                                           | send BLOCK-RESPONSE(blocks n.., stable)
 * committed blocks (topic)  | each block: height h+1, certificate valid, extends chain   | CommitBlock, h := h+1; else BlockRefused
 * BLOCK-RESPONSE(bs, C)     | each block: height h+1, commit certificate valid (q       | CommitBlock, h := h+1; adopt C if valid
 *                           | distinct valid signatures over its hash), extends chain   | and newer; else Rejected(BAD_COMMIT_…)
 * tick (periodic)           |                                                           | re-broadcast own unfinished votes, own
 *                           |                                                           | VIEW-CHANGE, unstable CHECKPOINT; STATUS
 * </pre>
 *
 * <p>Restart: constructed from a {@link DurableState}, the replica reloads its blocks, stable
 * checkpoint, prepared certificates and signed votes; it re-enters the highest view it voted in
 * (CHANGING if its newest vote is a VIEW-CHANGE) and never signs a vote conflicting with a
 * persisted one.
 */
public final class PbftReplica {

    private final ReplicaContext c;
    private final NormalCase normal;
    private final Checkpoints checkpoints;
    private final StateTransfer transfer;
    private final ViewChanges viewChanges;

    /**
     * A validator with id {@code id} in {@code config}'s validator set, restored from {@code durable}.
     *
     * @param signer signs with this validator's key
     * @param verifier verifies any validator's signatures
     * @param source the primary's proposals (its own log and cut rule)
     * @param proposals rebuilds proposals from this validator's own log
     */
    public PbftReplica(PbftConfig config, int id, Signer signer, SignatureVerifier verifier, ProposalSource source,
                       ProposalValidator proposals, DurableState durable) {
        if (!config.validators().contains(id)) {
            throw new IllegalArgumentException("not a validator id: " + id);
        }
        this.c = new ReplicaContext(config, id, signer, verifier, source, proposals);
        this.normal = new NormalCase(c);
        this.checkpoints = new Checkpoints(c);
        this.transfer = new StateTransfer(c, normal, checkpoints);
        this.viewChanges = new ViewChanges(c, normal, checkpoints);
        normal.wire(checkpoints, transfer);
        checkpoints.wire(transfer);
        Recovery.restore(c, checkpoints, durable);
    }

    /** Handles one message received at logical time {@code nowMs}. */
    public List<Action> onMessage(SignedMessage<?> message, long nowMs) {
        c.now = Math.max(c.now, nowMs);
        Verdict auth = c.certs.authenticate(message);
        if (!auth.isOk()) {
            c.reject(message, auth);
            return c.outbox.drain();
        }
        switch (message.type()) {
            case PRE_PREPARE -> normal.onPrePrepare(message.as(PrePrepare.class));
            case PREPARE -> normal.onPrepare(message.as(Prepare.class));
            case COMMIT -> normal.onCommit(message.as(Commit.class));
            case CHECKPOINT -> checkpoints.onCheckpoint(message.as(Checkpoint.class));
            case VIEW_CHANGE -> viewChanges.onViewChange(message.as(ViewChange.class));
            case NEW_VIEW -> viewChanges.onNewView(message.as(NewView.class));
            case STATUS -> transfer.onStatus(message.as(Status.class));
            case BLOCK_REQUEST -> transfer.onBlockRequest(message.as(BlockRequest.class));
            case BLOCK_RESPONSE -> transfer.onBlockResponse(message.as(BlockResponse.class));
            default -> throw new IllegalStateException(message.type().name());
        }
        progress();
        return c.outbox.drain();
    }

    /**
     * Offers committed blocks read from a source that is not a validator message, e.g. the blocks
     * topic. Nothing is trusted: each block is appended only if it is the next height, its commit
     * certificate holds a quorum of valid signatures from distinct validators over its hash, and it
     * chains onto the head; a refused block yields {@link Action.BlockRefused} and stops the batch.
     * Blocks at or below the head are ignored.
     */
    public List<Action> onCommittedBlocks(List<CommittedBlock> blocks, long nowMs) {
        c.now = Math.max(c.now, nowMs);
        transfer.offer(blocks);
        progress();
        return c.outbox.drain();
    }

    /** Advances timers to logical time {@code nowMs}: proposals, parked proposals, view change, retransmission. */
    public List<Action> onTick(long nowMs) {
        c.now = Math.max(c.now, nowMs);
        progress();
        viewChanges.onTimers();
        if (c.now - c.lastRetransmitMs >= c.config.retransmitIntervalMs()) {
            c.lastRetransmitMs = c.now;
            normal.retransmit();
            viewChanges.retransmit();
            checkpoints.retransmit();
        }
        if (c.now - c.lastStatusMs >= c.config.statusIntervalMs()) {
            c.lastStatusMs = c.now;
            transfer.broadcastStatus();
        }
        return c.outbox.drain();
    }

    private void progress() {
        normal.appendReady();
        normal.reconsiderParked();
        normal.maybePropose();
    }

    /** This validator's id. */
    public int id() {
        return c.me;
    }

    /** The last view entered. */
    public long view() {
        return c.view;
    }

    /** True while moving to {@link #targetView()}. */
    public boolean viewChangeInProgress() {
        return c.changing;
    }

    /** The view being moved to (equals {@link #view()} in normal operation). */
    public long targetView() {
        return c.currentTarget();
    }

    /** The committed head. */
    public ChainState head() {
        return c.chain.head();
    }

    /** All committed blocks with their certificates, from height 1. */
    public List<CommittedBlock> committedBlocks() {
        return c.chain.all();
    }

    /** The stable checkpoint. */
    public CheckpointProof stableCheckpoint() {
        return checkpoints.stable();
    }

    /** SHA-256 over view, status, head and stable checkpoint: equal on replicas in the same state. */
    public Digest stateHash() {
        ByteWriter w = new ByteWriter().i64(c.view).u8(c.changing ? 1 : 0).i64(c.currentTarget())
                .i64(c.chain.height()).digest(c.chain.head().headHash())
                .i64(checkpoints.stable().height()).digest(checkpoints.stable().digest());
        return Sha256.hash(w.toByteArray());
    }
}
