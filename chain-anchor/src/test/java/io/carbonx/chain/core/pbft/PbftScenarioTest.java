package io.carbonx.chain.core.pbft;

import static io.carbonx.chain.core.pbft.Fixture.CHAIN;
import static io.carbonx.chain.core.pbft.Fixture.only;
import static io.carbonx.chain.core.pbft.Fixture.rejections;
import static io.carbonx.chain.core.pbft.Fixture.sent;
import static org.assertj.core.api.Assertions.assertThat;

import io.carbonx.chain.core.block.BlockHeader;
import io.carbonx.chain.core.block.ChainState;
import io.carbonx.chain.core.block.InMemoryLocalLog;
import io.carbonx.chain.core.block.LogEvent;
import io.carbonx.chain.core.block.PartitionRange;
import io.carbonx.chain.core.pbft.message.Commit;
import io.carbonx.chain.core.pbft.message.PrePrepare;
import io.carbonx.chain.core.pbft.message.Prepare;
import io.carbonx.chain.core.pbft.message.SignedMessage;
import io.carbonx.chain.core.pbft.message.ViewChange;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Normal-case scenarios: one replica under test (id 1, a backup in view 0), fake peers whose messages
 * are signed with their own keys, a fixed logical clock.
 */
class PbftScenarioTest {

    static final long NOW = 1_000;
    private final Fixture fx = new Fixture(4);

    private BlockHeader firstBlock(InMemoryLocalLog log) {
        return fx.proposal(log, ChainState.genesis(CHAIN), NOW);
    }

    @Test
    void backupPreparesAProposalItRebuildsFromItsOwnLogAndPersistsBeforeSending() {
        InMemoryLocalLog log = Fixture.log(4);
        PbftReplica replica = fx.replica(1, log, DurableState.empty());
        BlockHeader block = firstBlock(log);

        List<Action> out = replica.onMessage(fx.prePrepare(0, block), NOW);

        List<SignedMessage<Prepare>> prepares = sent(out, Prepare.class);
        assertThat(prepares).singleElement().satisfies(p -> {
            assertThat(p.payload()).isEqualTo(new Prepare(0, 1, block.hash()));
            assertThat(p.author()).isEqualTo(1);
        });
        assertThat(out.get(0)).isEqualTo(new Action.Persist(new VoteRecord.SentVote(prepares.get(0))));
        assertThat(out.indexOf(new Action.Broadcast(prepares.get(0)))).isGreaterThan(0);
    }

