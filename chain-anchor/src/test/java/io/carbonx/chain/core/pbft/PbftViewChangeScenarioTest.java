package io.carbonx.chain.core.pbft;

import static io.carbonx.chain.core.pbft.Fixture.CHAIN;
import static io.carbonx.chain.core.pbft.Fixture.only;
import static io.carbonx.chain.core.pbft.Fixture.rejections;
import static io.carbonx.chain.core.pbft.Fixture.sent;
import static org.assertj.core.api.Assertions.assertThat;

import io.carbonx.chain.core.block.BlockHeader;
import io.carbonx.chain.core.block.ChainState;
import io.carbonx.chain.core.block.InMemoryLocalLog;
import io.carbonx.chain.core.pbft.message.CheckpointProof;
import io.carbonx.chain.core.pbft.message.Commit;
import io.carbonx.chain.core.pbft.message.NewView;
import io.carbonx.chain.core.pbft.message.PrePrepare;
import io.carbonx.chain.core.pbft.message.Prepare;
import io.carbonx.chain.core.pbft.message.PreparedCertificate;
import io.carbonx.chain.core.pbft.message.SignedMessage;
import io.carbonx.chain.core.pbft.message.ViewChange;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** View-change scenarios with fake peers and a fixed clock (base view timeout 1 000 ms). */
class PbftViewChangeScenarioTest {

    static final long NOW = 1_000;
    private final Fixture fx = new Fixture(4);
    private final InMemoryLocalLog log = Fixture.log(4);
    private final BlockHeader block = fx.proposal(log, ChainState.genesis(CHAIN), NOW);

    private PreparedCertificate certificate(BlockHeader b) {
        return new PreparedCertificate(fx.prePrepare(0, b), List.of(fx.prepare(1, 0, b), fx.prepare(2, 0, b)));
    }

    private SignedMessage<ViewChange> viewChange(int author, long view, PreparedCertificate... certs) {
        return fx.signed(author, new ViewChange(view, CheckpointProof.genesis(), List.of(certs)));
    }

    /** Replica 1 prepares the block in view 0 (no commits arrive), then times out. */
    private List<Action> prepareThenTimeOut(PbftReplica replica) {
        List<Action> out = new ArrayList<>(replica.onMessage(fx.prePrepare(0, block), NOW));
        out.addAll(replica.onMessage(fx.prepare(2, 0, block), NOW));
        out.addAll(replica.onTick(NOW));
        out.addAll(replica.onTick(NOW + 1_000));
        return out;
    }

    @Test
    void viewChangeCarriesPreparedCertificate() {
        PbftReplica replica = fx.replica(1, log, DurableState.empty());
        List<Action> out = prepareThenTimeOut(replica);

        SignedMessage<ViewChange> vc = sent(out, ViewChange.class).get(0);
        assertThat(vc.payload().newView()).isEqualTo(1);
        assertThat(vc.payload().prepared()).singleElement().satisfies(c -> {
            assertThat(c.height()).isEqualTo(1);
            assertThat(c.digest()).isEqualTo(block.hash());
            assertThat(c.prepares()).extracting(SignedMessage::author).containsExactly(1, 2);
        });
        CertificateVerifier verifier = new CertificateVerifier(CHAIN, fx.validators, FakeCrypto.VERIFIER);
        assertThat(verifier.verifyPreparedCertificate(vc.payload().prepared().get(0)).isOk()).isTrue();
        assertThat(out.indexOf(new Action.Persist(new VoteRecord.SentVote(vc))))
                .isBetween(0, out.indexOf(new Action.Broadcast(vc)));
        assertThat(only(out, Action.Persist.class)).extracting(Action.Persist::record)
                .anyMatch(r -> r instanceof VoteRecord.Prepared);
    }

    @Test
    void newPrimaryReissuesThePreparedBlockAndCommitsItInTheNewView() {
        PbftReplica replica = fx.replica(1, log, DurableState.empty());
        prepareThenTimeOut(replica);
        assertThat(sent(replica.onMessage(viewChange(2, 1), NOW + 1_001), NewView.class)).isEmpty();

        List<Action> out = replica.onMessage(viewChange(3, 1), NOW + 1_002);

        SignedMessage<NewView> nv = sent(out, NewView.class).get(0);
        assertThat(nv.payload().viewChanges()).extracting(SignedMessage::author).containsExactly(1, 2, 3);
        assertThat(nv.payload().prePrepares()).extracting(SignedMessage::payload)
                .containsExactly(new PrePrepare(1, 1, block));
        assertThat(out).contains(new Action.ViewEntered(1, 1));
        assertThat(replica.view()).isEqualTo(1);
        assertThat(replica.viewChangeInProgress()).isFalse();

        replica.onMessage(fx.prepare(2, 1, block), NOW + 1_003);
        replica.onMessage(fx.prepare(3, 1, block), NOW + 1_003);
        replica.onMessage(fx.commit(2, 1, block), NOW + 1_004);
        List<Action> done = replica.onMessage(fx.commit(3, 1, block), NOW + 1_004);
        assertThat(only(done, Action.CommitBlock.class)).singleElement()
                .satisfies(c -> assertThat(c.block().certificate().commits())
                        .allMatch(m -> m.payload().view() == 1 && m.payload().digest().equals(block.hash())));
    }

