package io.carbonx.chain.core.pbft;

import io.carbonx.chain.core.Digest;
import io.carbonx.chain.core.block.BlockRejection;
import java.util.Objects;

/**
 * Outcome of {@link ProposalValidator#check}.
 *
 * @param kind what happened
 * @param digest the locally computed block hash ({@link Kind#COMPUTED} only)
 * @param rejection why no digest could be computed (other kinds)
 */
public record ProposalCheck(Kind kind, Digest digest, BlockRejection rejection) {

    /** The three outcomes. */
    public enum Kind {
        /** The block was rebuilt; {@link #digest} is its hash. */
        COMPUTED,
        /** The local log has not read far enough yet; ask again later. */
        NOT_YET_AVAILABLE,
        /** The proposal can never be rebuilt on this head (see {@link #rejection}). */
        INVALID
    }

    /** Rebuilt with hash {@code digest}. */
    public static ProposalCheck computed(Digest digest) {
        return new ProposalCheck(Kind.COMPUTED, Objects.requireNonNull(digest), null);
    }

    /** Not yet rebuildable. */
    public static ProposalCheck notYetAvailable(BlockRejection why) {
        return new ProposalCheck(Kind.NOT_YET_AVAILABLE, null, why);
    }

    /** Never rebuildable. */
    public static ProposalCheck invalid(BlockRejection why) {
        return new ProposalCheck(Kind.INVALID, null, Objects.requireNonNull(why));
    }
}