    @Test
    void backupRefusesProposalNotMatchingLocalLog() {
        InMemoryLocalLog own = Fixture.log(4);
        InMemoryLocalLog primarys = new InMemoryLocalLog();
        for (int i = 0; i < 4; i++) {
            primarys.append(i == 2 ? new LogEvent("trades", 0, 2, "forged".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    : Fixture.event(i), 0);
        }
        PbftReplica replica = fx.replica(1, own, DurableState.empty());
        BlockHeader forged = fx.proposal(primarys, ChainState.genesis(CHAIN), NOW);

        List<Action> out = replica.onMessage(fx.prePrepare(0, forged), NOW);

        assertThat(rejections(out)).containsExactly(Reason.PROPOSAL_DIGEST_MISMATCH);
        assertThat(sent(out, Prepare.class)).isEmpty();
        assertThat(only(out, Action.Persist.class)).isEmpty();
    }

    @Test
    void backupWaitsForEventsItHasNotReadYetThenPrepares() {
        InMemoryLocalLog own = Fixture.log(2);
        PbftReplica replica = fx.replica(1, own, DurableState.empty());
        BlockHeader block = firstBlock(Fixture.log(4));

        List<Action> first = replica.onMessage(fx.prePrepare(0, block), NOW);
        assertThat(sent(first, Prepare.class)).isEmpty();
        assertThat(rejections(first)).isEmpty();

        own.append(Fixture.event(2), NOW + 5);
        own.append(Fixture.event(3), NOW + 5);
        List<Action> later = replica.onTick(NOW + 10);
        // Sent (and retransmitted in the same tick), but signed and persisted once.
        assertThat(sent(later, Prepare.class)).extracting(m -> m.payload().digest()).containsOnly(block.hash());
        assertThat(only(later, Action.Persist.class)).hasSize(1);
    }

    @Test
    void primaryProposingEventsNotInTheLogIsNeverPreparedAndTimesOutIntoAViewChange() {
        InMemoryLocalLog own = Fixture.log(4);
        PbftReplica replica = fx.replica(1, own, DurableState.empty());
        BlockHeader invented = new BlockHeader(CHAIN, 1, io.carbonx.chain.core.Digest.ZERO,
                io.carbonx.chain.core.Digest.ZERO.flipBit(3), 4, List.of(new PartitionRange("trades", 0, 0, 10)), NOW);

        List<Action> all = new ArrayList<>(replica.onMessage(fx.prePrepare(0, invented), NOW));
        for (long t = NOW; t <= NOW + 1_100; t += 50) {
            all.addAll(replica.onTick(t));
        }
        assertThat(sent(all, Prepare.class)).isEmpty();
        assertThat(sent(all, ViewChange.class)).isNotEmpty().allSatisfy(vc -> assertThat(vc.payload().newView())
                .isEqualTo(1));
        assertThat(replica.viewChangeInProgress()).isTrue();
    }

    @Test
    void rejectsPrepareWithWrongDigest() {
        InMemoryLocalLog log = Fixture.log(4);
        PbftReplica replica = fx.replica(1, log, DurableState.empty());
        BlockHeader block = firstBlock(log);
        replica.onMessage(fx.prePrepare(0, block), NOW);

        SignedMessage<Prepare> wrong = fx.signed(2, new Prepare(0, 1, block.hash().flipBit(0)));
        List<Action> out = replica.onMessage(wrong, NOW);
        assertThat(rejections(out)).containsExactly(Reason.DIGEST_MISMATCH);
        assertThat(sent(out, Commit.class)).isEmpty();

        List<Action> right = replica.onMessage(fx.prepare(3, 0, block), NOW);
        assertThat(sent(right, Commit.class)).extracting(m -> m.payload().digest()).containsExactly(block.hash());
    }

    @Test
    void rejectsDuplicateVotesFromSameValidatorInQuorum() {
        InMemoryLocalLog log = Fixture.log(4);
        PbftReplica replica = fx.replica(1, log, DurableState.empty());
        BlockHeader block = firstBlock(log);
        replica.onMessage(fx.prePrepare(0, block), NOW);
        replica.onMessage(fx.prepare(2, 0, block), NOW);

        List<Action> dup = new ArrayList<>();
        dup.addAll(replica.onMessage(fx.commit(2, 0, block), NOW));
        dup.addAll(replica.onMessage(fx.commit(2, 0, block), NOW));
        SignedMessage<Commit> reSigned = new SignedMessage<>(new Commit(0, 1, block.hash()), 2, new byte[32]);
        dup.addAll(replica.onMessage(reSigned, NOW));
        dup.addAll(replica.onMessage(fx.signed(2, new Commit(0, 1, block.hash().flipBit(7))), NOW));
        assertThat(only(dup, Action.CommitBlock.class)).as("own + validator 2 counted once = 2 < 3").isEmpty();
        assertThat(rejections(dup)).containsExactly(Reason.BAD_SIGNATURE, Reason.EQUIVOCATING_VOTE);

        List<Action> third = replica.onMessage(fx.commit(3, 0, block), NOW);
        Action.CommitBlock committed = only(third, Action.CommitBlock.class).get(0);
        assertThat(committed.block().certificate().commits()).extracting(SignedMessage::author)
                .containsExactly(1, 2, 3);
        CertificateVerifier verifier = new CertificateVerifier(CHAIN, fx.validators, FakeCrypto.VERIFIER);
        assertThat(verifier.verifyCommitCertificate(block, committed.block().certificate()).isOk()).isTrue();
        assertThat(replica.head().headHash()).isEqualTo(block.hash());
    }

    @Test
    void aSevenValidatorReplicaNeedsFourPreparesAndFiveCommits() {
        Fixture seven = new Fixture(7);
        InMemoryLocalLog log = Fixture.log(4);
        PbftReplica replica = seven.replica(1, log, DurableState.empty());
        BlockHeader block = seven.proposal(log, ChainState.genesis(CHAIN), NOW);
        replica.onMessage(seven.prePrepare(0, block), NOW);
        List<Action> out = new ArrayList<>();
        out.addAll(replica.onMessage(seven.prepare(2, 0, block), NOW));
        out.addAll(replica.onMessage(seven.prepare(3, 0, block), NOW));
        assertThat(sent(out, Commit.class)).isEmpty();
        out.addAll(replica.onMessage(seven.prepare(4, 0, block), NOW));
        assertThat(sent(out, Commit.class)).hasSize(1);
        for (int author : new int[] {0, 2, 3}) {
            assertThat(only(replica.onMessage(seven.commit(author, 0, block), NOW), Action.CommitBlock.class)).isEmpty();
        }
        assertThat(only(replica.onMessage(seven.commit(5, 0, block), NOW), Action.CommitBlock.class)).hasSize(1);
    }

    @Test
    void rejectsPrePrepareFromNonPrimaryUnknownAuthorAndForgedSignature() {
        InMemoryLocalLog log = Fixture.log(4);
        PbftReplica replica = fx.replica(1, log, DurableState.empty());
        BlockHeader block = firstBlock(log);
        PrePrepare pp = new PrePrepare(0, 1, block);

        assertThat(rejections(replica.onMessage(fx.signed(2, pp), NOW))).containsExactly(Reason.NOT_FROM_PRIMARY);
        SignedMessage<PrePrepare> outsider = SignedMessage.sign(CHAIN, pp, 9, FakeCrypto.signer(new byte[] {9}));
        assertThat(rejections(replica.onMessage(outsider, NOW))).containsExactly(Reason.UNKNOWN_AUTHOR);
        SignedMessage<PrePrepare> forged = SignedMessage.sign(CHAIN, pp, 0, fx.signer(3));
        assertThat(rejections(replica.onMessage(forged, NOW))).containsExactly(Reason.BAD_SIGNATURE);
        SignedMessage<PrePrepare> otherChain = SignedMessage.sign("other-chain", pp, 0, fx.signer(0));
        assertThat(rejections(replica.onMessage(otherChain, NOW))).containsExactly(Reason.BAD_SIGNATURE);
        assertThat(replica.onMessage(fx.signed(0, pp), NOW)).isNotEmpty();
    }

    @Test
    void rejectsASecondDifferentProposalFromAnEquivocatingPrimary() {
        InMemoryLocalLog log = Fixture.log(4);
        PbftReplica replica = fx.replica(1, log, DurableState.empty());
        BlockHeader b1 = firstBlock(log);
        BlockHeader b2 = fx.proposal(log, ChainState.genesis(CHAIN), NOW + 1);
        List<Action> out = new ArrayList<>(replica.onMessage(fx.prePrepare(0, b1), NOW));
        out.addAll(replica.onMessage(fx.prePrepare(0, b2), NOW));
        assertThat(rejections(out)).containsExactly(Reason.CONFLICTING_PRE_PREPARE);
        assertThat(sent(out, Prepare.class)).extracting(m -> m.payload().digest()).containsExactly(b1.hash());
    }

    @Test
    void ignoresVotesOutsideTheWatermarksAndFromOtherViews() {
        InMemoryLocalLog log = Fixture.log(4);
        PbftReplica replica = fx.replica(1, log, DurableState.empty());
        BlockHeader block = firstBlock(log);
        SignedMessage<Prepare> far = fx.signed(2, new Prepare(0, fx.config.watermarkWindow() + 1, block.hash()));
        assertThat(rejections(replica.onMessage(far, NOW))).containsExactly(Reason.OUT_OF_WATERMARKS);
        SignedMessage<Prepare> future = fx.signed(2, new Prepare(3, 1, block.hash()));
        assertThat(rejections(replica.onMessage(future, NOW))).containsExactly(Reason.WRONG_VIEW);
        assertThat(rejections(replica.onMessage(fx.signed(0, new Prepare(0, 1, block.hash())), NOW)))
                .containsExactly(Reason.PREPARE_FROM_PRIMARY);
    }

    @Test
    void theStateMachineIsDeterministic() {
        List<List<Action>> runs = new ArrayList<>();
        for (int run = 0; run < 2; run++) {
            InMemoryLocalLog log = Fixture.log(4);
            PbftReplica replica = fx.replica(1, log, DurableState.empty());
            BlockHeader block = firstBlock(log);
            List<Action> all = new ArrayList<>(replica.onMessage(fx.prePrepare(0, block), NOW));
            all.addAll(replica.onMessage(fx.prepare(2, 0, block), NOW));
            all.addAll(replica.onTick(NOW + 5_000));
            runs.add(all);
        }
        assertThat(runs.get(0)).isEqualTo(runs.get(1));
    }
}
