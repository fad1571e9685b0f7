package io.carbonx.chain.core.pbft;

import static io.carbonx.chain.core.pbft.Fixture.CHAIN;
import static io.carbonx.chain.core.pbft.Fixture.only;
import static io.carbonx.chain.core.pbft.Fixture.rejections;
import static io.carbonx.chain.core.pbft.Fixture.sent;
import static org.assertj.core.api.Assertions.assertThat;

import io.carbonx.chain.core.block.BlockHeader;
import io.carbonx.chain.core.block.ChainState;
import io.carbonx.chain.core.block.InMemoryLocalLog;
import io.carbonx.chain.core.pbft.message.BlockRequest;
import io.carbonx.chain.core.pbft.message.BlockResponse;
import io.carbonx.chain.core.pbft.message.Checkpoint;
import io.carbonx.chain.core.pbft.message.CheckpointProof;
import io.carbonx.chain.core.pbft.message.Commit;
import io.carbonx.chain.core.pbft.message.CommitCertificate;
import io.carbonx.chain.core.pbft.message.CommittedBlock;
import io.carbonx.chain.core.pbft.message.PrePrepare;
import io.carbonx.chain.core.pbft.message.Prepare;
import io.carbonx.chain.core.pbft.message.SignedMessage;
import io.carbonx.chain.core.pbft.message.Status;
import io.carbonx.chain.core.pbft.message.ViewChange;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Restart, checkpoint and catch-up scenarios with fake peers and a fixed clock. */
class PbftRecoveryScenarioTest {

    static final long NOW = 1_000;
    private final Fixture fx = new Fixture(4);
    private final InMemoryLocalLog log = Fixture.log(8);
    private final BlockHeader block = fx.proposal(log, ChainState.genesis(CHAIN), NOW);
    /** Same height, same events, another time: a valid but different block an equivocating primary could send. */
    private final BlockHeader otherBlock = fx.proposal(log, ChainState.genesis(CHAIN), NOW + 3);

    @Test
    void restartedValidatorNeverEquivocates() {
        List<List<Action>> steps = new ArrayList<>();
        PbftReplica before = fx.replica(1, log, DurableState.empty());
        steps.add(before.onMessage(fx.prePrepare(0, block), NOW));
        assertThat(sent(steps.get(0), Prepare.class)).hasSize(1);

        // Crash: volatile state lost, the vote log survives.
        PbftReplica after = fx.replica(1, Fixture.log(8), Fixture.durableAfter(steps));
        List<Action> out = after.onMessage(fx.prePrepare(0, otherBlock), NOW + 10);
        assertThat(rejections(out)).containsExactly(Reason.CONFLICTS_WITH_OWN_VOTE);
        assertThat(sent(out, Prepare.class)).isEmpty();

        List<Action> same = after.onMessage(fx.prePrepare(0, block), NOW + 11);
        assertThat(sent(same, Prepare.class)).extracting(SignedMessage::payload)
                .containsExactly(new Prepare(0, 1, block.hash()));
        assertThat(only(same, Action.Persist.class)).as("nothing new to persist").isEmpty();

        // Contrast: without its vote log the same replica would have prepared the other block.
        PbftReplica amnesiac = fx.replica(1, Fixture.log(8), DurableState.empty());
        assertThat(sent(amnesiac.onMessage(fx.prePrepare(0, otherBlock), NOW + 10), Prepare.class)).hasSize(1);
    }

    @Test
    void restartedPrimaryReProposesTheSameBlockNotANewOne() {
        List<List<Action>> steps = new ArrayList<>();
        PbftReplica primary = fx.replica(0, log, DurableState.empty());
        steps.add(primary.onTick(NOW));
        SignedMessage<PrePrepare> proposed = sent(steps.get(0), PrePrepare.class).get(0);

        PbftReplica restarted = fx.replica(0, Fixture.log(8), Fixture.durableAfter(steps));
        List<Action> out = new ArrayList<>();
        for (long t = NOW + 50; t < NOW + 600; t += 50) {
            out.addAll(restarted.onTick(t));
        }
        assertThat(sent(out, PrePrepare.class)).isNotEmpty().allMatch(m -> m.equals(proposed));
    }

