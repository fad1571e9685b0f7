package io.carbonx.chain.store;

import io.carbonx.chain.core.block.Block;
import io.carbonx.chain.core.block.ChainState;
import io.carbonx.chain.core.block.LogEvent;
import io.carbonx.chain.core.pbft.message.Commit;
import io.carbonx.chain.core.pbft.message.CommitCertificate;
import io.carbonx.chain.core.pbft.message.CommittedBlock;
import io.carbonx.chain.core.pbft.message.SignedMessage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Committed blocks with well-formed (not cryptographically valid) certificates: stores do not verify. */
final class StoreFixtures {

    static final String CHAIN = "store-test";

    private StoreFixtures() {
    }

    static List<CommittedBlock> chain(int blocks) {
        List<CommittedBlock> out = new ArrayList<>();
        ChainState head = ChainState.genesis(CHAIN);
        long offset = 0;
        for (int h = 1; h <= blocks; h++) {
            List<LogEvent> events = new ArrayList<>();
            for (int i = 0; i < 3; i++, offset++) {
                events.add(new LogEvent("t", 0, offset, ("e" + offset).getBytes(StandardCharsets.UTF_8)));
            }
            Block b = Block.assemble(head, events, 100L * h);
            List<SignedMessage<Commit>> commits = new ArrayList<>();
            for (int v = 0; v < 3; v++) {
                commits.add(new SignedMessage<>(new Commit(0, h, b.header().hash()), v, new byte[] {(byte) v}));
            }
            out.add(new CommittedBlock(b.header(), new CommitCertificate(commits)));
            head = head.append(b.header());
        }
        return out;
    }
}
