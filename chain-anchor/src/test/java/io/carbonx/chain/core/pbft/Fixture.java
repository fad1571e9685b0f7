package io.carbonx.chain.core.pbft;

import io.carbonx.chain.core.block.Block;
import io.carbonx.chain.core.block.BlockBuilder;
import io.carbonx.chain.core.block.BlockHeader;
import io.carbonx.chain.core.block.ChainState;
import io.carbonx.chain.core.block.InMemoryLocalLog;
import io.carbonx.chain.core.block.LogEvent;
import io.carbonx.chain.core.pbft.message.Commit;
import io.carbonx.chain.core.pbft.message.Payload;
import io.carbonx.chain.core.pbft.message.PrePrepare;
import io.carbonx.chain.core.pbft.message.Prepare;
import io.carbonx.chain.core.pbft.message.SignedMessage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Validators, keys, logs and message helpers for scenario tests with fake peers and a fixed clock. */
final class Fixture {

    static final String CHAIN = "carbonx-test";
    static final long SEED = 42;

    final int n;
    final ValidatorSet validators;
    final PbftConfig config;
    final BlockBuilder builder;

    Fixture(int n) {
        this(n, 4);
    }

    Fixture(int n, int checkpointInterval) {
        this.n = n;
        this.validators = new ValidatorSet(FakeCrypto.keys(SEED, n));
        this.config = new PbftConfig(CHAIN, validators, checkpointInterval, checkpointInterval * 2, 1_000, 8_000, 100,
                500, 16);
        this.builder = new BlockBuilder(4, 10);
    }

    Signer signer(int id) {
        return FakeCrypto.signer(FakeCrypto.key(SEED, id));
    }

    static LogEvent event(int offset) {
        return new LogEvent("trades", 0, offset, ("trade-" + offset).getBytes(StandardCharsets.UTF_8));
    }

    /** A log holding events {@code 0..count-1} of trades-0, read at time 0. */
    static InMemoryLocalLog log(int count) {
        InMemoryLocalLog log = new InMemoryLocalLog();
        for (int i = 0; i < count; i++) {
            log.append(event(i), 0);
        }
        return log;
    }

    PbftReplica replica(int id, InMemoryLocalLog log, DurableState durable) {
        LogProposals proposals = new LogProposals(builder, log, 1_000);
        return new PbftReplica(config, id, signer(id), FakeCrypto.VERIFIER, proposals, proposals, durable);
    }

    <P extends Payload> SignedMessage<P> signed(int author, P payload) {
        return SignedMessage.sign(CHAIN, payload, author, signer(author));
    }

    /** The block the cut rule gives on {@code log} after {@code head} at time {@code now}. */
    BlockHeader proposal(InMemoryLocalLog log, ChainState head, long now) {
        Block b = builder.cut(head, log, now).orElseThrow();
        return b.header();
    }

    SignedMessage<PrePrepare> prePrepare(long view, BlockHeader header) {
        return signed(validators.primary(view), new PrePrepare(view, header.height(), header));
    }

    SignedMessage<Prepare> prepare(int author, long view, BlockHeader header) {
        return signed(author, new Prepare(view, header.height(), header.hash()));
    }

    SignedMessage<Commit> commit(int author, long view, BlockHeader header) {
        return signed(author, new Commit(view, header.height(), header.hash()));
    }

    /** Durable state as a driver executing {@code actions} would leave it. */
    static DurableState durableAfter(List<List<Action>> steps) {
        List<VoteRecord> votes = new ArrayList<>();
        List<io.carbonx.chain.core.pbft.message.CommittedBlock> blocks = new ArrayList<>();
        for (List<Action> step : steps) {
            for (Action a : step) {
                if (a instanceof Action.Persist p) {
                    votes.add(p.record());
                } else if (a instanceof Action.TruncateVotes t) {
                    List<VoteRecord> kept = VoteRecord.retain(votes, t.stableHeight());
                    votes.clear();
                    votes.addAll(kept);
                } else if (a instanceof Action.CommitBlock cb) {
                    blocks.add(cb.block());
                }
            }
        }
        return new DurableState(votes, blocks);
    }

    static <T extends Action> List<T> only(List<Action> actions, Class<T> type) {
        List<T> out = new ArrayList<>();
        for (Action a : actions) {
            if (type.isInstance(a)) {
                out.add(type.cast(a));
            }
        }
        return out;
    }

    /** Messages of payload type {@code type} sent (broadcast or unicast) in {@code actions}. */
    static <P extends Payload> List<SignedMessage<P>> sent(List<Action> actions, Class<P> type) {
        List<SignedMessage<P>> out = new ArrayList<>();
        for (Action a : actions) {
            SignedMessage<?> m = a instanceof Action.Broadcast b ? b.message()
                    : a instanceof Action.Send s ? s.message() : null;
            if (m != null && type.isInstance(m.payload())) {
                out.add(m.as(type));
            }
        }
        return out;
    }

    static List<Reason> rejections(List<Action> actions) {
        List<Reason> out = new ArrayList<>();
        for (Action.Rejected r : only(actions, Action.Rejected.class)) {
            out.add(r.reason());
        }
        return out;
    }
}
