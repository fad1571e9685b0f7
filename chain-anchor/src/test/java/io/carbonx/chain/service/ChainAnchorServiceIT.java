package io.carbonx.chain.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.carbonx.chain.testing.Await;
import io.carbonx.chain.testing.ChainTestSupport;
import io.carbonx.chain.testing.KafkaLog;
import io.carbonx.eventlog.runtime.CarbonxService;
import io.carbonx.eventlog.runtime.ComponentHealth;
import io.carbonx.eventlog.runtime.KafkaClientTracker;
import io.carbonx.eventlog.runtime.ServiceContext;
import io.carbonx.testkit.KafkaBroker;
import io.carbonx.testkit.KafkaBrokerExtension;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The service seam: discovered by ServiceLoader, started by a node with its config, healthy, metered, stopped. */
@ExtendWith(KafkaBrokerExtension.class)
class ChainAnchorServiceIT {

    @TempDir
    Path dir;

    @Test
    void theServiceIsDiscoverableAndItsDefaultsAreValid() {
        List<CarbonxService> found = ServiceLoader.load(CarbonxService.class).stream()
                .map(ServiceLoader.Provider::get).filter(s -> s.name().equals("chain-anchor")).toList();
        assertThat(found).hasSize(1);
        AnchorSettings defaults = AnchorSettings.of(found.get(0).defaultConfig());
        assertThat(defaults.localValidators()).containsExactly(0, 1, 2, 3);
        assertThat(defaults.anchoredTopics()).isSorted().contains("carbonx.orders", "carbonx.trades")
                .doesNotContain("carbonx.chain.blocks");
        assertThat(found.get(0).topics()).extracting(t -> t.name())
                .containsExactly("carbonx.chain.blocks", "carbonx.chain.views");
    }

    @Test
    void startedByANodeItAnchorsEventsAndReportsHealthAndMetrics(KafkaBroker broker) throws Exception {
        List<String> anchored = List.of(broker.createTopic("svc-orders", 1));
        String blocks = broker.createTopic("svc-blocks", 1);
        String views = broker.createTopic("svc-views", 1);
        String chainId = "svc-chain-" + System.nanoTime();
        JsonObject config = ChainTestSupport.settings(dir, new JsonObject().put("chainId", chainId)
                .put("anchoredTopics", new JsonArray(anchored)).put("blocksTopic", blocks).put("viewsTopic", views))
                .json();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        ChainAnchorService service = new ChainAnchorService(registry);
        Vertx vertx = Vertx.vertx();
        try (KafkaLog kafkaLog = new KafkaLog(broker.clients(), "svc-producer-" + chainId, 9)) {
            service.start(vertx, new ServiceContext("svc-node", broker.bootstrapServers(), config, dir,
                    KafkaClientTracker.NONE)).await(60, TimeUnit.SECONDS);
            kafkaLog.produce(anchored, 1, 200);

            Await.until("blocks committed and published", 60_000, () -> {
                ComponentHealth h = service.health().await();
                return h.isUp() && h.details().getLong("height") > 0
                        && h.details().getJsonObject("publisher").getLong("publishedHeight") > 0
                        && h.details().getLong("lagEvents") == 0;
            }, () -> service.health().await().toJson());
            JsonObject details = service.health().await().details();
            assertThat(details.getJsonArray("validators")).hasSize(4);
            assertThat(details.getJsonArray("validators").getJsonObject(0).getJsonArray("connectedPeers")).hasSize(3);
            assertThat(registry.get("carbonx.chain.height").gauge().value()).isPositive();
            assertThat(registry.get("carbonx.chain.events.anchored").counter().count()).isEqualTo(200);
            assertThat(registry.get("carbonx.chain.finality").timer().count()).isEqualTo(200);
        } finally {
            service.stop().await(30, TimeUnit.SECONDS);
            vertx.close().await(10, TimeUnit.SECONDS);
        }
        assertThat(service.health().await().isUp()).isFalse();
    }
}
