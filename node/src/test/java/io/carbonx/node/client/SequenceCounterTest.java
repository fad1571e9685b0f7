package io.carbonx.node.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SequenceCounterTest {

    @TempDir
    Path dir;

    @Test
    void reservesStrictlyIncreasingNumbers_andKeepsThemAcrossInstances() {
        Path file = dir.resolve("sequence");
        assertThat(new SequenceCounter(file).reserve(null, false)).isEqualTo(1);
        assertThat(new SequenceCounter(file).reserve(null, false)).isEqualTo(2);
        assertThat(new SequenceCounter(file).last()).isEqualTo(2);
    }

    @Test
    void anExplicitNumberMustBeAboveTheLast_andMovesTheCounterUp() {
        SequenceCounter c = new SequenceCounter(dir.resolve("sequence"));
        c.reserve(null, false);
        assertThat(c.reserve(100L, false)).isEqualTo(100);
        assertThat(c.reserve(null, false)).isEqualTo(101);

        assertThatThrownBy(() -> c.reserve(50L, false)).isInstanceOfSatisfying(ClientException.class,
                e -> assertThat(e.kind()).isEqualTo(ClientException.Kind.USAGE)).hasMessageContaining("101");
        assertThat(c.last()).isEqualTo(101);
    }

    @Test
    void aLowerNumberCanBeForced_butTheCounterNeverGoesDown() {
        SequenceCounter c = new SequenceCounter(dir.resolve("sequence"));
        c.reserve(10L, false);
        assertThat(c.reserve(3L, true)).isEqualTo(3);
        assertThat(c.last()).isEqualTo(10);
    }

    @Test
    void concurrentReservationsNeverShareANumber() throws Exception {
        Path file = dir.resolve("sequence");
        Set<Long> seen = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 25; i++) {
                        assertThat(seen.add(new SequenceCounter(file).reserve(null, false))).isTrue();
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(seen).hasSize(100);
        assertThat(new SequenceCounter(file).last()).isEqualTo(100);
    }

    @Test
    void aCorruptCounterFileIsAProfileError() throws Exception {
        Path file = dir.resolve("sequence");
        Files.writeString(file, "twelve\n");

        assertThatThrownBy(() -> new SequenceCounter(file).reserve(null, false))
                .isInstanceOfSatisfying(ClientException.class,
                        e -> assertThat(e.kind()).isEqualTo(ClientException.Kind.PROFILE))
                .hasMessageContaining("twelve");
    }
}