    @Test
    void restartedValidatorResumesItsViewChangeWithTheSameMessageAndItsPreparedCertificate() {
        List<List<Action>> steps = new ArrayList<>();
        PbftReplica replica = fx.replica(1, log, DurableState.empty());
        steps.add(replica.onMessage(fx.prePrepare(0, block), NOW));
        steps.add(replica.onMessage(fx.prepare(2, 0, block), NOW));
        steps.add(replica.onTick(NOW));
        steps.add(replica.onTick(NOW + 1_000));
        SignedMessage<ViewChange> vc = sent(steps.get(3), ViewChange.class).get(0);

        PbftReplica restarted = fx.replica(1, Fixture.log(8), Fixture.durableAfter(steps));
        assertThat(restarted.viewChangeInProgress()).isTrue();
        assertThat(restarted.targetView()).isEqualTo(1);
        List<Action> out = restarted.onTick(NOW + 2_000);
        assertThat(sent(out, ViewChange.class)).containsExactly(vc);
        assertThat(vc.payload().prepared()).extracting(c -> c.digest()).containsExactly(block.hash());
        assertThat(rejections(restarted.onMessage(fx.prePrepare(0, otherBlock), NOW + 2_001)))
                .containsExactly(Reason.WRONG_VIEW);
    }

    private List<Action> commitFirstBlock(PbftReplica replica) {
        List<Action> out = new ArrayList<>(replica.onMessage(fx.prePrepare(0, block), NOW));
        out.addAll(replica.onMessage(fx.prepare(2, 0, block), NOW));
        out.addAll(replica.onMessage(fx.commit(0, 0, block), NOW));
        out.addAll(replica.onMessage(fx.commit(2, 0, block), NOW));
        return out;
    }

    @Test
    void checkpointsBecomeStableTruncateTheVoteLogAndMoveTheWatermarks() {
        Fixture k1 = new Fixture(4, 1);
        PbftReplica replica = k1.replica(1, log, DurableState.empty());
        List<List<Action>> steps = new ArrayList<>();
        steps.add(new ArrayList<>(replica.onMessage(k1.prePrepare(0, block), NOW)));
        steps.add(replica.onMessage(k1.prepare(2, 0, block), NOW));
        steps.add(replica.onMessage(k1.commit(0, 0, block), NOW));
        List<Action> committed = replica.onMessage(k1.commit(2, 0, block), NOW);
        steps.add(committed);
        assertThat(sent(committed, Checkpoint.class)).extracting(SignedMessage::payload)
                .containsExactly(new Checkpoint(1, block.hash()));

        steps.add(replica.onMessage(k1.signed(0, new Checkpoint(1, block.hash())), NOW));
        List<Action> stable = replica.onMessage(k1.signed(3, new Checkpoint(1, block.hash())), NOW);
        steps.add(stable);
        assertThat(stable.get(0)).isInstanceOf(Action.Persist.class)
                .extracting(a -> ((Action.Persist) a).record()).isInstanceOf(VoteRecord.StableCheckpoint.class);
        assertThat(stable.get(1)).isEqualTo(new Action.TruncateVotes(1));
        assertThat(replica.stableCheckpoint().height()).isEqualTo(1);
        assertThat(replica.stableCheckpoint().checkpoints()).extracting(SignedMessage::author).containsExactly(0, 1, 3);

        DurableState durable = Fixture.durableAfter(steps);
        assertThat(durable.votes()).singleElement().isInstanceOf(VoteRecord.StableCheckpoint.class);
        BlockHeader beyond = new BlockHeader(CHAIN, 4, block.hash(), block.merkleRoot(), 1, block.ranges(), NOW);
        assertThat(rejections(replica.onMessage(k1.signed(0, new PrePrepare(0, 4, beyond)), NOW)))
                .containsExactly(Reason.OUT_OF_WATERMARKS);
    }

