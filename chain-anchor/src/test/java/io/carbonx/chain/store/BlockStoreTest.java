package io.carbonx.chain.store;

import static io.carbonx.chain.store.StoreFixtures.CHAIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.carbonx.chain.core.pbft.message.CommittedBlock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlockStoreTest {

    @TempDir
    Path dir;

    @Test
    void blocksSurviveReopenAndAreReadThroughTheIndex() throws IOException {
        List<CommittedBlock> chain = StoreFixtures.chain(5);
        try (BlockStore s = BlockStore.open(dir, CHAIN)) {
            for (CommittedBlock b : chain) {
                s.append(b);
            }
            s.sync();
        }
        try (BlockStore s = BlockStore.open(dir, CHAIN)) {
            assertThat(s.height()).isEqualTo(5);
            assertThat(s.loadedBlocks()).extracting(b -> b.header().hash())
                    .containsExactlyElementsOf(chain.stream().map(b -> b.header().hash()).toList());
            assertThat(s.read(3).header()).isEqualTo(chain.get(2).header());
            assertThat(s.head().headHash()).isEqualTo(chain.get(4).header().hash());
        }
        assertThat(Files.size(dir.resolve(BlockStore.INDEX))).isEqualTo(5 * 8);
    }

    @Test
    void givenABlockThatDoesNotExtendTheHead_whenAppended_thenRefusedAndNothingWritten() throws IOException {
        List<CommittedBlock> chain = StoreFixtures.chain(3);
        try (BlockStore s = BlockStore.open(dir, CHAIN)) {
            s.append(chain.get(0));
            assertThatThrownBy(() -> s.append(chain.get(2))).isInstanceOf(IllegalArgumentException.class);
            assertThat(s.height()).isEqualTo(1);
        }
    }

    @Test
    void givenALostIndex_whenOpened_thenItIsRebuilt() throws IOException {
        List<CommittedBlock> chain = StoreFixtures.chain(4);
        try (BlockStore s = BlockStore.open(dir, CHAIN)) {
            for (CommittedBlock b : chain) {
                s.append(b);
            }
            s.sync();
        }
        Files.write(dir.resolve(BlockStore.INDEX), new byte[] {1, 2, 3});
        try (BlockStore s = BlockStore.open(dir, CHAIN)) {
            assertThat(s.read(4).header()).isEqualTo(chain.get(3).header());
        }
    }

    @Test
    void givenBlocksOfAnotherChain_whenOpened_thenTheyAreDroppedNotTrusted() throws IOException {
        List<CommittedBlock> chain = StoreFixtures.chain(2);
        try (BlockStore s = BlockStore.open(dir, CHAIN)) {
            s.append(chain.get(0));
            s.append(chain.get(1));
            s.sync();
        }
        try (BlockStore s = BlockStore.open(dir, "other-chain")) {
            assertThat(s.height()).isZero();
            assertThat(s.loadedBlocks()).isEmpty();
        }
    }

    @Test
    void givenAnIndexMissingItsLastEntries_whenOpened_thenItIsRebuiltFromTheSyncedData() throws IOException {
        List<CommittedBlock> chain = StoreFixtures.chain(5);
        try (BlockStore s = BlockStore.open(dir, CHAIN)) {
            for (CommittedBlock b : chain) {
                s.append(b);
            }
            s.sync();
        }
        // a crash after the data was synced, before the OS wrote the (never forced) index out: entries 4 and 5 lost
        byte[] index = Files.readAllBytes(dir.resolve(BlockStore.INDEX));
        Files.write(dir.resolve(BlockStore.INDEX), java.util.Arrays.copyOf(index, 3 * 8));
        try (BlockStore s = BlockStore.open(dir, CHAIN)) {
            assertThat(s.height()).isEqualTo(5);
            assertThat(s.read(5).header()).isEqualTo(chain.get(4).header());
            assertThat(s.read(4).header()).isEqualTo(chain.get(3).header());
        }
        assertThat(Files.size(dir.resolve(BlockStore.INDEX))).isEqualTo(5 * 8);
    }

    @Test
    void givenAnIndexEntryThatWasNeverWrittenOut_whenOpened_thenItIsRebuiltNotFollowed() throws IOException {
        List<CommittedBlock> chain = StoreFixtures.chain(4);
        try (BlockStore s = BlockStore.open(dir, CHAIN)) {
            for (CommittedBlock b : chain) {
                s.append(b);
            }
            s.sync();
        }
        // the index file has its full length but entry 3 reads as zeros (a hole the OS never filled)
        byte[] index = Files.readAllBytes(dir.resolve(BlockStore.INDEX));
        java.util.Arrays.fill(index, 2 * 8, 3 * 8, (byte) 0);
        Files.write(dir.resolve(BlockStore.INDEX), index);
        try (BlockStore s = BlockStore.open(dir, CHAIN)) {
            assertThat(s.read(3).header()).isEqualTo(chain.get(2).header());
        }
    }
}
