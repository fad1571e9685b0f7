package io.carbonx.chain.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.carbonx.chain.core.block.LogEvent;
import io.carbonx.chain.core.block.TopicPartition;
import io.carbonx.chain.core.pbft.message.CommittedBlock;
import io.carbonx.chain.runtime.BlockEvents;
import io.carbonx.chain.testing.Await;
import io.carbonx.chain.testing.ChainAssertions;
import io.carbonx.chain.testing.ChainTestSupport;
import io.carbonx.chain.testing.CommitRecorder;
import io.carbonx.chain.testing.KafkaLog;
import io.carbonx.eventlog.KafkaClients;
import io.carbonx.eventlog.runtime.KafkaClientTracker;
import io.carbonx.events.BlockCommitted;
import io.carbonx.events.ViewChanged;
import io.carbonx.schemas.EventCodec;
import io.carbonx.testkit.KafkaBroker;
import io.carbonx.testkit.KafkaBrokerExtension;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Four validators over a real broker: each reads the anchored topics itself (read_committed), they commit
 * certified blocks covering exactly the produced events, publish each height once to the blocks topic, keep
 * going with one validator stopped, change view when the primary stops, and stopped validators catch up —
 * from their peers, or from the blocks topic alone when their peers are unreachable.
 */
@ExtendWith(KafkaBrokerExtension.class)
class ChainAnchorIT {

    private static final long WAIT_MS = 90_000;

    @TempDir
    Path dir;
    private final CommitRecorder recorder = new CommitRecorder();
    private ChainNode node;
    private KafkaLog kafkaLog;
    private List<String> anchored;
    private String blocksTopic;
    private String viewsTopic;
    private String chainId;

    @AfterEach
    void tearDown() {
        if (node != null) {
            node.close();
        }
        if (kafkaLog != null) {
            kafkaLog.close();
        }
    }

    private void startNode(KafkaBroker broker) throws Exception {
        anchored = List.of(broker.createTopic("it-orders", 2), broker.createTopic("it-trades", 1));
        blocksTopic = broker.createTopic("it-blocks", 1);
        viewsTopic = broker.createTopic("it-views", 1);
        chainId = "it-chain-" + System.nanoTime();
        AnchorSettings s = ChainTestSupport.settings(dir, new JsonObject().put("chainId", chainId)
                .put("anchoredTopics", new JsonArray(anchored)).put("blocksTopic", blocksTopic)
                .put("viewsTopic", viewsTopic));
        KafkaClients clients = broker.clients();
        node = new ChainNode(s, dir, "it-node", clients, KafkaClientTracker.NONE, new SimpleMeterRegistry(),
                System::currentTimeMillis, null);
        node.addListener(recorder);
        node.start();
        kafkaLog = new KafkaLog(clients, "it-producer-" + chainId, 5);
    }

    private Map<TopicPartition, Long> eventEnds() {
        Map<TopicPartition, Long> ends = new TreeMap<>();
        kafkaLog.readAll(anchored).forEach((tp, events) -> {
            if (!events.isEmpty()) {
                ends.put(tp, events.get(events.size() - 1).offset() + 1);
            }
        });
        return ends;
    }

    private void produceAndAwait(int count, int... ids) {
        kafkaLog.produce(anchored, 1, count / 2);
        kafkaLog.produce(anchored.subList(0, 1), 2, count - count / 2);
        Map<TopicPartition, Long> ends = eventEnds();
        for (int id : ids) {
            Await.until("validator " + id + " anchors " + ends, WAIT_MS, () -> recorder.covers(id, ends),
                    node::statuses);
        }
    }

    private List<CommittedBlock> publishedBlocks() {
        List<CommittedBlock> out = new ArrayList<>();
        for (byte[] v : kafkaLog.values(blocksTopic)) {
            SpecificRecord r = EventCodec.standard().decode(v);
            if (r instanceof BlockCommitted b && b.getHeader().getChainId().equals(chainId)) {
                assertThat(b.getEnvelope().getEventId()).isEqualTo(BlockEvents.blockEventId(chainId,
                        b.getHeader().getHeight()));
                out.add(BlockEvents.fromEvent(b, node.roster()));
            }
        }
        return out;
    }

