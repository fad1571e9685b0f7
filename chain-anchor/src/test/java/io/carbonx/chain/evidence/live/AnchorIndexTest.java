package io.carbonx.chain.evidence.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.carbonx.chain.core.Digest;
import io.carbonx.chain.core.block.Block;
import io.carbonx.chain.core.block.ChainState;
import io.carbonx.chain.core.block.LogEvent;
import io.carbonx.chain.core.pbft.message.CommitCertificate;
import io.carbonx.chain.core.pbft.message.CommittedBlock;
import io.carbonx.chain.evidence.EventLocation;
import io.carbonx.chain.evidence.EvidenceKind;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class AnchorIndexTest {

    private static final String CHAIN = "idx-chain";

    private final AnchorIndex index = new AnchorIndex(CHAIN);

    /** Block over {@code events} ("topic/partition/offset/key" strings), extending {@code head}. */
    private static Block block(ChainState head, long timeMs, String... events) {
        List<LogEvent> log = new ArrayList<>();
        for (String e : events) {
            String[] p = e.split("/");
            log.add(new LogEvent(p[0], Integer.parseInt(p[1]), Long.parseLong(p[2]), e.getBytes(StandardCharsets.UTF_8)));
        }
        return Block.assemble(head, log, timeMs);
    }

    private static List<AnchorIndex.Keyed> keyed(Block b) {
        List<AnchorIndex.Keyed> out = new ArrayList<>();
        for (LogEvent e : b.events()) {
            String key = new String(e.bytes(), StandardCharsets.UTF_8).split("/")[3];
            out.add(new AnchorIndex.Keyed(new EventLocation(e.topicPartition().topic(), e.topicPartition().partition(),
                    e.offset()), List.of(key), e.offset() * 100));
        }
        return out;
    }

    private Block add(long timeMs, String... events) {
        Block b = block(index.head(), timeMs, events);
        index.addBlock(new CommittedBlock(b.header(), new CommitCertificate(List.of())), keyed(b));
        return b;
    }

    @Test
    void indexesEventsByKeyAndFindsTheBlockOfEveryLocation() {
        add(10, "orders/0/0/order:O-1", "orders/0/1/order:O-2", "trades/0/0/trade:T-1");
        add(20, "orders/0/3/order:O-1");

        assertThat(index.height()).isEqualTo(2);
        assertThat(index.eventCount()).isEqualTo(4);
        assertThat(index.find("order:O-1")).extracting(AnchorIndex.Entry::height).containsExactly(1L, 2L);
        assertThat(index.find("order:O-1").get(1).logicalTimeMs()).isEqualTo(300);
        assertThat(index.find("trade:T-1")).singleElement()
                .satisfies(e -> assertThat(e.location()).isEqualTo(new EventLocation("trades", 0, 0)));
        assertThat(index.find("order:nope")).isEmpty();
        assertThat(index.heightOf(new EventLocation("orders", 0, 1))).hasValue(1);
        assertThat(index.heightOf(new EventLocation("orders", 0, 2))).as("a gap inside block 2's range").hasValue(2);
        assertThat(index.heightOf(new EventLocation("orders", 0, 4))).isEqualTo(OptionalLong.empty());
        assertThat(index.heightOf(new EventLocation("other", 0, 0))).isEmpty();
        assertThat(index.blocks(1, 5)).extracting(b -> b.height()).containsExactly(1L, 2L);
        assertThat(index.head().offsets()).containsEntry(new io.carbonx.chain.core.block.TopicPartition("orders", 0), 4L);
    }

    @Test
    void aBlockThatDoesNotExtendTheIndexedHeadIsRefusedAndChangesNothing() {
        add(10, "orders/0/0/order:O-1");
        Block stale = block(ChainState.genesis(CHAIN), 15, "orders/0/0/order:O-X");
        Block foreign = block(ChainState.genesis("other-chain"), 15, "orders/0/1/order:O-Y");

        assertThatThrownBy(() -> index.addBlock(new CommittedBlock(stale.header(), new CommitCertificate(List.of())),
                keyed(stale))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("WRONG_HEIGHT");
        assertThatThrownBy(() -> index.addBlock(new CommittedBlock(foreign.header(),
                new CommitCertificate(List.of())), keyed(foreign))).hasMessageContaining("WRONG_CHAIN");
        Block next = block(index.head(), 20, "orders/0/1/order:O-2");
        assertThatThrownBy(() -> index.addBlock(new CommittedBlock(next.header(), new CommitCertificate(List.of())),
                List.of())).hasMessageContaining("1 leaves, 0 events");

        assertThat(index.height()).isEqualTo(1);
        assertThat(index.find("order:O-X")).isEmpty();
        assertThat(index.find("order:O-2")).isEmpty();
        assertThat(index.eventCount()).isEqualTo(1);
    }

    @Test
    void tokensArriveBeforeOrAfterTheirBlock_andOnlyOverItsHash() {
        Block b1 = add(10, "orders/0/0/order:O-1");
        assertThat(index.latestStampedHeight()).isZero();

        assertThat(index.addTimestamp(1, Digest.ZERO, new byte[] {9})).isFalse();
        assertThat(index.rejectedTokens()).isEqualTo(1);
        assertThat(index.addTimestamp(1, b1.header().hash(), new byte[] {1})).isTrue();
        assertThat(index.addTimestamp(1, b1.header().hash(), new byte[] {2})).as("first token per height").isTrue();
        assertThat(index.tokens(1)).singleElement().isEqualTo(new byte[] {1});
        assertThat(index.latestStampedHeight()).isEqualTo(1);

        Block b2 = block(index.head(), 20, "orders/0/1/order:O-2");
        Block b3 = block(b2Head(b2), 30, "orders/0/2/order:O-3");
        assertThat(index.addTimestamp(3, b3.header().hash(), new byte[] {3})).isTrue();
        assertThat(index.latestStampedHeight()).as("block 3 not indexed yet").isEqualTo(1);
        index.addBlock(new CommittedBlock(b2.header(), new CommitCertificate(List.of())), keyed(b2));
        index.addBlock(new CommittedBlock(b3.header(), new CommitCertificate(List.of())), keyed(b3));
        assertThat(index.latestStampedHeight()).isEqualTo(3);
        assertThat(index.tokens(2)).isEmpty();
        assertThat(index.tokens(3)).singleElement().isEqualTo(new byte[] {3});
    }

    private static ChainState b2Head(Block b2) {
        return ChainState.genesis(CHAIN).append(block(ChainState.genesis(CHAIN), 10, "orders/0/0/order:O-1").header())
                .append(b2.header());
    }

    @Test
    void keysAreKindAndId() {
        assertThat(EventKeys.key(EvidenceKind.PENALTY, "PEN-1")).isEqualTo("penalty:PEN-1");
    }
}
