package io.carbonx.chain.core.pbft;

import io.carbonx.chain.core.pbft.message.CommittedBlock;
import io.carbonx.chain.core.pbft.message.SignedMessage;
import java.util.ArrayList;
import java.util.List;

/** Collects one step's actions and returns them in the binding order documented on {@link Action}. */
final class Outbox {

    private final List<Action> persists = new ArrayList<>();
    private final List<Action> truncations = new ArrayList<>();
    private final List<Action> commits = new ArrayList<>();
    private final List<Action> sends = new ArrayList<>();
    private final List<Action> diagnostics = new ArrayList<>();

    void persist(VoteRecord record) {
        persists.add(new Action.Persist(record));
    }

    void truncate(long stableHeight) {
        truncations.add(new Action.TruncateVotes(stableHeight));
    }

    void commit(CommittedBlock block) {
        commits.add(new Action.CommitBlock(block));
    }

    void send(int to, SignedMessage<?> message) {
        sends.add(new Action.Send(to, message));
    }

    void broadcast(SignedMessage<?> message) {
        sends.add(new Action.Broadcast(message));
    }

    void rejected(SignedMessage<?> message, Verdict verdict) {
        diagnostics.add(new Action.Rejected(message, verdict.reason(), verdict.detail()));
    }

    void blockRefused(long height, Verdict verdict) {
        diagnostics.add(new Action.BlockRefused(height, verdict.reason(), verdict.detail()));
    }

    void viewEntered(long view, int primary) {
        diagnostics.add(new Action.ViewEntered(view, primary));
    }

    List<Action> drain() {
        List<Action> out = new ArrayList<>(persists.size() + truncations.size() + commits.size() + sends.size()
                + diagnostics.size());
        out.addAll(persists);
        out.addAll(truncations);
        out.addAll(commits);
        out.addAll(sends);
        out.addAll(diagnostics);
        persists.clear();
        truncations.clear();
        commits.clear();
        sends.clear();
        diagnostics.clear();
        return out;
    }
}
