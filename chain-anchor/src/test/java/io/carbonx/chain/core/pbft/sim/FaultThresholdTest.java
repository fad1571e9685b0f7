package io.carbonx.chain.core.pbft.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.carbonx.chain.core.block.BlockBuilder;
import io.carbonx.chain.core.block.BlockHeader;
import io.carbonx.chain.core.block.ChainState;
import io.carbonx.chain.core.block.InMemoryLocalLog;
import io.carbonx.chain.core.pbft.Action;
import io.carbonx.chain.core.pbft.DurableState;
import io.carbonx.chain.core.pbft.LogProposals;
import io.carbonx.chain.core.pbft.PbftConfig;
import io.carbonx.chain.core.pbft.PbftReplica;
import io.carbonx.chain.core.pbft.ValidatorSet;
import io.carbonx.chain.core.pbft.message.Commit;
import io.carbonx.chain.core.pbft.message.Payload;
import io.carbonx.chain.core.pbft.message.PrePrepare;
import io.carbonx.chain.core.pbft.message.Prepare;
import io.carbonx.chain.core.pbft.message.SignedMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The fault bound is tight, and the simulation's checker would notice if it were crossed: with f+1
 * colluding byzantine validators (n = 4: two) PBFT can fork, and {@link Invariants} reports it. The
 * simulation's F_PLUS_ONE_DOWN family shows the other side: f+1 <em>unavailable</em> validators stop the
 * chain without a fork.
 */
class FaultThresholdTest {

    private static final long SEED = 5;

    @Test
    void fPlusOneColludingByzantineValidatorsCanForkAndTheInvariantCheckerSeesIt() {
        SimKeys keys = SimKeys.fake(SEED, 4);
        ValidatorSet validators = new ValidatorSet(keys.validatorKeys(4));
        PbftConfig config = new PbftConfig(Simulation.CHAIN, validators, 4, 8, 200, 3_200, 50, 100, 8);
        GlobalLog global = new GlobalLog();
        Random rnd = new Random(SEED);
        for (int i = 0; i < 8; i++) {
            global.produce(rnd, SEED);
        }
        BlockBuilder builder = new BlockBuilder(8, 20);
        InMemoryLocalLog primaryLog = global.reread(0);
        BlockHeader a = builder.cut(ChainState.genesis(Simulation.CHAIN), primaryLog, 100).orElseThrow().header();
        BlockHeader b = builder.cut(ChainState.genesis(Simulation.CHAIN), primaryLog, 101).orElseThrow().header();
        assertThat(a.hash()).isNotEqualTo(b.hash());

        // Byzantine 0 (primary) and 1 show block a to honest 2 and block b to honest 3, and vote both ways.
        PbftReplica two = honest(config, keys, global, 2, builder);
        PbftReplica three = honest(config, keys, global, 3, builder);
        List<Action> atTwo = feed(two, keys, a);
        List<Action> atThree = feed(three, keys, b);

        Invariants invariants = new Invariants(Simulation.CHAIN, keys.validatorKeys(4), keys.verifier, global);
        invariants.onCommit(2, commitOf(atTwo));
        assertThatThrownBy(() -> invariants.onCommit(3, commitOf(atThree)))
                .isInstanceOf(Invariants.Violation.class).hasMessageContaining("FORK at height 1");
    }

    private static PbftReplica honest(PbftConfig config, SimKeys keys, GlobalLog global, int id, BlockBuilder builder) {
        LogProposals proposals = new LogProposals(builder, global.reread(0), 50);
        return new PbftReplica(config, id, keys.signers.get(id), keys.verifier, proposals, proposals,
                DurableState.empty());
    }

    private static List<Action> feed(PbftReplica replica, SimKeys keys, BlockHeader block) {
        List<Action> out = new ArrayList<>();
        out.addAll(replica.onMessage(signed(keys, 0, new PrePrepare(0, 1, block)), 110));
        out.addAll(replica.onMessage(signed(keys, 1, new Prepare(0, 1, block.hash())), 110));
        out.addAll(replica.onMessage(signed(keys, 0, new Commit(0, 1, block.hash())), 110));
        out.addAll(replica.onMessage(signed(keys, 1, new Commit(0, 1, block.hash())), 110));
        return out;
    }

    private static SignedMessage<?> signed(SimKeys keys, int author, Payload p) {
        return SignedMessage.sign(Simulation.CHAIN, p, author, keys.signers.get(author));
    }

    private static io.carbonx.chain.core.pbft.message.CommittedBlock commitOf(List<Action> actions) {
        for (Action act : actions) {
            if (act instanceof Action.CommitBlock c) {
                return c.block();
            }
        }
        throw new AssertionError("no commit in " + actions);
    }
}
