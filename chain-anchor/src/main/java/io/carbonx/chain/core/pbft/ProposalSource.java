package io.carbonx.chain.core.pbft;

import io.carbonx.chain.core.block.BlockHeader;
import io.carbonx.chain.core.block.ChainState;
import java.util.Optional;

/** Where a primary gets the next block to propose: its own read of the log and the cut rule. */
public interface ProposalSource {

    /** The header of the next block after {@code head} if one is due at {@code nowMs}. */
    Optional<BlockHeader> propose(ChainState head, long nowMs);

    /** True if the local log holds events {@code head} does not cover (a replica then expects progress). */
    boolean hasPendingEvents(ChainState head);
}
