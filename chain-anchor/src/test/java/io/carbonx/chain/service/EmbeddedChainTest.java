package io.carbonx.chain.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.carbonx.chain.core.block.TopicPartition;
import io.carbonx.chain.feed.MemoryLog;
import io.carbonx.chain.runtime.ValidatorStatus;
import io.carbonx.chain.testing.Await;
import io.carbonx.chain.testing.ChainAssertions;
import io.carbonx.chain.testing.ChainTestSupport;
import io.carbonx.chain.testing.CommitRecorder;
import io.carbonx.eventlog.runtime.ComponentHealth;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded node without Kafka: four validators with registry-issued certificates on the in-memory bus.
 * A backup stops (the chain goes on with three) and comes back (catches up, verifying); the primary stops
 * (view change, then progress) and comes back.
 */
class EmbeddedChainTest {

    private static final long WAIT_MS = 60_000;
    private static final List<TopicPartition> PARTITIONS = List.of(new TopicPartition("carbonx.orders", 0),
            new TopicPartition("carbonx.trades", 0), new TopicPartition("carbonx.trades", 1));

    @TempDir
    Path dir;
    private final MemoryLog log = new MemoryLog();
    private final CommitRecorder recorder = new CommitRecorder();
    private final Random random = new Random(7);
    private ChainNode node;

    @AfterEach
    void tearDown() {
        if (node != null) {
            node.close();
        }
    }

    private void append(int count) {
        for (int i = 0; i < count; i++) {
            log.append(PARTITIONS.get(random.nextInt(PARTITIONS.size())),
                    ("evt-" + random.nextLong()).getBytes(StandardCharsets.UTF_8), System.currentTimeMillis());
        }
    }

    private void awaitAnchoredBy(int... ids) {
        Map<TopicPartition, Long> ends = log.endOffsets();
        for (int id : ids) {
            Await.until("validator " + id + " anchors " + ends, WAIT_MS, () -> recorder.covers(id, ends),
                    node::statuses);
        }
    }

    private void assertChains(int... ids) {
        Map<TopicPartition, Long> ends = log.endOffsets();
        for (int id : ids) {
            ChainAssertions.assertValidChain(recorder.blocks(id),
                    ChainTestSupport.verifier("test-chain", node.roster()), tp -> ChainTestSupport.events(log, tp));
            ChainAssertions.assertCoversExactly(recorder.blocks(id), ends);
        }
        ChainAssertions.assertAgree(recorder.all());
    }

    @Test
    void chainSurvivesABackupAndThePrimaryStoppingAndTheyCatchUp() throws Exception {
        AnchorSettings s = ChainTestSupport.settings(dir, new JsonObject());
        node = ChainTestSupport.memoryNode(s, dir, log, null);
        node.addListener(recorder);
        node.start();
        assertThat(Files.isRegularFile(dir.resolve("validators/0/validator.key.pem"))).isTrue();
        assertThat(node.roster().members()).extracting(m -> m.role().name())
                .containsExactly("EXCHANGE", "REGULATOR", "COURT", "ARBITRATOR");

        append(200);
        awaitAnchoredBy(0, 1, 2, 3);
        assertThat(ChainAnchorService.health(node).isUp()).isTrue();

        node.stopValidator(3);
        assertThat(ChainAnchorService.health(node).status()).isEqualTo(ComponentHealth.Status.DOWN);
        append(200);
        awaitAnchoredBy(0, 1, 2);

        node.startValidator(3);
        append(50);
        awaitAnchoredBy(0, 1, 2, 3);

        int primary = node.statuses().get(0).primary();
        long viewBefore = node.statuses().get(0).view();
        node.stopValidator(primary);
        append(200);
        int[] others = java.util.stream.IntStream.range(0, 4).filter(i -> i != primary).toArray();
        awaitAnchoredBy(others);
        assertThat(node.statuses()).allSatisfy(st -> assertThat(st.view()).isGreaterThan(viewBefore));

        node.startValidator(primary);
        append(50);
        awaitAnchoredBy(0, 1, 2, 3);

        assertChains(0, 1, 2, 3);
        assertThat(recorder.views(others[0])).isNotEmpty();
        assertThat(node.metrics().finality().count()).isPositive();
        assertThat(node.statuses()).extracting(ValidatorStatus::failure).containsOnlyNulls();
    }

    @Test
    void restartOfTheWholeNodeResumesFromDiskWithoutReEnrolling() throws Exception {
        AnchorSettings s = ChainTestSupport.settings(dir, new JsonObject());
        node = ChainTestSupport.memoryNode(s, dir, log, null);
        node.addListener(recorder);
        node.start();
        append(120);
        awaitAnchoredBy(0, 1, 2, 3);
        long height = recorder.height(0);
        byte[] cert = Files.readAllBytes(dir.resolve("validators/2/validator.pem"));
        node.close();

        CommitRecorder after = new CommitRecorder();
        node = ChainTestSupport.memoryNode(s, dir, log, null);
        node.addListener(after);
        node.start();
        assertThat(Files.readAllBytes(dir.resolve("validators/2/validator.pem"))).isEqualTo(cert);
        assertThat(node.statuses()).allSatisfy(st -> assertThat(st.height()).isGreaterThanOrEqualTo(height));
        append(80);
        Map<TopicPartition, Long> ends = log.endOffsets();
        Await.until("anchored after restart", WAIT_MS, () -> node.statuses().stream()
                .allMatch(st -> st.unanchoredEvents() == 0 && st.height() > height), node::statuses);
        assertThat(ends).isNotEmpty();
    }
}
