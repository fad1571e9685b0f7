package io.carbonx.chain.core.block;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.carbonx.chain.core.Digest;
import io.carbonx.chain.core.merkle.MerkleVerifier;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BlockBuilderTest {

    private static final TopicPartition ORDERS = new TopicPartition("orders", 0);
    private static final TopicPartition TRADES = new TopicPartition("trades", 1);

    private static LogEvent ev(TopicPartition tp, long offset) {
        return new LogEvent(tp, offset, (tp + "#" + offset).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void cutsExactlyNEventsInReadOrderAsSoonAsNArePending() {
        InMemoryLocalLog log = new InMemoryLocalLog();
        BlockBuilder builder = new BlockBuilder(3, 1000);
        ChainState head = ChainState.genesis("c");
        log.append(ev(TRADES, 0), 10);
        log.append(ev(ORDERS, 0), 11);
        assertThat(builder.cut(head, log, 12)).isEmpty();
        log.append(ev(TRADES, 1), 12);
        log.append(ev(ORDERS, 1), 13);
        Block block = builder.cut(head, log, 14).orElseThrow();
        assertThat(block.header().treeSize()).isEqualTo(3);
        // Canonical leaf order: orders-0 before trades-1, offsets ascending.
        assertThat(block.events()).containsExactly(ev(ORDERS, 0), ev(TRADES, 0), ev(TRADES, 1));
        assertThat(block.header().ranges()).containsExactly(new PartitionRange(ORDERS, 0, 1),
                new PartitionRange(TRADES, 0, 2));
        assertThat(block.header().previousHash()).isEqualTo(Digest.ZERO);
        assertThat(block.header().height()).isEqualTo(1);
    }

    @Test
    void cutsWhateverIsPendingOnceTheOldestEventIsTMillisecondsOld() {
        InMemoryLocalLog log = new InMemoryLocalLog();
        BlockBuilder builder = new BlockBuilder(100, 50);
        ChainState head = ChainState.genesis("c");
        log.append(ev(ORDERS, 0), 100);
        assertThat(builder.cut(head, log, 149)).isEmpty();
        Optional<Block> block = builder.cut(head, log, 150);
        assertThat(block).isPresent();
        assertThat(block.get().header().timeMs()).isEqualTo(150);
        assertThat(builder.cut(head.append(block.get().header()), log, 10_000)).isEmpty();
    }

    @Test
    void rangesSpanOffsetGapsButEndRightAfterTheLastEvent() {
        InMemoryLocalLog log = new InMemoryLocalLog();
        log.append(ev(ORDERS, 0), 0);
        log.append(ev(ORDERS, 2), 0); // offset 1 is a transaction marker
        log.advance(ORDERS, 5);
        BlockBuilder builder = new BlockBuilder(2, 0);
        Block b1 = builder.cut(ChainState.genesis("c"), log, 1).orElseThrow();
        assertThat(b1.header().ranges()).containsExactly(new PartitionRange(ORDERS, 0, 3));
        ChainState head = ChainState.genesis("c").append(b1.header());
        log.append(ev(ORDERS, 6), 2);
        Block b2 = builder.cut(head, log, 3).orElseThrow();
        assertThat(b2.header().ranges()).containsExactly(new PartitionRange(ORDERS, 3, 7));
        assertThat(b2.header().previousHash()).isEqualTo(b1.header().hash());
    }

    @Test
    void rebuildReproducesTheProposalFromAnotherValidatorsLogInAnotherReadOrder() {
        InMemoryLocalLog primary = new InMemoryLocalLog();
        InMemoryLocalLog backup = new InMemoryLocalLog();
        primary.append(ev(ORDERS, 0), 0);
        primary.append(ev(TRADES, 0), 1);
        backup.append(ev(TRADES, 0), 0);
        backup.append(ev(ORDERS, 0), 5);
        BlockBuilder builder = new BlockBuilder(2, 0);
        ChainState head = ChainState.genesis("c");
        BlockHeader proposal = builder.cut(head, primary, 9).orElseThrow().header();
        BlockBuilder.Rebuild rebuilt = builder.rebuild(head, proposal, backup);
        assertThat(rebuilt.ok()).isTrue();
        assertThat(rebuilt.block().header()).isEqualTo(proposal);
    }

    @Test
    void rebuildGivesADifferentHeaderWhenTheLogHoldsDifferentBytes() {
        InMemoryLocalLog primary = new InMemoryLocalLog();
        InMemoryLocalLog backup = new InMemoryLocalLog();
        primary.append(new LogEvent(ORDERS, 0, new byte[] {1}), 0);
        backup.append(new LogEvent(ORDERS, 0, new byte[] {2}), 0);
        BlockBuilder builder = new BlockBuilder(1, 0);
        ChainState head = ChainState.genesis("c");
        BlockHeader proposal = builder.cut(head, primary, 1).orElseThrow().header();
        assertThat(builder.rebuild(head, proposal, backup).block().header().hash()).isNotEqualTo(proposal.hash());
    }

    @Test
    void rebuildNamesWhatIsWrongWithABadProposal() {
        InMemoryLocalLog log = new InMemoryLocalLog();
        log.append(ev(ORDERS, 0), 0);
        log.append(ev(ORDERS, 1), 0);
        BlockBuilder builder = new BlockBuilder(2, 0);
        ChainState head = ChainState.genesis("c");
        Digest root = builder.cut(head, log, 0).orElseThrow().header().merkleRoot();
        assertThat(rebuild(builder, head, log, range(0, 5), 2, root)).isEqualTo(BlockRejection.EVENTS_MISSING);
        assertThat(rebuild(builder, head, log, range(1, 2), 1, root)).isEqualTo(BlockRejection.RANGE_NOT_CONTIGUOUS);
        log.advance(ORDERS, 4);
        assertThat(rebuild(builder, head, log, range(0, 4), 2, root)).isEqualTo(BlockRejection.RANGE_NOT_CANONICAL);
        assertThat(new BlockBuilder(1, 0).rebuild(head, header(head, range(0, 2), 2, root), log).rejection())
                .isEqualTo(BlockRejection.TOO_MANY_EVENTS);
        BlockHeader wrongParent = new BlockHeader("c", 1, Digest.ZERO.flipBit(0), root, 2, List.of(range(0, 2)), 0);
        assertThat(builder.rebuild(head, wrongParent, log).rejection()).isEqualTo(BlockRejection.WRONG_PREVIOUS_HASH);
        BlockHeader otherChain = new BlockHeader("x", 1, Digest.ZERO, root, 2, List.of(range(0, 2)), 0);
        assertThat(builder.rebuild(head, otherChain, log).rejection()).isEqualTo(BlockRejection.WRONG_CHAIN);
    }

    private static PartitionRange range(long from, long to) {
        return new PartitionRange(ORDERS, from, to);
    }

    private static BlockHeader header(ChainState head, PartitionRange r, long size, Digest root) {
        return new BlockHeader("c", head.height() + 1, head.headHash(), root, size, List.of(r), 0);
    }

    private static BlockRejection rebuild(BlockBuilder b, ChainState head, LocalLog log, PartitionRange r, long size,
                                          Digest root) {
        return b.rebuild(head, header(head, r, size, root), log).rejection();
    }

    @Test
    void everyEventOfABlockHasAnInclusionProofAgainstTheHeaderRoot() {
        InMemoryLocalLog log = new InMemoryLocalLog();
        for (int i = 0; i < 11; i++) {
            log.append(ev(i % 2 == 0 ? ORDERS : TRADES, i / 2), i);
        }
        Block block = new BlockBuilder(11, 0).cut(ChainState.genesis("c"), log, 20).orElseThrow();
        for (int i = 0; i < block.events().size(); i++) {
            LogEvent e = block.events().get(i);
            assertThat(block.indexOf(e.topicPartition(), e.offset())).isEqualTo(i);
            assertThat(block.inclusionProof(i).verify(e.bytes(), block.header().merkleRoot()))
                    .isEqualTo(MerkleVerifier.Result.VALID);
        }
        assertThat(BlockBuilder.rootOf(block.events())).isEqualTo(block.header().merkleRoot());
    }

    @Test
    void localLogRefusesOffsetsGoingBackwardsAndChangesNothing() {
        InMemoryLocalLog log = new InMemoryLocalLog();
        log.append(ev(ORDERS, 3), 0);
        assertThatThrownBy(() -> log.append(ev(ORDERS, 3), 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> log.append(ev(ORDERS, 1), 1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(log.size()).isEqualTo(1);
        assertThat(log.position(ORDERS)).isEqualTo(4);
    }

    @Test
    void chainStateRefusesBlocksThatDoNotExtendIt() {
        ChainState g = ChainState.genesis("c");
        BlockHeader h1 = new BlockHeader("c", 1, Digest.ZERO, Digest.ZERO, 1, List.of(range(0, 1)), 5);
        ChainState s1 = g.append(h1);
        assertThat(s1.nextOffset(ORDERS)).isEqualTo(1);
        assertThat(s1.checkExtends(h1)).contains(BlockRejection.WRONG_HEIGHT);
        BlockHeader early = new BlockHeader("c", 2, h1.hash(), Digest.ZERO, 1, List.of(range(1, 2)), 4);
        assertThat(s1.checkExtends(early)).contains(BlockRejection.TIME_REGRESSION);
        BlockHeader gap = new BlockHeader("c", 2, h1.hash(), Digest.ZERO, 1, List.of(range(2, 3)), 5);
        assertThat(s1.checkExtends(gap)).contains(BlockRejection.RANGE_NOT_CONTIGUOUS);
        assertThatThrownBy(() -> s1.append(gap)).isInstanceOf(IllegalArgumentException.class);
    }
}
