package io.carbonx.chain.core.pbft;

import static io.carbonx.chain.core.pbft.Fixture.CHAIN;
import static io.carbonx.chain.core.pbft.Fixture.only;
import static org.assertj.core.api.Assertions.assertThat;

import io.carbonx.chain.core.block.BlockHeader;
import io.carbonx.chain.core.block.ChainState;
import io.carbonx.chain.core.block.InMemoryLocalLog;
import io.carbonx.chain.core.pbft.message.Commit;
import io.carbonx.chain.core.pbft.message.CommitCertificate;
import io.carbonx.chain.core.pbft.message.CommittedBlock;
import io.carbonx.chain.core.pbft.message.SignedMessage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Committed blocks from an untrusted source (the blocks topic): verified, never trusted. */
class CommittedBlocksOfferTest {

    static final long NOW = 1_000;
    private final Fixture fx = new Fixture(4);
    private final InMemoryLocalLog log = Fixture.log(8);

    private CommittedBlock certified(BlockHeader h, int... signers) {
        List<SignedMessage<Commit>> commits = new ArrayList<>();
        for (int s : signers) {
            commits.add(fx.commit(s, 0, h));
        }
        return new CommittedBlock(h, new CommitCertificate(commits));
    }

    private List<CommittedBlock> chainOfTwo() {
        BlockHeader h1 = fx.proposal(log, ChainState.genesis(CHAIN), NOW);
        ChainState after1 = ChainState.genesis(CHAIN).append(h1);
        BlockHeader h2 = fx.proposal(log, after1, NOW + 1);
        return List.of(certified(h1, 0, 1, 2), certified(h2, 1, 2, 3));
    }

    @Test
    void givenValidCertifiedBlocks_whenOffered_thenTheyAreCommittedInOrder() {
        PbftReplica r = fx.replica(3, log, DurableState.empty());
        List<CommittedBlock> blocks = chainOfTwo();

        List<Action> out = r.onCommittedBlocks(blocks, NOW + 5);

        assertThat(only(out, Action.CommitBlock.class)).extracting(Action.CommitBlock::block).containsExactlyElementsOf(
                blocks);
        assertThat(r.head().height()).isEqualTo(2);
        assertThat(only(out, Action.BlockRefused.class)).isEmpty();
    }

    @Test
    void givenTooFewSigners_whenOffered_thenRefusedAndNothingChanges() {
        PbftReplica r = fx.replica(3, log, DurableState.empty());
        CommittedBlock good = chainOfTwo().get(0);
        CommittedBlock twoSigners = certified(good.header(), 0, 1);

        List<Action> out = r.onCommittedBlocks(List.of(twoSigners), NOW);

        assertThat(only(out, Action.BlockRefused.class)).singleElement()
                .satisfies(b -> assertThat(b.reason()).isEqualTo(Reason.BAD_COMMIT_CERTIFICATE));
        assertThat(only(out, Action.CommitBlock.class)).isEmpty();
        assertThat(r.head().height()).isZero();
    }

    @Test
    void givenDuplicateSignerOrForgedSignature_whenOffered_thenRefused() {
        PbftReplica r = fx.replica(3, log, DurableState.empty());
        CommittedBlock good = chainOfTwo().get(0);
        List<SignedMessage<Commit>> dup = List.of(fx.commit(0, 0, good.header()), fx.commit(1, 0, good.header()),
                fx.commit(1, 0, good.header()));
        SignedMessage<Commit> forged = new SignedMessage<>(new Commit(0, 1, good.header().hash()), 2,
                fx.commit(1, 0, good.header()).signature());
        List<SignedMessage<Commit>> withForgery = List.of(fx.commit(0, 0, good.header()),
                fx.commit(1, 0, good.header()), forged);

        assertThat(only(r.onCommittedBlocks(List.of(new CommittedBlock(good.header(), new CommitCertificate(dup))),
                NOW), Action.BlockRefused.class)).hasSize(1);
        assertThat(only(r.onCommittedBlocks(List.of(new CommittedBlock(good.header(),
                new CommitCertificate(withForgery))), NOW), Action.BlockRefused.class)).hasSize(1);
        assertThat(r.head().height()).isZero();
    }

    @Test
    void givenCertificateForAnotherHeader_whenOffered_thenRefused() {
        PbftReplica r = fx.replica(3, log, DurableState.empty());
        List<CommittedBlock> blocks = chainOfTwo();
        CommittedBlock swapped = new CommittedBlock(blocks.get(0).header(), blocks.get(1).certificate());

        assertThat(only(r.onCommittedBlocks(List.of(swapped), NOW), Action.BlockRefused.class)).hasSize(1);
        assertThat(r.head().height()).isZero();
    }

    @Test
    void givenAGap_whenOffered_thenNothingIsAppendedBeyondIt() {
        PbftReplica r = fx.replica(3, log, DurableState.empty());
        List<CommittedBlock> blocks = chainOfTwo();

        List<Action> out = r.onCommittedBlocks(List.of(blocks.get(1)), NOW);

        assertThat(only(out, Action.CommitBlock.class)).isEmpty();
        assertThat(r.head().height()).isZero();
        assertThat(only(r.onCommittedBlocks(blocks, NOW), Action.CommitBlock.class)).hasSize(2);
        assertThat(only(r.onCommittedBlocks(blocks, NOW), Action.CommitBlock.class)).as("already held").isEmpty();
    }
}
