package io.carbonx.chain.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.carbonx.chain.core.Digest;
import io.carbonx.chain.core.pbft.VoteRecord;
import io.carbonx.chain.core.pbft.message.Commit;
import io.carbonx.chain.core.pbft.message.Prepare;
import io.carbonx.chain.core.pbft.message.SignedMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VoteLogTest {

    @TempDir
    Path dir;

    private static VoteRecord prepare(long height) {
        return new VoteRecord.SentVote(new SignedMessage<>(new Prepare(0, height, Digest.ZERO.flipBit((int) height)), 1,
                new byte[] {7}));
    }

    private static VoteRecord commit(long height) {
        return new VoteRecord.SentVote(new SignedMessage<>(new Commit(0, height, Digest.ZERO.flipBit((int) height)), 1,
                new byte[] {8}));
    }

    @Test
    void syncedVotesAreFoundAfterReopen() throws IOException {
        try (VoteLog log = VoteLog.open(dir)) {
            log.append(prepare(1));
            log.append(commit(1));
            log.sync();
        }
        try (VoteLog log = VoteLog.open(dir)) {
            assertThat(log.records()).containsExactly(prepare(1), commit(1));
        }
    }

    @Test
    void truncateKeepsOnlyWhatRetainKeepsAndSurvivesReopen() throws IOException {
        try (VoteLog log = VoteLog.open(dir)) {
            for (int h = 1; h <= 6; h++) {
                log.append(prepare(h));
            }
            log.truncate(4);
            log.append(commit(7));
            log.sync();
            assertThat(log.records()).containsExactly(prepare(5), prepare(6), commit(7));
        }
        try (VoteLog log = VoteLog.open(dir)) {
            assertThat(log.records()).containsExactly(prepare(5), prepare(6), commit(7));
        }
    }

    @Test
    void givenARecordThatDoesNotDecode_whenOpened_thenTheValidatorRefusesToStart() throws IOException {
        try (RecordFile f = RecordFile.open(dir.resolve(VoteLog.FILE))) {
            f.append(new byte[] {99, 1, 2});
            f.sync();
        }
        assertThatThrownBy(() -> VoteLog.open(dir)).isInstanceOf(IOException.class).hasMessageContaining("decode");
        assertThat(Files.exists(dir.resolve(VoteLog.FILE))).isTrue();
    }
}