    private SignedMessage<NewView> newView(int author, List<SignedMessage<ViewChange>> vcs, BlockHeader... reissued) {
        List<SignedMessage<PrePrepare>> o = new ArrayList<>();
        for (BlockHeader b : reissued) {
            o.add(fx.signed(author, new PrePrepare(1, b.height(), b)));
        }
        return fx.signed(author, new NewView(1, vcs, o));
    }

    @Test
    void backupAcceptsAValidNewViewAndPreparesTheReissuedBlockWithoutRebuildingIt() {
        PbftReplica replica = fx.replica(2, new InMemoryLocalLog(), DurableState.empty());
        List<SignedMessage<ViewChange>> vcs = List.of(viewChange(1, 1, certificate(block)), viewChange(2, 1),
                viewChange(3, 1));

        List<Action> out = replica.onMessage(newView(1, vcs, block), NOW);

        assertThat(rejections(out)).isEmpty();
        assertThat(out).contains(new Action.ViewEntered(1, 1));
        assertThat(sent(out, Prepare.class)).extracting(SignedMessage::payload)
                .containsExactly(new Prepare(1, 1, block.hash()));
    }

    @Test
    void rejectsABadNewViewAndStaysWhereItWas() {
        PbftReplica replica = fx.replica(2, log, DurableState.empty());
        PreparedCertificate cert = certificate(block);
        BlockHeader other = fx.proposal(log, ChainState.genesis(CHAIN), NOW + 7);
        PreparedCertificate forgedCert = new PreparedCertificate(fx.prePrepare(0, block),
                List.of(fx.prepare(2, 0, block), fx.prepare(2, 0, block)));
        List<SignedMessage<ViewChange>> good = List.of(viewChange(1, 1, cert), viewChange(2, 1), viewChange(3, 1));

        assertThat(rejections(replica.onMessage(newView(1, good.subList(0, 2), block), NOW)))
                .containsExactly(Reason.NEW_VIEW_TOO_FEW_VIEW_CHANGES);
        assertThat(rejections(replica.onMessage(newView(1, good), NOW)))
                .containsExactly(Reason.NEW_VIEW_WRONG_PRE_PREPARES);
        assertThat(rejections(replica.onMessage(newView(1, good, other), NOW)))
                .containsExactly(Reason.NEW_VIEW_WRONG_PRE_PREPARES);
        assertThat(rejections(replica.onMessage(newView(3, good, block), NOW)))
                .containsExactly(Reason.NOT_FROM_PRIMARY);
        List<SignedMessage<ViewChange>> forged = List.of(viewChange(1, 1, forgedCert), viewChange(2, 1),
                viewChange(3, 1));
        assertThat(rejections(replica.onMessage(newView(1, forged, block), NOW)))
                .containsExactly(Reason.NEW_VIEW_TOO_FEW_VIEW_CHANGES);
        List<SignedMessage<ViewChange>> duplicated = List.of(viewChange(1, 1, cert), viewChange(1, 1, cert),
                viewChange(3, 1));
        assertThat(rejections(replica.onMessage(newView(1, duplicated, block), NOW)))
                .containsExactly(Reason.NEW_VIEW_TOO_FEW_VIEW_CHANGES);
        assertThat(replica.view()).isZero();

        assertThat(replica.onMessage(newView(1, good, block), NOW)).contains(new Action.ViewEntered(1, 1));
    }

