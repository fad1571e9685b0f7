package io.carbonx.node.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.carbonx.eventlog.KafkaClients;
import io.carbonx.events.DefaultKind;
import io.carbonx.events.Side;
import io.carbonx.node.metrics.BusinessMetricsService;
import io.carbonx.node.metrics.core.SampleEvents;
import io.carbonx.node.runtime.CarbonxNode;
import io.carbonx.node.runtime.ServiceCatalog;
import io.carbonx.node.testing.NodeFixture;
import io.carbonx.schemas.EventCodec;
import io.carbonx.schemas.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The business and chain meters reach the node's {@code /metrics}: the business-metrics service follows the event
 * topics of a real broker and counts what it reads; the chain-anchor service's meters land in the node's registry
 * (they once went to Micrometer's global registry, which {@code /metrics} does not serve).
 */
class NodeMetricsIT {

    private static final Duration PATIENCE = Duration.ofSeconds(120);

    @TempDir
    Path workDir;

    @Test
    void businessEventsOnTheTopicsBecomeCountersAndLatencyHistogramsOnMetrics() throws Exception {
        List<BusinessMetricsService> services = List.of(new BusinessMetricsService());
        try (CarbonxNode node = CarbonxNode.start(NodeFixture.config(workDir, Map.of(), List.copyOf(services)),
                List.copyOf(services))) {
            long t = System.currentTimeMillis();
            // One phase per topic, each awaited: the follower reads several topics, and records of different
            // topics reach it in no guaranteed order (a trade read before its order's submission has no latency).
            try (KafkaProducer<byte[], byte[]> producer = producer(node)) {
                send(producer, Topics.ORDERS_SUBMITTED, t, SampleEvents.submitted("rest", Side.SELL));
                send(producer, Topics.ORDERS_SUBMITTED, t, SampleEvents.submitted("aggr", Side.BUY));
                send(producer, Topics.ORDERS_SUBMITTED, t, SampleEvents.submitted("poor", Side.BUY));
                awaitMetrics(node, "carbonx_orders_submitted_total{instrument=\"EUA-2026\",side=\"BUY\",type=\"LIMIT\"} 2.0");
                send(producer, Topics.ORDERS, t + 20, SampleEvents.accepted("rest", Side.SELL));
                send(producer, Topics.ORDERS, t + 25, SampleEvents.accepted("aggr", Side.BUY));
                send(producer, Topics.ORDERS, t + 30, SampleEvents.rejected("poor", "INSUFFICIENT_CASH"));
                awaitMetrics(node, "carbonx_orders_rejected_total{reason=\"INSUFFICIENT_CASH\"} 1.0");
                send(producer, Topics.TRADES, t + 40, SampleEvents.trade("t1", "aggr", "rest", Side.BUY));
                send(producer, Topics.TRADES, t + 41, SampleEvents.trade("t2", "aggr", "rest", Side.BUY));
                awaitMetrics(node, "carbonx_trades_total{instrument=\"EUA-2026\",venue=\"CONTINUOUS\"} 2.0");
                send(producer, Topics.SETTLEMENT, t + 2_040, SampleEvents.settled("t1"));
                send(producer, Topics.SETTLEMENT, t + 2_050, SampleEvents.defaulted("t2", DefaultKind.PAYMENT));
                send(producer, Topics.SETTLEMENT, t + 2_050, SampleEvents.unwound("t2"));
            }

            String metrics = awaitMetrics(node, "carbonx_settlement_failures_total 1.0");

            assertThat(value(metrics, "carbonx_orders_submitted_total", "side=\"BUY\"")).contains(2.0);
            assertThat(value(metrics, "carbonx_orders_submitted_total", "side=\"SELL\"")).contains(1.0);
            assertThat(value(metrics, "carbonx_orders_accepted_total", "instrument=\"EUA-2026\"")).contains(2.0);
            assertThat(value(metrics, "carbonx_orders_rejected_total", "reason=\"INSUFFICIENT_CASH\"")).contains(1.0);
            assertThat(value(metrics, "carbonx_trades_total", "venue=\"CONTINUOUS\"")).contains(2.0);
            assertThat(value(metrics, "carbonx_trades_quantity_total", "instrument=\"EUA-2026\"")).contains(14.0);
            assertThat(value(metrics, "carbonx_settlements_total", "kind=\"trade\"")).contains(1.0);
            assertThat(value(metrics, "carbonx_defaults_total", "kind=\"PAYMENT\"")).contains(1.0);
            assertThat(value(metrics, "carbonx_latency_order_accepted_seconds_count", "")).contains(3.0);
            // The aggressor's first fill only; the second fill of the same order is not a new latency.
            assertThat(value(metrics, "carbonx_latency_order_trade_seconds_count", "")).contains(1.0);
            assertThat(value(metrics, "carbonx_latency_order_trade_seconds_sum", "")).contains(0.04);
            assertThat(value(metrics, "carbonx_latency_trade_settled_seconds_sum", "")).contains(2.0);
            assertThat(metrics).contains("carbonx_latency_order_trade_seconds_bucket{le=");
        }
    }

    @Test
    void theRealNodeServesTheChainMetersAndTheBusinessMetersFromTheStart() {
        try (CarbonxNode node = CarbonxNode.start(NodeFixture.config(workDir, Map.of(), ServiceCatalog.discover()),
                ServiceCatalog.discover())) {
            String metrics = awaitMetrics(node, "carbonx_chain_height{");

            assertThat(metrics).contains("carbonx_chain_blocks_committed_total{", "carbonx_chain_view_changes_total{",
                    "carbonx_chain_finality_seconds_count{", "carbonx_latency_order_trade_seconds_count",
                    "carbonx_latency_trade_settled_seconds_count", "carbonx_settlement_failures_total");
        }
    }

    private static KafkaProducer<byte[], byte[]> producer(CarbonxNode node) {
        KafkaClients clients = new KafkaClients(node.bootstrapServers());
        return clients.newProducer(clients.producerConfig("metrics-it"));
    }

    private static void send(KafkaProducer<byte[], byte[]> producer, String topic, long timestamp,
                             SpecificRecord event) throws Exception {
        producer.send(new ProducerRecord<>(topic, null, timestamp, "k".getBytes(StandardCharsets.UTF_8),
                EventCodec.standard().encode(event))).get();
    }

    private static String awaitMetrics(CarbonxNode node, String needle) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        String body = "";
        while (System.nanoTime() < deadline) {
            body = NodeFixture.get(node.httpPort(), "/metrics").body();
            if (body.contains(needle)) {
                return body;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("/metrics never showed " + needle + " within " + PATIENCE + ":\n" + body);
    }

    /** The value of the sample of {@code family} whose labels contain {@code label}. */
    private static Optional<Double> value(String metrics, String family, String label) {
        Pattern line = Pattern.compile("^" + Pattern.quote(family) + "(\\{[^}]*})? (\\S+)$", Pattern.MULTILINE);
        Matcher m = line.matcher(metrics);
        while (m.find()) {
            String labels = m.group(1) == null ? "" : m.group(1);
            if (labels.contains(label)) {
                return Optional.of(Double.parseDouble(m.group(2)));
            }
        }
        return Optional.empty();
    }
}
