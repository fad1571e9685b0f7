package io.carbonx.chain.service;


import io.carbonx.chain.core.block.TopicPartition;
import io.carbonx.chain.feed.MemoryLog;
import io.carbonx.chain.identity.ValidatorEnrolment;
import io.carbonx.chain.identity.ValidatorFiles;
import io.carbonx.chain.testing.Await;
import io.carbonx.chain.testing.ChainAssertions;
import io.carbonx.chain.testing.ChainTestSupport;
import io.carbonx.chain.testing.CommitRecorder;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Four validators as four nodes (one validator each, sharing only the CA and the certificates, as separate
 * processes would) talking TCP with mutual TLS 1.3 on loopback: they commit certified blocks.
 */
class TlsChainIT {

    private static final long WAIT_MS = 90_000;

    @TempDir
    Path dir;
    private final MemoryLog log = new MemoryLog();
    private final List<ChainNode> nodes = new ArrayList<>();

    @AfterEach
    void tearDown() {
        nodes.forEach(ChainNode::close);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void fourValidatorsOverMutualTlsCommitCertifiedBlocks() throws Exception {
        JsonArray peers = new JsonArray();
        for (int i = 0; i < 4; i++) {
            peers.add("127.0.0.1:" + freePort());
        }
        CommitRecorder recorder = new CommitRecorder();
        // Certificates are distributed to every process beforehand; here: all enrolled once in the shared dir.
        AnchorSettings all = ChainTestSupport.settings(dir, new JsonObject());
        ValidatorEnrolment.ensureEnrolled(new ValidatorEnrolment.Settings(new ValidatorFiles(all.validatorsDir(dir)),
                all.roles(), all.chainId(), all.caDir(dir), all.caPassphrase(), all.caConfig(), all.keyPassphrase(),
                all.keyPbkdf2Iterations(), all.keyKind()), all.localValidators(), java.time.Instant.now());
        for (int id = 0; id < 4; id++) {
            AnchorSettings s = ChainTestSupport.settings(dir, new JsonObject().put("transport", "tls")
                    .put("peers", peers).put("localValidators", new JsonArray().add(id)));
            ChainNode node = ChainTestSupport.memoryNode(s, dir.resolve("node-" + id), log, null);
            node.addListener(recorder);
            node.start();
            nodes.add(node);
        }
        Random random = new Random(3);
        List<TopicPartition> partitions = List.of(new TopicPartition("orders", 0), new TopicPartition("trades", 0));
        for (int i = 0; i < 400; i++) {
            log.append(partitions.get(random.nextInt(2)), ("e" + i).getBytes(StandardCharsets.UTF_8),
                    System.currentTimeMillis());
        }

        Map<TopicPartition, Long> ends = log.endOffsets();
        for (int id = 0; id < 4; id++) {
            int v = id;
            Await.until("validator " + v + " anchors everything", WAIT_MS, () -> recorder.covers(v, ends),
                    () -> nodes.stream().map(ChainNode::statuses).toList());
        }
        for (int id = 0; id < 4; id++) {
            ChainAssertions.assertValidChain(recorder.blocks(id),
                    ChainTestSupport.verifier("test-chain", nodes.get(id).roster()),
                    tp -> ChainTestSupport.events(log, tp));
            ChainAssertions.assertCoversExactly(recorder.blocks(id), ends);
        }
        ChainAssertions.assertAgree(recorder.all());
        // Connections are (re)established asynchronously: a block certificate needs only 2f+1, so wait for the mesh.
        Await.until("every validator connected to its 3 peers", WAIT_MS,
                () -> nodes.stream().allMatch(n -> n.statuses().get(0).connectedPeers().size() == 3),
                () -> nodes.stream().map(ChainNode::statuses).toList());
    }
}
