package io.carbonx.chain.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordFileTest {

    @TempDir
    Path dir;

    private Path write(byte[]... records) throws IOException {
        Path p = dir.resolve("f.log");
        try (RecordFile f = RecordFile.open(p)) {
            for (byte[] r : records) {
                f.append(r);
            }
            f.sync();
        }
        return p;
    }

    @Test
    void recordsSurviveReopenInOrder() throws IOException {
        Path p = write(new byte[] {1}, new byte[] {2, 2}, new byte[0]);
        try (RecordFile f = RecordFile.open(p)) {
            assertThat(f.initialRecords()).containsExactly(new byte[] {1}, new byte[] {2, 2}, new byte[0]);
            assertThat(f.read(1)).containsExactly(2, 2);
        }
    }

    @Test
    void givenATornLastRecord_whenOpened_thenItIsCutOffAndAppendsContinue() throws IOException {
        Path p = write(new byte[] {1}, new byte[] {2, 2, 2, 2});
        long full = Files.size(p);
        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.WRITE)) {
            ch.truncate(full - 2);
        }
        try (RecordFile f = RecordFile.open(p)) {
            assertThat(f.initialRecords()).containsExactly(new byte[] {1});
            f.append(new byte[] {3});
            f.sync();
        }
        try (RecordFile f = RecordFile.open(p)) {
            assertThat(f.initialRecords()).containsExactly(new byte[] {1}, new byte[] {3});
        }
    }

    @Test
    void givenACorruptRecordFollowedByAnother_whenOpened_thenRefused() throws IOException {
        Path p = write(new byte[] {1, 1, 1}, new byte[] {2});
        byte[] bytes = Files.readAllBytes(p);
        bytes[9] ^= 0x40; // inside the first payload
        Files.write(p, bytes);
        assertThatThrownBy(() -> RecordFile.open(p)).isInstanceOf(IOException.class).hasMessageContaining("corrupt");
    }

    @Test
    void rewriteReplacesEverythingAtomically() throws IOException {
        Path p = write(new byte[] {1}, new byte[] {2});
        try (RecordFile f = RecordFile.open(p)) {
            f.rewrite(List.of(new byte[] {7}));
            f.append(new byte[] {8});
            f.sync();
            assertThat(f.count()).isEqualTo(2);
        }
        try (RecordFile f = RecordFile.open(p)) {
            assertThat(f.initialRecords()).containsExactly(new byte[] {7}, new byte[] {8});
        }
        assertThat(Files.exists(dir.resolve("f.log.tmp"))).isFalse();
    }
}
