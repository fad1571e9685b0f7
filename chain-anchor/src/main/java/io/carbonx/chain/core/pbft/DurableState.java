package io.carbonx.chain.core.pbft;

import io.carbonx.chain.core.pbft.message.CommittedBlock;
import java.util.List;

/**
 * What a validator finds on disk when it (re)starts: its vote log (after applying every
 * {@link Action.Persist} and {@link Action.TruncateVotes}) and its committed blocks (every
 * {@link Action.CommitBlock}, ascending). Either may be empty: a validator whose block store was
 * lost catches up from its peers.
 *
 * @param votes the vote log in append order
 * @param blocks committed blocks from height 1, consecutive
 */
public record DurableState(List<VoteRecord> votes, List<CommittedBlock> blocks) {

    /** Copies the lists. */
    public DurableState {
        votes = List.copyOf(votes);
        blocks = List.copyOf(blocks);
    }

    /** A validator's first start. */
    public static DurableState empty() {
        return new DurableState(List.of(), List.of());
    }
}