    @Test
    void catchUpVerifiesCommitCertificatesBeforeAppending() {
        PbftReplica lagging = fx.replica(3, new InMemoryLocalLog(), DurableState.empty());
        SignedMessage<Commit> c0 = fx.commit(0, 0, block);
        SignedMessage<Commit> c1 = fx.commit(1, 0, block);
        SignedMessage<Commit> c2 = fx.commit(2, 0, block);
        SignedMessage<Commit> forged2 = SignedMessage.sign(CHAIN, c2.payload(), 2, fx.signer(3));
        SignedMessage<Commit> otherDigest = fx.commit(2, 0, otherBlock);
        BlockHeader tampered = new BlockHeader(CHAIN, 1, block.previousHash(), block.merkleRoot(), block.treeSize(),
                block.ranges(), block.timeMs() + 1);

        for (CommittedBlock bad : List.of(committed(block, c0, c0, c1), committed(block, c0, c1),
                committed(block, c0, c1, forged2), committed(block, c0, c1, otherDigest),
                committed(tampered, c0, c1, c2))) {
            List<Action> out = lagging.onMessage(response(bad), NOW);
            assertThat(rejections(out)).containsExactly(Reason.BAD_COMMIT_CERTIFICATE);
            assertThat(lagging.head().height()).isZero();
        }
        List<Action> ok = lagging.onMessage(response(committed(block, c0, c1, c2)), NOW);
        assertThat(only(ok, Action.CommitBlock.class)).hasSize(1);
        assertThat(lagging.head().headHash()).isEqualTo(block.hash());
    }

    private static CommittedBlock committed(BlockHeader header, SignedMessage<?>... commits) {
        List<SignedMessage<Commit>> list = new ArrayList<>();
        for (SignedMessage<?> c : commits) {
            list.add(c.as(Commit.class));
        }
        return new CommittedBlock(header, new CommitCertificate(list));
    }

    private SignedMessage<BlockResponse> response(CommittedBlock b) {
        return fx.signed(2, new BlockResponse(List.of(b), CheckpointProof.genesis()));
    }

    @Test
    void laggingReplicaAsksAPeerThatIsAheadAndServesPeersThatAreBehind() {
        PbftReplica ahead = fx.replica(1, log, DurableState.empty());
        commitFirstBlock(ahead);
        PbftReplica lagging = fx.replica(3, new InMemoryLocalLog(), DurableState.empty());

        List<Action> request = lagging.onMessage(fx.signed(1, new Status(0, 1, 0)), NOW);
        SignedMessage<BlockRequest> req = sent(request, BlockRequest.class).get(0);
        assertThat(request).contains(new Action.Send(1, req));
        assertThat(req.payload().fromHeight()).isEqualTo(1);

        List<Action> response = ahead.onMessage(SignedMessage.sign(CHAIN, req.payload(), 3, fx.signer(3)), NOW);
        SignedMessage<BlockResponse> resp = sent(response, BlockResponse.class).get(0);
        List<Action> applied = lagging.onMessage(resp, NOW);
        assertThat(only(applied, Action.CommitBlock.class)).hasSize(1);
        assertThat(lagging.head()).isEqualTo(ahead.head());
        assertThat(lagging.stateHash()).isEqualTo(ahead.stateHash());
    }

    @Test
    void restartWithALostBlockStoreCatchesUpFromPeers() {
        PbftReplica replica = fx.replica(1, log, DurableState.empty());
        List<List<Action>> steps = new ArrayList<>();
        steps.add(commitFirstBlock(replica));
        DurableState durable = Fixture.durableAfter(steps);
        PbftReplica wiped = fx.replica(1, Fixture.log(8), new DurableState(durable.votes(), List.of()));
        assertThat(wiped.head().height()).isZero();
        // Even though it voted, it cannot be talked into the other block at height 1.
        assertThat(rejections(wiped.onMessage(fx.prePrepare(0, otherBlock), NOW)))
                .containsExactly(Reason.CONFLICTS_WITH_OWN_VOTE);
        List<Action> out = wiped.onMessage(fx.signed(2, new BlockResponse(replica.committedBlocks(),
                CheckpointProof.genesis())), NOW);
        assertThat(only(out, Action.CommitBlock.class)).hasSize(1);
        assertThat(wiped.head()).isEqualTo(replica.head());
    }

    @Test
    void voteRecordsRoundTripThroughTheirEncoding() {
        PbftReplica replica = fx.replica(1, log, DurableState.empty());
        List<List<Action>> steps = new ArrayList<>();
        steps.add(commitFirstBlock(replica));
        steps.add(replica.onTick(NOW));
        steps.add(replica.onTick(NOW + 2_000));
        steps.add(replica.onTick(NOW + 4_000));
        List<VoteRecord> records = new ArrayList<>(Fixture.durableAfter(steps).votes());
        records.add(new VoteRecord.StableCheckpoint(CheckpointProof.genesis()));
        assertThat(records).hasSizeGreaterThan(3);
        for (VoteRecord r : records) {
            assertThat(VoteRecord.decode(VoteRecord.encode(r))).isEqualTo(r);
        }
    }
}
