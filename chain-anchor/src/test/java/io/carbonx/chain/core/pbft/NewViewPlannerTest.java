package io.carbonx.chain.core.pbft;

import static io.carbonx.chain.core.pbft.Fixture.CHAIN;
import static org.assertj.core.api.Assertions.assertThat;

import io.carbonx.chain.core.block.BlockHeader;
import io.carbonx.chain.core.block.ChainState;
import io.carbonx.chain.core.block.InMemoryLocalLog;
import io.carbonx.chain.core.pbft.message.Checkpoint;
import io.carbonx.chain.core.pbft.message.CheckpointProof;
import io.carbonx.chain.core.pbft.message.PrePrepare;
import io.carbonx.chain.core.pbft.message.Prepare;
import io.carbonx.chain.core.pbft.message.PreparedCertificate;
import io.carbonx.chain.core.pbft.message.SignedMessage;
import io.carbonx.chain.core.pbft.message.ViewChange;
import java.util.List;
import org.junit.jupiter.api.Test;

class NewViewPlannerTest {

    private final Fixture fx = new Fixture(4, 1);
    private final InMemoryLocalLog log = Fixture.log(16);
    private final BlockHeader h1 = fx.proposal(log, ChainState.genesis(CHAIN), 1_000);
    private final ChainState after1 = ChainState.genesis(CHAIN).append(h1);
    private final BlockHeader h2 = fx.proposal(log, after1, 1_000);
    private final BlockHeader h2other = fx.proposal(log, after1, 1_001);
    private final BlockHeader h3 = fx.proposal(log, after1.append(h2), 1_000);

    private PreparedCertificate cert(long view, BlockHeader b) {
        int primary = fx.validators.primary(view);
        SignedMessage<PrePrepare> pp = fx.signed(primary, new PrePrepare(view, b.height(), b));
        int a = (primary + 1) % 4;
        int c = (primary + 2) % 4;
        return new PreparedCertificate(pp, List.of(fx.signed(a, new Prepare(view, b.height(), b.hash())),
                fx.signed(c, new Prepare(view, b.height(), b.hash()))));
    }

    private SignedMessage<ViewChange> vc(int author, CheckpointProof cp, PreparedCertificate... certs) {
        return fx.signed(author, new ViewChange(5, cp, List.of(certs)));
    }

    private CheckpointProof checkpoint1() {
        Checkpoint c = new Checkpoint(1, h1.hash());
        return new CheckpointProof(1, h1.hash(), List.of(fx.signed(0, c), fx.signed(1, c), fx.signed(2, c)));
    }

    @Test
    void startsFromTheHighestCheckpointAndPicksTheHighestViewCertificatePerHeight() {
        NewViewPlanner.Plan plan = NewViewPlanner.plan(List.of(
                vc(0, CheckpointProof.genesis(), cert(0, h1), cert(1, h2other)),
                vc(1, checkpoint1(), cert(3, h2)),
                vc(2, CheckpointProof.genesis(), cert(0, h1))));
        assertThat(plan.base().height()).isEqualTo(1);
        assertThat(plan.reissue()).extracting(PreparedCertificate::digest).containsExactly(h2.hash());
    }

    @Test
    void stopsAtTheFirstHeightWithoutACertificate() {
        NewViewPlanner.Plan plan = NewViewPlanner.plan(List.of(
                vc(0, CheckpointProof.genesis(), cert(0, h1), cert(0, h3)),
                vc(1, CheckpointProof.genesis()),
                vc(2, CheckpointProof.genesis())));
        assertThat(plan.base().isGenesis()).isTrue();
        assertThat(plan.reissue()).extracting(PreparedCertificate::height).containsExactly(1L);
    }

    @Test
    void withNoCertificatesNothingIsReissued() {
        NewViewPlanner.Plan plan = NewViewPlanner.plan(List.of(vc(0, CheckpointProof.genesis()),
                vc(1, CheckpointProof.genesis()), vc(2, CheckpointProof.genesis())));
        assertThat(plan.reissue()).isEmpty();
    }
}
