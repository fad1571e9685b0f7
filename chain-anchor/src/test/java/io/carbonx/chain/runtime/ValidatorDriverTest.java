package io.carbonx.chain.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.carbonx.chain.core.Digest;
import io.carbonx.chain.core.block.TopicPartition;
import io.carbonx.chain.core.pbft.CertificateVerifier;
import io.carbonx.chain.core.pbft.message.Commit;
import io.carbonx.chain.core.pbft.message.NewView;
import io.carbonx.chain.core.pbft.message.Payload;
import io.carbonx.chain.core.pbft.message.PrePrepare;
import io.carbonx.chain.core.pbft.message.Prepare;
import io.carbonx.chain.core.pbft.message.SignedMessage;
import io.carbonx.chain.core.pbft.message.ViewChange;
import io.carbonx.chain.crypto.Ed25519Verifier;
import io.carbonx.chain.core.block.LogEvent;
import io.carbonx.chain.feed.ReadEvent;
import io.carbonx.chain.testing.Await;
import io.carbonx.chain.testing.ChainAssertions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Four validator drivers (threads, fsynced files, in-memory bus, own feeds) anchor a log; crashes between
 * persisting and sending, and restarts, never make a validator equivocate.
 */
class ValidatorDriverTest {

    private static final long WAIT_MS = 60_000;
    private static final List<TopicPartition> PARTITIONS = List.of(new TopicPartition("orders", 0),
            new TopicPartition("orders", 1), new TopicPartition("trades", 0));

    @TempDir
    Path dir;
    private DriverCluster cluster;

    @AfterEach
    void tearDown() {
        if (cluster != null) {
            cluster.close();
        }
    }

    private void append(Random random, int count) {
        for (int i = 0; i < count; i++) {
            TopicPartition tp = PARTITIONS.get(random.nextInt(PARTITIONS.size()));
            cluster.log.append(tp, ("event-" + random.nextLong()).getBytes(StandardCharsets.UTF_8),
                    System.currentTimeMillis());
        }
    }

    private void awaitAnchoredBy(List<Integer> ids) {
        Map<TopicPartition, Long> ends = cluster.log.endOffsets();
        for (int id : ids) {
            Await.until("validator " + id + " anchors " + ends, WAIT_MS, () -> cluster.recorder.covers(id, ends),
                    cluster::statuses);
        }
    }

    private void assertChainsValid(List<Integer> ids) {
        CertificateVerifier verifier = new CertificateVerifier(DriverCluster.CHAIN, cluster.config.validators(),
                new Ed25519Verifier());
        Map<TopicPartition, Long> ends = cluster.log.endOffsets();
        for (int id : ids) {
            ChainAssertions.assertValidChain(cluster.recorder.blocks(id), verifier, this::logEvents);
            ChainAssertions.assertCoversExactly(cluster.recorder.blocks(id), ends);
        }
        ChainAssertions.assertAgree(cluster.recorder.all());
    }

    private List<LogEvent> logEvents(TopicPartition tp) {
        return cluster.log.events(tp).stream().map(this::toLogEvent).toList();
    }

    private LogEvent toLogEvent(ReadEvent e) {
        return new LogEvent(e.topicPartition(), e.offset(), e.bytes());
    }

    @Test
    void fourValidatorsAnchorEveryEventExactlyOnceInACertifiedHashChain() throws Exception {
        cluster = new DriverCluster(dir, 4, 1, new DriverSettings(40, 5, 2_000, 5, 4096, 8), 1_000);
        Random random = new Random(11);
        append(random, 300);
        cluster.startAll();
        append(random, 300);

        awaitAnchoredBy(List.of(0, 1, 2, 3));

        assertChainsValid(List.of(0, 1, 2, 3));
        assertThat(cluster.recorder.blocks(0)).allSatisfy(b -> assertThat(b.header().treeSize()).isLessThanOrEqualTo(40));
        assertThat(cluster.statuses()).allSatisfy(s -> assertThat(s.failure()).isNull());
    }

    @Test
    void crashingBetweenFsyncAndSendThenRestartingNeverSendsAConflictingVote() throws Exception {
        long seed = 20_251_121L;
        Random random = new Random(seed);
        cluster = new DriverCluster(dir, 4, seed, new DriverSettings(25, 5, 2_000, 5, 4096, 8), 400);
        cluster.startAll();
        for (int round = 0; round < 8; round++) {
            int victim = random.nextInt(4);
            ValidatorDriver d = cluster.driver(victim);
            if (round % 2 == 0) {
                d.crashBeforeNextSend();
                append(random, 60 + random.nextInt(60));
                d.awaitTermination(WAIT_MS);
                assertThat(d.status().running()).as("seed %d round %d: validator %d crashed", seed, round, victim)
                        .isFalse();
            } else {
                append(random, 60 + random.nextInt(60));
                Thread.sleep(random.nextInt(30));
            }
            cluster.stop(victim);
            cluster.start(victim);
            append(random, 30);
            awaitAnchoredBy(List.of(0, 1, 2, 3));
        }

        assertNoValidatorEquivocated(cluster.sent(), seed);
        assertChainsValid(List.of(0, 1, 2, 3));
    }

