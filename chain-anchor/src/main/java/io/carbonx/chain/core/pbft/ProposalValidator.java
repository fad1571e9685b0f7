package io.carbonx.chain.core.pbft;

import io.carbonx.chain.core.block.BlockHeader;
import io.carbonx.chain.core.block.ChainState;

/**
 * A backup's check of a proposal against its own read of the log. It rebuilds the proposed block
 * from the events it read itself and returns the digest it computes; the replica prepares only if
 * that digest equals the proposal's.
 */
public interface ProposalValidator {

    /** Rebuilds {@code proposal} on top of {@code head} from the local log at local time {@code nowMs}. */
    ProposalCheck check(ChainState head, BlockHeader proposal, long nowMs);
}