    private void assertPublishedChainValid(long atLeast) {
        Await.until("published up to " + atLeast, WAIT_MS, () -> node.publisher().publishedHeight() >= atLeast,
                () -> node.publisher().state());
        List<CommittedBlock> published = publishedBlocks();
        Map<TopicPartition, List<LogEvent>> events = kafkaLog.readAll(anchored);
        assertThat(published).extracting(CommittedBlock::height).as("each height once, in order")
                .containsExactlyElementsOf(IntStream.rangeClosed(1, published.size()).mapToObj(i -> (long) i).toList());
        ChainAssertions.assertValidChain(published, ChainTestSupport.verifier(chainId, node.roster()),
                tp -> events.getOrDefault(tp, List.of()));
    }

    @Test
    void validatorsAnchorEveryEventSurviveStopsViewChangeAndCatchUp(KafkaBroker broker) throws Exception {
        startNode(broker);
        produceAndAwait(400, 0, 1, 2, 3);
        ChainAssertions.assertCoversExactly(recorder.blocks(0), eventEnds());

        node.stopValidator(3);
        produceAndAwait(300, 0, 1, 2);

        node.startValidator(3);
        produceAndAwait(100, 0, 1, 2, 3);

        int primary = node.statuses().get(0).primary();
        long viewBefore = node.statuses().get(0).view();
        node.stopValidator(primary);
        int[] others = IntStream.range(0, 4).filter(i -> i != primary).toArray();
        produceAndAwait(300, others);
        assertThat(node.statuses()).allSatisfy(st -> assertThat(st.view()).isGreaterThan(viewBefore));

        node.startValidator(primary);
        produceAndAwait(100, 0, 1, 2, 3);

        Map<TopicPartition, Long> ends = eventEnds();
        Map<TopicPartition, List<LogEvent>> events = kafkaLog.readAll(anchored);
        for (int id = 0; id < 4; id++) {
            ChainAssertions.assertValidChain(recorder.blocks(id), ChainTestSupport.verifier(chainId, node.roster()),
                    tp -> events.getOrDefault(tp, List.of()));
            ChainAssertions.assertCoversExactly(recorder.blocks(id), ends);
        }
        ChainAssertions.assertAgree(recorder.all());
        assertPublishedChainValid(recorder.height(0));

        Await.until("view change published", WAIT_MS, () -> node.publisher().publishedView() > viewBefore,
                () -> node.publisher().state());
        List<ViewChanged> views = new ArrayList<>();
        for (byte[] v : kafkaLog.values(viewsTopic)) {
            views.add(EventCodec.standard().decode(v, ViewChanged.class));
        }
        assertThat(views).extracting(ViewChanged::getNewView).doesNotHaveDuplicates().isSorted();
        assertThat(views).allSatisfy(v -> assertThat(v.getEnvelope().getEventId())
                .isEqualTo(BlockEvents.viewEventId(chainId, v.getNewView())));
        assertThat(node.metrics().finality().count()).isPositive();
        assertThat(ChainAnchorService.health(node).isUp()).isTrue();
    }

    @Test
    void aValidatorCutOffFromItsPeersCatchesUpFromTheBlocksTopicVerifyingCertificates(KafkaBroker broker)
            throws Exception {
        startNode(broker);
        produceAndAwait(200, 0, 1, 2, 3);
        node.stopValidator(3);
        produceAndAwait(300, 0, 1, 2);
        long target = recorder.height(0);
        Await.until("published", WAIT_MS, () -> node.publisher().publishedHeight() >= target,
                () -> node.publisher().state());

        node.bus().filter((from, to, m) -> from != 3 && to != 3);
        node.startValidator(3);

        Await.until("validator 3 catches up from the topic", WAIT_MS, () -> recorder.height(3) >= target,
                node::statuses);
        ChainAssertions.assertValidChain(recorder.blocks(3), ChainTestSupport.verifier(chainId, node.roster()),
                tp -> kafkaLog.readAll(anchored).getOrDefault(tp, List.of()));
        ChainAssertions.assertAgree(recorder.all());
    }
}
