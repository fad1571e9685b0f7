package io.carbonx.node.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.carbonx.eventlog.KafkaClients;
import io.carbonx.eventlog.runtime.CarbonxService;
import io.carbonx.events.Side;
import io.carbonx.exchange.service.ExchangeService;
import io.carbonx.node.metrics.core.SampleEvents;
import io.carbonx.node.runtime.CarbonxNode;
import io.carbonx.node.testing.GatedReplayService;
import io.carbonx.node.testing.NodeFixture;
import io.carbonx.node.testing.ReplayGate;
import io.carbonx.schemas.EventCodec;
import io.carbonx.schemas.Topics;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Readiness is honest: a node whose exchange must replay a pre-filled {@code carbonx.trades} answers
 * {@code /health/ready} 503 with a CATCHING_UP reason naming the exchange and the progress, and 200 once the replay
 * reached the end offsets seen at startup; {@code /health/live} answers 200 throughout.
 *
 * <p>How catch-up is made observable without timing luck: the first node (exchange with market data only) gets
 * {@value #TRADES} trades written to its log and stops. The second node starts on the same data directory with the
 * real {@link ExchangeService} wrapped in {@link GatedReplayService}, which passes {@code max.poll.records=}
 * {@value #BATCH} and the {@link ReplayGate} interceptor to the service's consumers. The gate holds every non-empty
 * poll of the trades follower until the test releases a permit, so the replay cannot finish (nor even start) before
 * the test has seen the CATCHING_UP answer, and each released permit lets exactly one batch of at most
 * {@value #BATCH} records through. The alternative, a throttle (small batches, a delay per batch), only makes the
 * race with the first probe unlikely, not impossible. Only the follower's polls are held, never the broker, the
 * HTTP server or the node's startup (the gate matches the follower's client id), so the probes answer throughout.
 */
class NodeReadinessIT {

    private static final int TRADES = 300;
    private static final int BATCH = 50;
    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final Map<String, String> MARKET_DATA_ONLY = Map.of(
            "CARBONX_SERVICES_EXCHANGE_MATCHER", "false", "CARBONX_SERVICES_EXCHANGE_GATEWAY", "false");

    @TempDir
    Path workDir;

    private final List<Integer> liveCodes = new ArrayList<>();

    @AfterEach
    void openGate() {
        ReplayGate.openFully();
    }

    @Test
    void givenABacklog_whenTheExchangeReplaysIt_thenReady503CatchingUpUntilCaughtUp_andLive200Throughout()
            throws Exception {
        fillTradesLog();

        ReplayGate.hold();
        List<CarbonxService> services =
                List.of(new GatedReplayService(new ExchangeService(), BATCH));
        try (CarbonxNode node = CarbonxNode.start(NodeFixture.config(workDir, MARKET_DATA_ONLY, services), services)) {
            JsonObject first = ready(node, 503);
            assertThat(first.getString("status")).isEqualTo("CATCHING_UP");
            assertThat(first.getString("reason")).startsWith("exchange is CATCHING_UP: catching up: marketData.trades");
            JsonObject exchange = first.getJsonObject("components").getJsonObject("exchange");
            assertThat(exchange.getString("status")).isEqualTo("CATCHING_UP");
            assertThat(remaining(first)).isEqualTo(TRADES);
            assertThat(exchange.getJsonObject("catchUp").getJsonObject("marketData.orders").getBoolean("caughtUp"))
                    .isTrue();

            ReplayGate.release(1);
            JsonObject partway = awaitReady(node, body -> remaining(body) < TRADES);
            assertThat(partway.getString("status")).isEqualTo("CATCHING_UP");
            assertThat(remaining(partway)).isBetween((long) TRADES - BATCH, (long) TRADES - 1);

            ReplayGate.openFully();
            JsonObject caughtUp = awaitReady(node, body -> "UP".equals(body.getString("status")));
            assertThat(NodeFixture.get(node.httpPort(), "/health/ready").statusCode()).isEqualTo(200);
            assertThat(caughtUp.getJsonObject("components").getJsonObject("exchange").getBoolean("marketDataCaughtUp"))
                    .isTrue();
            assertThat(liveCodes).isNotEmpty().containsOnly(200);
        }
    }

    /** A first node with the exchange (market data only) creates the topics; {@value #TRADES} trades are written. */
    private void fillTradesLog() throws Exception {
        List<CarbonxService> services = List.of(new ExchangeService());
        try (CarbonxNode node = CarbonxNode.start(NodeFixture.config(workDir, MARKET_DATA_ONLY, services), services)) {
            KafkaClients clients = new KafkaClients(node.bootstrapServers());
            try (KafkaProducer<byte[], byte[]> producer = clients.newProducer(clients.producerConfig("readiness-it"))) {
                long t = System.currentTimeMillis();
                for (int i = 0; i < TRADES; i++) {
                    producer.send(new ProducerRecord<>(Topics.TRADES, null, t + i,
                            SampleEvents.INSTRUMENT.getBytes(StandardCharsets.UTF_8), EventCodec.standard()
                            .encode(SampleEvents.trade("t" + i, "b" + i, "s" + i, Side.BUY))));
                }
                producer.flush();
            }
        }
    }

    private static long remaining(JsonObject readyBody) {
        return readyBody.getJsonObject("components").getJsonObject("exchange").getJsonObject("catchUp")
                .getJsonObject("marketData.trades").getLong("remaining");
    }

    /** GET /health/ready (and /health/live, whose code is recorded); requires {@code code}. */
    private JsonObject ready(CarbonxNode node, int code) {
        liveCodes.add(NodeFixture.get(node.httpPort(), "/health/live").statusCode());
        HttpResponse<String> r = NodeFixture.get(node.httpPort(), "/health/ready");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(code);
        return new JsonObject(r.body());
    }

    /** Polls /health/ready (and /health/live) until its body satisfies {@code done}; bounded by PATIENCE. */
    private JsonObject awaitReady(CarbonxNode node, Predicate<JsonObject> done) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        JsonObject body = new JsonObject();
        while (System.nanoTime() < deadline) {
            liveCodes.add(NodeFixture.get(node.httpPort(), "/health/live").statusCode());
            HttpResponse<String> r = NodeFixture.get(node.httpPort(), "/health/ready");
            body = new JsonObject(r.body());
            assertThat(r.statusCode()).as(r.body()).isEqualTo("UP".equals(body.getString("status")) ? 200 : 503);
            if (done.test(body)) {
                return body;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("/health/ready never reached the expected state within " + PATIENCE + ": " + body);
    }
}