    @Test
    void rejectsAViewChangeCarryingAForgedPreparedCertificate() {
        PbftReplica replica = fx.replica(1, log, DurableState.empty());
        PreparedCertificate forged = new PreparedCertificate(fx.prePrepare(0, block),
                List.of(fx.prepare(2, 0, block), SignedMessage.sign(CHAIN, new Prepare(0, 1, block.hash()), 3,
                        fx.signer(2))));
        assertThat(rejections(replica.onMessage(viewChange(3, 1, forged), NOW)))
                .containsExactly(Reason.BAD_VIEW_CHANGE);
        PreparedCertificate futureView = new PreparedCertificate(fx.signed(1, new PrePrepare(1, 1, block)),
                List.of(fx.prepare(2, 0, block), fx.prepare(3, 0, block)));
        assertThat(rejections(replica.onMessage(viewChange(2, 1, futureView), NOW)))
                .containsExactly(Reason.BAD_VIEW_CHANGE);
    }

    @Test
    void joinsAViewChangeWhenFPlusOneOthersAreAhead() {
        PbftReplica replica = fx.replica(1, log, DurableState.empty());
        assertThat(sent(replica.onMessage(viewChange(2, 2), NOW), ViewChange.class)).isEmpty();
        List<Action> out = replica.onMessage(viewChange(3, 3), NOW);
        assertThat(sent(out, ViewChange.class)).extracting(m -> m.payload().newView()).containsExactly(2L);
        assertThat(replica.targetView()).isEqualTo(2);
    }

    @Test
    void replayedMessagesFromOldViewsAreIgnored() {
        PbftReplica replica = fx.replica(2, log, DurableState.empty());
        SignedMessage<PrePrepare> oldPrePrepare = fx.prePrepare(0, block);
        SignedMessage<NewView> nv = newView(1, List.of(viewChange(1, 1), viewChange(2, 1), viewChange(3, 1)));
        replica.onMessage(nv, NOW);
        assertThat(replica.view()).isEqualTo(1);

        assertThat(rejections(replica.onMessage(oldPrePrepare, NOW))).containsExactly(Reason.WRONG_VIEW);
        assertThat(rejections(replica.onMessage(fx.prepare(3, 0, block), NOW))).containsExactly(Reason.WRONG_VIEW);
        assertThat(replica.onMessage(nv, NOW)).doesNotContain(new Action.ViewEntered(1, 1));
        List<Action> staleVc = replica.onMessage(viewChange(3, 1), NOW);
        assertThat(staleVc).containsExactly(new Action.Send(3, nv));
    }

    @Test
    void viewChangeTimeoutDoublesWhileNoNewViewArrives() {
        PbftReplica replica = fx.replica(2, log, DurableState.empty());
        replica.onMessage(fx.prePrepare(0, block), NOW);
        replica.onTick(NOW);
        assertThat(sent(replica.onTick(NOW + 999), ViewChange.class)).isEmpty();
        assertThat(sent(replica.onTick(NOW + 1_000), ViewChange.class)).hasSize(1);
        replica.onMessage(viewChange(0, 1), NOW + 1_000);
        replica.onMessage(viewChange(3, 1), NOW + 1_000);
        replica.onTick(NOW + 1_000); // 2f+1 view changes for view 1 held: its timer starts (2 000 ms now)
        assertThat(viewChangesTo(replica, NOW + 2_999)).isEmpty();
        assertThat(viewChangesTo(replica, NOW + 3_000)).containsExactly(2L);
        replica.onMessage(viewChange(0, 2), NOW + 3_000);
        replica.onMessage(viewChange(3, 2), NOW + 3_000);
        replica.onTick(NOW + 3_000);
        assertThat(viewChangesTo(replica, NOW + 6_999)).isEmpty();
        assertThat(viewChangesTo(replica, NOW + 7_000)).containsExactly(3L);
    }

    private static List<Long> viewChangesTo(PbftReplica replica, long now) {
        List<Long> views = new ArrayList<>();
        for (Action.Persist p : only(replica.onTick(now), Action.Persist.class)) {
            if (p.record() instanceof VoteRecord.SentVote s && s.message().payload() instanceof ViewChange vc) {
                views.add(vc.newView());
            }
        }
        return views;
    }

    @Test
    void commitsBeforeTheViewChangeSurviveIt() {
        // A block committed in view 0 is re-issued by the new primary from the P set and keeps its digest.
        PbftReplica replica = fx.replica(1, log, DurableState.empty());
        prepareThenTimeOut(replica);
        replica.onMessage(viewChange(2, 1, certificate(block)), NOW + 1_001);
        List<Action> out = replica.onMessage(viewChange(3, 1), NOW + 1_002);
        assertThat(sent(out, NewView.class).get(0).payload().prePrepares())
                .extracting(m -> m.payload().digest()).containsExactly(block.hash());
        assertThat(sent(out, Commit.class)).isEmpty();
    }
}