    /**
     * The driver sends a batch's votes once they are synced and syncs the block store after the sends: a crash in
     * between leaves the vote log durable (with every vote sent) and the store without its last block(s). Modelled
     * by stopping a validator and cutting the tail of its block store (a torn last record is dropped at open)
     * before it restarts: it must catch up and never sign a vote conflicting with one it sent.
     */
    @Test
    void givenTheBlockStoreTailLostAfterTheVotesWereSent_whenRestarted_thenItCatchesUpWithoutConflictingVotes()
            throws Exception {
        long seed = 20_261_121L;
        Random random = new Random(seed);
        cluster = new DriverCluster(dir, 4, seed, new DriverSettings(25, 5, 2_000, 5, 4096, 8), 400);
        cluster.startAll();
        int cuts = 0;
        for (int round = 0; round < 6; round++) {
            int victim = random.nextInt(4);
            append(random, 60 + random.nextInt(60));
            Thread.sleep(random.nextInt(30));
            cluster.stop(victim);
            Path data = dir.resolve("v" + victim).resolve(io.carbonx.chain.store.BlockStore.DATA);
            long size = java.nio.file.Files.size(data);
            if (size > 0) {
                try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(data,
                        java.nio.file.StandardOpenOption.WRITE)) {
                    ch.truncate(size - 1 - random.nextInt((int) Math.min(size, 64)));
                }
                cuts++;
            }
            cluster.start(victim);
            append(random, 30);
            awaitAnchoredBy(List.of(0, 1, 2, 3));
        }

        assertThat(cuts).as("seed %d: block stores cut", seed).isPositive();
        assertNoValidatorEquivocated(cluster.sent(), seed);
        assertChainsValid(List.of(0, 1, 2, 3));
    }

    /**
     * A validator that cannot commit (its peers are down) reads a partition only up to
     * {@link DriverSettings#readAheadPerPartition()} events beyond its head, plus at most one feed read (the
     * cluster's feeds read up to 1000 events per partition at a time); the rest stays in the log. Once its peers
     * are up, everything is anchored.
     */
    @Test
    void givenAValidatorThatCannotCommit_whenTheLogGrows_thenItHoldsABoundedReadAheadAndCatchesUpLater()
            throws Exception {
        DriverSettings settings = new DriverSettings(25, 5, 2_000, 5, 4096, 8);
        cluster = new DriverCluster(dir, 4, 3, settings, 1_000);
        TopicPartition tp = PARTITIONS.get(0);
        for (int i = 0; i < 5_000; i++) {
            cluster.log.append(tp, ("event-" + i).getBytes(StandardCharsets.UTF_8), System.currentTimeMillis());
        }
        cluster.start(0);
        Await.until("validator 0 read up to its read-ahead", WAIT_MS,
                () -> cluster.driver(0).status().unanchoredEvents() >= settings.readAheadPerPartition(),
                cluster::statuses);
        Thread.sleep(300);
        long bound = settings.readAheadPerPartition() - 1 + 1000;
        assertThat(cluster.driver(0).status().unanchoredEvents()).as("events held by validator 0")
                .isLessThanOrEqualTo(bound);
        assertThat(cluster.driver(0).status().height()).isZero();

        for (int id = 1; id < 4; id++) {
            cluster.start(id);
        }
        awaitAnchoredBy(List.of(0, 1, 2, 3));
        assertChainsValid(List.of(0, 1, 2, 3));
    }

    /** No author signed two different votes for one (type, view, height), nor two different view changes. */
    static void assertNoValidatorEquivocated(List<SignedMessage<?>> sent, long seed) {
        Map<String, Object> votes = new HashMap<>();
        for (SignedMessage<?> m : sent) {
            Payload p = m.payload();
            String key;
            Object value;
            if (p instanceof PrePrepare pp) {
                key = "pp/" + pp.view() + "/" + pp.height();
                value = pp.digest();
            } else if (p instanceof Prepare pr) {
                key = "p/" + pr.view() + "/" + pr.height();
                value = pr.digest();
            } else if (p instanceof Commit c) {
                key = "c/" + c.view() + "/" + c.height();
                value = c.digest();
            } else if (p instanceof ViewChange vc) {
                key = "vc/" + vc.newView();
                value = vc;
            } else if (p instanceof NewView nv) {
                key = "nv/" + nv.view();
                value = nv;
            } else {
                continue;
            }
            Object previous = votes.putIfAbsent(m.author() + ":" + key, value);
            assertThat(previous == null || previous.equals(value))
                    .as("seed %d: validator %d signed two different %s: %s and %s", seed, m.author(), key, previous,
                            value)
                    .isTrue();
        }
        assertThat(votes.keySet()).anyMatch(k -> k.contains(":c/"));
        assertThat(votes.values()).noneMatch(v -> v instanceof Digest d && d.equals(Digest.ZERO));
    }
}
