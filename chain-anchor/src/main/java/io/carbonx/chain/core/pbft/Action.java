package io.carbonx.chain.core.pbft;

import io.carbonx.chain.core.pbft.message.CommittedBlock;
import io.carbonx.chain.core.pbft.message.SignedMessage;

/**
 * What the replica asks its driver to do. Within one returned list the order is binding and is
 * always: every {@link Persist} (make durable, fsync), then {@link TruncateVotes}, then
 * {@link CommitBlock}, then {@link Send}/{@link Broadcast}, then diagnostics. A driver that stops
 * midway (crash) has therefore never sent a vote it did not persist.
 */
public sealed interface Action {

    /** Durably append {@code record} to the vote log before executing any later action. */
    record Persist(VoteRecord record) implements Action {
    }

    /** Durably drop records made obsolete by the stable checkpoint (see {@link VoteRecord#retain}). */
    record TruncateVotes(long stableHeight) implements Action {
    }

    /** Append the committed block (with its certificate) to the validator's block store and publish it. */
    record CommitBlock(CommittedBlock block) implements Action {
    }

    /** Send {@code message} to validator {@code to}. */
    record Send(int to, SignedMessage<?> message) implements Action {
    }

    /** Send {@code message} to every other validator. */
    record Broadcast(SignedMessage<?> message) implements Action {
    }

    /** Diagnostic: {@code message} was refused for {@code reason}; nothing changed. */
    record Rejected(SignedMessage<?> message, Reason reason, String detail) implements Action {
    }

    /**
     * Diagnostic: a committed block offered by an untrusted source ({@link PbftReplica#onCommittedBlocks})
     * was refused for {@code reason}; nothing changed.
     */
    record BlockRefused(long height, Reason reason, String detail) implements Action {
    }

    /** Diagnostic: the replica entered {@code view} (primary {@code primary}). */
    record ViewEntered(long view, int primary) implements Action {
    }
}
