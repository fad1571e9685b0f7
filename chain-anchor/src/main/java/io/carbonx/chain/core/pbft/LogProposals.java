package io.carbonx.chain.core.pbft;

import io.carbonx.chain.core.block.Block;
import io.carbonx.chain.core.block.BlockBuilder;
import io.carbonx.chain.core.block.BlockHeader;
import io.carbonx.chain.core.block.BlockRejection;
import io.carbonx.chain.core.block.ChainState;
import io.carbonx.chain.core.block.LocalLog;
import java.util.Optional;

/**
 * Proposal source and validator backed by a {@link LocalLog} and a {@link BlockBuilder}: a primary
 * proposes what the cut rule gives on its log; a backup rebuilds the proposal's ranges from its own
 * log. Proposals dated more than {@code maxClockSkewMs} ahead of the local clock are refused.
 */
public final class LogProposals implements ProposalSource, ProposalValidator {

    private final BlockBuilder builder;
    private final LocalLog log;
    private final long maxClockSkewMs;

    /** Over {@code log} with {@code builder}'s cut rule. */
    public LogProposals(BlockBuilder builder, LocalLog log, long maxClockSkewMs) {
        this.builder = builder;
        this.log = log;
        this.maxClockSkewMs = maxClockSkewMs;
    }

    @Override
    public Optional<BlockHeader> propose(ChainState head, long nowMs) {
        return builder.cut(head, log, nowMs).map(Block::header);
    }

    @Override
    public boolean hasPendingEvents(ChainState head) {
        return builder.hasPending(head, log);
    }

    @Override
    public ProposalCheck check(ChainState head, BlockHeader proposal, long nowMs) {
        if (proposal.timeMs() > nowMs + maxClockSkewMs) {
            return ProposalCheck.notYetAvailable(BlockRejection.TIME_TOO_FAR_AHEAD);
        }
        BlockBuilder.Rebuild rebuilt = builder.rebuild(head, proposal, log);
        if (rebuilt.ok()) {
            return ProposalCheck.computed(rebuilt.block().header().hash());
        }
        if (rebuilt.rejection() == BlockRejection.EVENTS_MISSING) {
            return ProposalCheck.notYetAvailable(BlockRejection.EVENTS_MISSING);
        }
        return ProposalCheck.invalid(rebuilt.rejection());
    }
}
